#include <doctest/doctest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <set>
#include <sstream>

#include "core/version.h"
#include "findings_samples.h"
#include "report/finding_fingerprint.h"
#include "report/finding_text.h"
#include "report/json_report.h"
#include "report/sarif.h"

using namespace ccs;
using namespace ccs::report;
using Poco::JSON::Object;

namespace {

Object::Ptr sarif_of(const FindingsReport& findings) {
    std::ostringstream out;
    write_sarif(findings, out);
    return Poco::JSON::Parser().parse(out.str()).extract<Object::Ptr>();
}

Object::Ptr only_run(const Object::Ptr& sarif) {
    const auto runs = sarif->getArray("runs");
    REQUIRE(runs->size() == 1);
    return runs->getObject(0);
}

// What a parser makes of the text we mean to write: bytes that are not UTF-8 become U+FFFD.
std::string as_parsed(const std::string& text) {
    const std::string json = "{\"t\":" + json_string(text) + "}";
    return Poco::JSON::Parser().parse(json).extract<Object::Ptr>()->getValue<std::string>("t");
}

}  // namespace

TEST_CASE("SARIF: one run of the CodeArts Check driver, with the program's version and a rule per rule") {
    const auto findings = samples::hostile_findings();
    const auto sarif = sarif_of(findings);
    CHECK(sarif->getValue<std::string>("version") == "2.1.0");
    CHECK(sarif->getValue<std::string>("$schema").find("sarif-schema-2.1.0.json") != std::string::npos);
    const auto driver = only_run(sarif)->getObject("tool")->getObject("driver");
    CHECK(driver->getValue<std::string>("name") == "CodeArts Check");
    CHECK(driver->getValue<std::string>("version") == program_version);
    CHECK(driver->getValue<std::string>("informationUri") == codearts_check_information_uri);
    const auto rules = driver->getArray("rules");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < rules->size(); ++i) {
        const auto rule = rules->getObject(i);
        ids.insert(rule->getValue<std::string>("id"));
        CHECK_FALSE(rule->getObject("shortDescription")->getValue<std::string>("text").empty());
        CHECK_FALSE(rule->getObject("fullDescription")->getValue<std::string>("text").empty());
        CHECK_FALSE(rule->getObject("help")->getValue<std::string>("text").empty());
    }
    std::set<std::string> expected;
    for (const auto& finding : findings.findings) {
        if (finding.path) expected.insert(as_parsed(finding_rule(finding)));
    }
    CHECK(ids == expected);
    CHECK(ids.size() == rules->size());  // one rule per rule name, no duplicates
}

TEST_CASE("SARIF: a result per finding with its rule, level, message, location and fingerprint") {
    const auto findings = samples::hostile_findings();
    std::ostringstream out;
    const WrittenFindings written = write_sarif(findings, out);
    const auto run = only_run(Poco::JSON::Parser().parse(out.str()).extract<Object::Ptr>());
    const auto results = run->getArray("results");
    const auto rules = run->getObject("tool")->getObject("driver")->getArray("rules");
    const auto fingerprints = finding_fingerprints(findings.findings);
    std::set<std::string> seen;
    std::size_t next = 0;
    for (std::size_t i = 0; i < findings.findings.size(); ++i) {
        const Finding& finding = findings.findings[i];
        if (!finding.path) continue;  // no usable path: not a result (next test)
        REQUIRE(next < results->size());
        const auto result = results->getObject(next++);
        const std::string rule_id = result->getValue<std::string>("ruleId");
        CAPTURE(rule_id);
        CHECK(rule_id == as_parsed(finding_rule(finding)));
        const auto rule_index = result->getValue<std::size_t>("ruleIndex");
        CHECK(rules->getObject(rule_index)->getValue<std::string>("id") == rule_id);
        CHECK(result->getValue<std::string>("level") == sarif_level(finding.severity));
        CHECK(result->getObject("message")->getValue<std::string>("text") ==
              as_parsed(finding_message(finding)));
        const std::string fingerprint =
            result->getObject("partialFingerprints")->getValue<std::string>(sarif_fingerprint_key);
        CHECK(fingerprint == fingerprints[i]);
        seen.insert(fingerprint);
        const auto physical = result->getArray("locations")->getObject(0)->getObject("physicalLocation");
        CHECK(physical->getObject("artifactLocation")->getValue<std::string>("uri") ==
              sarif_uri(*finding.path));
        if (finding.line > 0) {
            CHECK(physical->getObject("region")->getValue<long>("startLine") == finding.line);
        } else {
            CHECK_FALSE(physical->has("region"));
        }
    }
    CHECK(next == results->size());
    CHECK(written.written == results->size());
    CHECK(seen.size() == results->size());
}

