// GitLab Code Quality (artifacts:reports:codequality): a JSON array of issues, each with description,
// check_name, fingerprint, severity and location {path, lines {begin}}, all of which GitLab requires.
#pragma once

#include <cstddef>
#include <iosfwd>

#include "core/finding.h"
#include "report/finding_text.h"

namespace ccs::report {

// Writes the array to `out` as it goes; findings without a usable path are left out (GitLab requires
// a location), and counted. Severity: critical -> "critical", major -> "major",
// minor -> "minor", suggestion -> "info". lines.begin is the line, or 1 when the service gave none
// (GitLab requires it). The fingerprint is finding_fingerprints' (the same as in SARIF).
WrittenFindings write_codequality(const FindingsReport& findings, std::ostream& out);

// "critical", "major", "minor" or "info".
const char* codequality_severity(Severity severity);

}  // namespace ccs::report
