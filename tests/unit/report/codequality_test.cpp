#include <doctest/doctest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <set>
#include <sstream>

#include "findings_samples.h"
#include "report/codequality.h"
#include "report/finding_fingerprint.h"
#include "report/json_report.h"

using namespace ccs;
using namespace ccs::report;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

struct Written {
    Array::Ptr issues;
    WrittenFindings counts;
};

Written codequality_of(const FindingsReport& findings) {
    std::ostringstream out;
    Written written;
    written.counts = write_codequality(findings, out);
    written.issues = Poco::JSON::Parser().parse(out.str()).extract<Array::Ptr>();
    return written;
}

// GitLab's documented format: these keys, with these types, are required on every issue.
void check_gitlab_issue(const Object::Ptr& issue) {
    REQUIRE(issue->isObject("location"));
    const auto location = issue->getObject("location");
    REQUIRE(location->isObject("lines"));
    CHECK(issue->get("description").isString());
    CHECK(issue->get("check_name").isString());
    CHECK(issue->get("fingerprint").isString());
    CHECK(issue->get("severity").isString());
    CHECK(location->get("path").isString());
    CHECK(location->getObject("lines")->get("begin").isInteger());
    const std::set<std::string> severities = {"info", "minor", "major", "critical", "blocker"};
    CHECK(severities.count(issue->getValue<std::string>("severity")) == 1);
    CHECK_FALSE(location->getValue<std::string>("path").empty());
    CHECK(location->getObject("lines")->getValue<long>("begin") >= 1);
}

}  // namespace

TEST_CASE("Code Quality: an issue per finding with a path, in GitLab's format, fingerprints as SARIF's") {
    const auto findings = samples::hostile_findings();
    const auto written = codequality_of(findings);
    const auto fingerprints = finding_fingerprints(findings.findings);
    std::size_t next = 0;
    for (std::size_t i = 0; i < findings.findings.size(); ++i) {
        const Finding& finding = findings.findings[i];
        if (!finding.path) continue;
        REQUIRE(next < written.issues->size());
        const auto issue = written.issues->getObject(next++);
        check_gitlab_issue(issue);
        CHECK(issue->getValue<std::string>("fingerprint") == fingerprints[i]);
        CHECK(issue->getValue<std::string>("severity") == codequality_severity(finding.severity));
        const auto location = issue->getObject("location");
        CHECK(location->getValue<std::string>("path") == *finding.path);
        CHECK(location->getObject("lines")->getValue<long>("begin") == (finding.line > 0 ? finding.line : 1));
    }
    CHECK(next == written.issues->size());
    CHECK(written.counts.written == written.issues->size());
}

TEST_CASE("Code Quality: a finding without a usable path is left out and counted") {
    const auto findings = samples::hostile_findings();
    const auto written = codequality_of(findings);
    CHECK(written.counts.without_location == 1);
    CHECK(written.counts.written + written.counts.without_location == findings.findings.size());
    for (std::size_t i = 0; i < written.issues->size(); ++i)
        CHECK(written.issues->getObject(i)->getValue<std::string>("check_name") != "no-location-rule");
}

TEST_CASE("Code Quality: fingerprints are unique within the file") {
    const auto written = codequality_of(samples::many_findings(2000));
    std::set<std::string> fingerprints;
    for (std::size_t i = 0; i < written.issues->size(); ++i)
        fingerprints.insert(written.issues->getObject(i)->getValue<std::string>("fingerprint"));
    CHECK(written.issues->size() == 2000);
    CHECK(fingerprints.size() == 2000);
}

TEST_CASE("Code Quality: severities are GitLab's") {
    CHECK(std::string(codequality_severity(Severity::Critical)) == "critical");
    CHECK(std::string(codequality_severity(Severity::Major)) == "major");
    CHECK(std::string(codequality_severity(Severity::Minor)) == "minor");
    CHECK(std::string(codequality_severity(Severity::Suggestion)) == "info");
}

TEST_CASE("Code Quality: hostile text stays inside its JSON string") {
    const auto findings = samples::hostile_findings();
    std::ostringstream out;
    write_codequality(findings, out);
    const std::string json = out.str();
    CHECK(json.find('\0') == std::string::npos);
    CHECK(json.find('\x1b') == std::string::npos);
    CHECK(json.find('\xff') == std::string::npos);  // not UTF-8: replaced, so GitLab can parse it
    const auto issues = Poco::JSON::Parser().parse(json).extract<Array::Ptr>();
    CHECK(issues->getObject(0)->getValue<std::string>("description").find("\n::error::injected") !=
          std::string::npos);
}

TEST_CASE("Code Quality: no findings is an empty array") {
    const auto written = codequality_of(FindingsReport{});
    CHECK(written.issues->size() == 0);
}
