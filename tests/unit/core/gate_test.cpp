#include <doctest/doctest.h>

#include "core/gate.h"

using namespace ccs;

namespace {

FailOn parsed(const std::string& text) {
    const FailOnParse parse = parse_fail_on(text);
    INFO(parse.error);
    REQUIRE(parse.fail_on);
    CHECK(parse.error.empty());
    return *parse.fail_on;
}

std::string error_of(const std::string& text) {
    const FailOnParse parse = parse_fail_on(text);
    CHECK_FALSE(parse.fail_on);
    return parse.error;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

SeverityCounts counts(long long critical, long long major, long long minor, long long suggestion) {
    return SeverityCounts{critical, major, minor, suggestion};
}

}  // namespace

TEST_CASE("--fail-on: gate, never, and severity lists") {
    CHECK(parsed("gate").kind == FailOn::Kind::Gate);
    CHECK(parsed(" GATE ").kind == FailOn::Kind::Gate);
    CHECK(parsed("never").kind == FailOn::Kind::Never);
    CHECK(parsed("\tNever\n").kind == FailOn::Kind::Never);

    const FailOn critical = parsed("critical");
    CHECK(critical.kind == FailOn::Kind::Thresholds);
    CHECK(critical.thresholds == std::vector<SeverityThreshold>{{Severity::Critical, 0}});
    CHECK(critical.needs_counts());
    CHECK_FALSE(parsed("gate").needs_counts());

    const FailOn list = parsed(" critical , Major > 10,minor>0, suggestion>999 ");
    CHECK(list.thresholds == std::vector<SeverityThreshold>{{Severity::Critical, 0},
                                                            {Severity::Major, 10},
                                                            {Severity::Minor, 0},
                                                            {Severity::Suggestion, 999}});
    CHECK(list.describe() == "critical,major>10,minor,suggestion>999");
    CHECK(parsed("major>007").thresholds.front().more_than == 7);
}

TEST_CASE("--fail-on: mistakes say what is wrong and what is allowed") {
    struct Case {
        const char* text;
        const char* names;
    };
    for (const Case& bad :
         {Case{"", "empty"}, Case{"   ", "empty"}, Case{"major>", "\"major>\" has no number"},
          Case{"major>-1", "\"major>-1\" needs a whole number"}, Case{"major>1.5", "needs a whole number"},
          Case{"major>x", "needs a whole number"}, Case{"blocker", "\"blocker\" is not a severity"},
          Case{"gate,critical", "\"gate\" cannot be combined"},
          Case{"critical,never", "\"never\" cannot be combined"}, Case{"critical,,major", "an item is empty"},
          Case{"critical,", "an item is empty"}, Case{",critical", "an item is empty"},
          Case{"major,major>3", "\"major\" is given more than once"},
          Case{"major>99999999999999999999", "too large"}, Case{">3", "\"\" is not a severity"},
          Case{"major>>3", "needs a whole number"}, Case{"crit\x01ical", "\\x01"}}) {
        CAPTURE(bad.text);
        const std::string error = error_of(bad.text);
        CHECK(contains(error, bad.names));
        CHECK(contains(error, "use gate, never, or a comma list of critical, major, minor, suggestion"));
    }
    // A long item is shown shortened.
    CHECK(error_of(std::string(200, 'x')).size() < 250);
}

TEST_CASE("gate: the task's own verdict") {
    const FailOn gate = parsed("gate");
    CHECK(evaluate_gate(gate, counts(5, 0, 0, 0), true).verdict == GateVerdict::Passed);
    const GateDecision failed = evaluate_gate(gate, counts(0, 0, 0, 0), false);
    CHECK(failed.verdict == GateVerdict::Failed);
    CHECK(contains(failed.reason, "quality gate failed"));
    const GateDecision none = evaluate_gate(gate, std::nullopt, std::nullopt);
    CHECK(none.verdict == GateVerdict::None);
    CHECK(contains(none.reason, "no quality gate verdict"));
}

TEST_CASE("never: no verdict, whatever the results") {
    const GateDecision never = evaluate_gate(parsed("never"), counts(9, 9, 9, 9), false);
    CHECK(never.verdict == GateVerdict::None);
    CHECK(contains(never.reason, "never"));
}

TEST_CASE("thresholds: more than N fails; the reason names every severity over its limit") {
    const FailOn rule = parsed("critical,major>10");
    CHECK(evaluate_gate(rule, counts(0, 10, 50, 50), false).verdict == GateVerdict::Passed);
    const GateDecision critical = evaluate_gate(rule, counts(1, 10, 0, 0), true);
    CHECK(critical.verdict == GateVerdict::Failed);
    CHECK(contains(critical.reason, "1 critical (more than 0)"));
    const GateDecision both = evaluate_gate(rule, counts(2, 11, 0, 0), true);
    CHECK(both.verdict == GateVerdict::Failed);
    CHECK(contains(both.reason, "2 critical (more than 0), 11 major (more than 10)"));
    const GateDecision unknown = evaluate_gate(rule, std::nullopt, true);
    CHECK(unknown.verdict == GateVerdict::None);
    CHECK(contains(unknown.reason, "could not be read"));
}
