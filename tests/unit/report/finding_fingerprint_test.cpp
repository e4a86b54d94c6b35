#include <doctest/doctest.h>

#include <set>

#include "findings_samples.h"
#include "report/finding_fingerprint.h"

using namespace ccs;
using namespace ccs::report;

TEST_CASE("fingerprint: one per finding, unique within the list, 64 hex digits") {
    const auto findings = samples::hostile_findings().findings;
    const auto fingerprints = finding_fingerprints(findings);
    REQUIRE(fingerprints.size() == findings.size());
    CHECK(std::set<std::string>(fingerprints.begin(), fingerprints.end()).size() == findings.size());
    for (const auto& fingerprint : fingerprints) {
        CAPTURE(fingerprint);
        CHECK(fingerprint.size() == 64);
        CHECK(fingerprint.find_first_not_of("0123456789abcdef") == std::string::npos);
    }
}

TEST_CASE("fingerprint: the same findings in the next run keep theirs, even when their lines moved") {
    const auto first = samples::hostile_findings().findings;
    auto next = first;
    for (auto& finding : next) {
        finding.line += 40;  // code was added above every finding
        finding.defect_id += "-next-run";
        finding.task_id = "recreated-task";
    }
    CHECK(finding_fingerprints(next) == finding_fingerprints(first));
}

TEST_CASE("fingerprint: a different rule, path or message is a different finding") {
    const Finding base = samples::finding(Severity::Major, "rule", "src/a.c", 3, "message");
    auto other_rule = base;
    other_rule.rule = "rule2";
    auto other_path = base;
    other_path.path = "src/b.c";
    auto other_message = base;
    other_message.message = "message2";
    const auto fingerprints = finding_fingerprints({base, other_rule, other_path, other_message});
    CHECK(std::set<std::string>(fingerprints.begin(), fingerprints.end()).size() == 4);
    // Each alone, so that the rank among identical findings plays no part.
    CHECK(finding_fingerprints({other_rule})[0] == fingerprints[1]);
    CHECK(finding_fingerprints({base})[0] != finding_fingerprints({other_path})[0]);
}

TEST_CASE("fingerprint: fields cannot run into each other") {
    // rule "ab" + path "c" must not read the same as rule "a" + path "bc".
    const Finding one = samples::finding(Severity::Minor, "ab", "c", 1, "m");
    const Finding two = samples::finding(Severity::Minor, "a", "bc", 1, "m");
    CHECK(finding_fingerprints({one})[0] != finding_fingerprints({two})[0]);
}

TEST_CASE("fingerprint: identical findings are told apart by their rank, stable from run to run") {
    const Finding same = samples::finding(Severity::Minor, "dup", "src/dup.c", 10, "same");
    auto moved = same;
    moved.line = 99;
    const auto fingerprints = finding_fingerprints({same, moved});
    CHECK(fingerprints[0] != fingerprints[1]);
    CHECK(finding_fingerprints({same, moved}) == fingerprints);
}
