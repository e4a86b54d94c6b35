// Secret hygiene as a property of the whole suite: every secret a test hands the program is
// distinctive (it contains secret_marker), and everything the program printed or wrote is scanned for
// every such value. run_program() (tests/integration/program.h) does this for every run.
#pragma once

#include <string>
#include <vector>

#include "support/process.h"

namespace ccs::test {

// Every secret value the suite uses contains this, so a secret that leaks is found even when no test
// registered it, and a scan can tell secrets from other values.
inline constexpr const char* secret_marker = "S3CR3T";

// Secrets that do not contain the marker (a value a test must use verbatim, e.g. from a test vector).
// Thread-safe; values stay registered for the rest of the test binary's run.
void register_secret(const std::string& value);

// The secrets in one run's inputs: every registered secret, and every argument or environment value
// that contains the marker.
std::vector<std::string> secrets_in(const std::vector<std::string>& args, const Environment& env);

// Files a GitHub runner gives the program to write to: $GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY,
// $GITHUB_STATE, $GITHUB_ENV, $GITHUB_PATH; only those set in `env`.
std::vector<std::string> written_files(const Environment& env);

// Where `text` shows a secret: each finding names the secret's position and shows a few characters
// around it (the secret itself cut to its first 4 characters). A secret, or the marker, inside an
// "::add-mask::" command is not a finding: masking must name the value. Empty: nothing leaked.
std::vector<std::string> secret_findings(const std::string& text, const std::vector<std::string>& secrets,
                                         const std::string& where);

}  // namespace ccs::test
