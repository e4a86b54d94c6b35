#include "report/codequality.h"

#include <ostream>
#include <string>
#include <vector>

#include "report/finding_fingerprint.h"
#include "report/finding_text.h"
#include "report/json_report.h"

namespace ccs::report {

namespace {

std::string issue_object(const Finding& finding, const std::string& fingerprint) {
    return "{\"description\":" + json_string(finding_message(finding)) +
           ",\"check_name\":" + json_string(finding_rule(finding)) + ",\"fingerprint\":\"" + fingerprint +
           "\",\"severity\":\"" + codequality_severity(finding.severity) +
           "\",\"location\":{\"path\":" + json_string(finding.path.value_or("")) +
           ",\"lines\":{\"begin\":" + std::to_string(finding.line > 0 ? finding.line : 1) + "}}}";
}

}  // namespace

const char* codequality_severity(Severity severity) {
    switch (severity) {
        case Severity::Critical: return "critical";
        case Severity::Major: return "major";
        case Severity::Minor: return "minor";
        case Severity::Suggestion: break;
    }
    return "info";
}

WrittenFindings write_codequality(const FindingsReport& findings, std::ostream& out) {
    const std::vector<std::string> fingerprints = finding_fingerprints(findings.findings);
    WrittenFindings counts;
    out << "[";
    for (std::size_t i = 0; i < findings.findings.size(); ++i) {
        const Finding& finding = findings.findings[i];
        if (!finding.path) {
            ++counts.without_location;
            continue;
        }
        out << (counts.written++ ? ",\n" : "\n") << issue_object(finding, fingerprints[i]);
    }
    out << "]\n";
    return counts;
}

}  // namespace ccs::report
