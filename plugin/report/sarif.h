// SARIF 2.1.0 as GitHub code scanning takes it (github/codeql-action/upload-sarif): one run of the
// tool "CodeArts Check", a rule per rule found, a result per finding.
#pragma once

#include <iosfwd>
#include <string>

#include "core/finding.h"
#include "report/finding_text.h"

namespace ccs::report {

// Where the tool's link in GitHub leads: Huawei's CodeArts Check documentation, since the rules and
// the analysis are CodeArts Check's; this program only carries its results.
inline constexpr const char* codearts_check_information_uri =
    "https://support.huaweicloud.com/intl/en-us/codecheck/index.html";

// The key of each result's partialFingerprints (finding_fingerprints): versioned, so a change of the
// recipe would not be mistaken for the old one.
inline constexpr const char* sarif_fingerprint_key = "codeartsCheckFinding/v1";

// Writes the document to `out` as it goes, result by result: the findings are never held twice.
// Each result: ruleId, ruleIndex, level (critical and major "error", minor "warning", suggestion
// "note"), message, its location (uri relative to the repository root, startLine when known),
// partialFingerprints, and properties (severity, task id, defect id). A finding without a usable
// path is no result: GitHub refuses the whole file for one result without a location; they are
// counted in run.properties.withoutLocation and a warning notification.
// What the file does not hold is said: run.properties.complete is false when any task's findings
// were not all read, and invocations[0] then has executionSuccessful false and a warning
// notification per such task. GitHub takes executionSuccessful false for an unsuccessful execution:
// it stores none of the file's results and closes none of the open alerts (the upload reports
// "unsuccessful execution"), where a partial file taken as complete would close every alert it
// misses as fixed.
WrittenFindings write_sarif(const FindingsReport& findings, std::ostream& out);

// "error", "warning" or "note".
const char* sarif_level(Severity severity);

// A repository-relative path as a URI reference: every byte outside RFC 3986's unreserved
// characters and '/' percent-encoded ("a b#1.c" -> "a%20b%231.c").
std::string sarif_uri(const std::string& path);

}  // namespace ccs::report