TEST_CASE("SARIF: a finding without a usable path is left out and counted, since GitHub refuses the file") {
    const auto findings = samples::hostile_findings();
    std::ostringstream out;
    const WrittenFindings written = write_sarif(findings, out);
    CHECK(written.without_location == 1);
    CHECK(written.written + written.without_location == findings.findings.size());
    CHECK(out.str().find("no-location-rule") == std::string::npos);
    const auto run = only_run(Poco::JSON::Parser().parse(out.str()).extract<Object::Ptr>());
    CHECK(run->getObject("properties")->getValue<std::size_t>("withoutLocation") == 1);
    const auto notifications =
        run->getArray("invocations")->getObject(0)->getArray("toolExecutionNotifications");
    REQUIRE(notifications->size() == 1);
    CHECK(notifications->getObject(0)->getObject("message")->getValue<std::string>("text").find(
              "1 findings have no usable location") == 0);
}

TEST_CASE("SARIF: levels follow the severity") {
    CHECK(std::string(sarif_level(Severity::Critical)) == "error");
    CHECK(std::string(sarif_level(Severity::Major)) == "error");
    CHECK(std::string(sarif_level(Severity::Minor)) == "warning");
    CHECK(std::string(sarif_level(Severity::Suggestion)) == "note");
}

TEST_CASE("SARIF: a location is a relative URI reference, every special character percent-encoded") {
    CHECK(sarif_uri("src/a.c") == "src/a.c");
    CHECK(sarif_uri("src/dir 1/a#b%c,d:e?.cpp") == "src/dir%201/a%23b%25c%2Cd%3Ae%3F.cpp");
    CHECK(sarif_uri("src/\xe4\xb8\xad.c") == "src/%E4%B8%AD.c");
}

TEST_CASE("SARIF: complete findings say so; partial ones never pass for complete") {
    const auto complete = only_run(sarif_of(samples::hostile_findings()));
    CHECK(complete->getObject("properties")->getValue<bool>("complete"));
    CHECK(complete->getArray("invocations")->getObject(0)->getValue<bool>("executionSuccessful"));

    const auto partial = only_run(sarif_of(samples::partial_findings()));
    CHECK_FALSE(partial->getObject("properties")->getValue<bool>("complete"));
    const auto invocation = partial->getArray("invocations")->getObject(0);
    CHECK_FALSE(invocation->getValue<bool>("executionSuccessful"));
    const auto notifications = invocation->getArray("toolExecutionNotifications");
    REQUIRE(notifications->size() == 2);  // the findings without a location, then task T2's
    const auto notification = notifications->getObject(1);
    CHECK(notification->getValue<std::string>("level") == "warning");
    const std::string text = notification->getObject("message")->getValue<std::string>("text");
    CHECK(text.find("T2") != std::string::npos);
    CHECK(text.find("incomplete") != std::string::npos);
    CHECK(text.find("HTTP 500") != std::string::npos);
}

TEST_CASE("SARIF: a long message is cut, so one finding cannot make the file huge") {
    const auto findings = samples::hostile_findings();
    std::ostringstream out;
    write_sarif(findings, out);
    CHECK(out.str().find(std::string(max_finding_message_chars + 1, 'x')) == std::string::npos);
    CHECK(out.str().find(std::string(max_finding_rule_chars + 1, 'r')) == std::string::npos);
}

TEST_CASE("SARIF: no findings is still a valid run with an empty result list") {
    FindingsReport none;
    const auto run = only_run(sarif_of(none));
    CHECK(run->getArray("results")->size() == 0);
    CHECK(run->getObject("tool")->getObject("driver")->getArray("rules")->size() == 0);
}
