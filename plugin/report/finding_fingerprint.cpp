#include "report/finding_fingerprint.h"

#include <map>

#include "auth/digest.h"

namespace ccs::report {

namespace {

// "<length>:<bytes>": no field's content can be mistaken for a boundary.
std::string field(const std::string& text) {
    return std::to_string(text.size()) + ":" + text;
}

std::string identity(const Finding& finding) {
    return field(finding.rule) + field(finding.path.value_or(finding.service_path)) + field(finding.message);
}

}  // namespace

std::vector<std::string> finding_fingerprints(const std::vector<Finding>& findings) {
    std::map<std::string, long long> seen;  // identity -> findings with it so far
    std::vector<std::string> fingerprints;
    fingerprints.reserve(findings.size());
    for (const auto& finding : findings) {
        std::string key = identity(finding);
        const long long rank = seen[key]++;
        fingerprints.push_back(auth::sha256_hex("codearts-check/v1\n" + key + field(std::to_string(rank))));
    }
    return fingerprints;
}

}  // namespace ccs::report
