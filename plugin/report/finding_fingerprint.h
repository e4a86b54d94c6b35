// The one fingerprint of a finding, shared by SARIF (partialFingerprints) and GitLab Code Quality
// (fingerprint), so both track the same finding as the same alert from run to run.
#pragma once

#include <string>
#include <vector>

#include "core/finding.h"

namespace ccs::report {

// One lower-case hex SHA-256 per finding, in the order given. It covers the rule, the location's path
// (the service's path when it has no usable one), the message and the finding's rank among findings
// with the same three: not the line, so a finding keeps its fingerprint when code above it moves, nor
// the task or defect id, which change when a task is recreated. Unique within the list: identical
// triples differ by rank, and the fields are length-prefixed so no two triples run together alike.
std::vector<std::string> finding_fingerprints(const std::vector<Finding>& findings);

}  // namespace ccs::report
