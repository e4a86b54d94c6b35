#include "report/finding_text.h"

#include "report/text.h"

namespace ccs::report {

std::string finding_rule(const Finding& finding) {
    return finding.rule.empty() ? "unknown-rule" : text::truncate_chars(finding.rule, max_finding_rule_chars);
}

std::string finding_message(const Finding& finding) {
    if (finding.message.empty()) return finding_rule(finding) + " (no message)";
    return text::truncate_chars(finding.message, max_finding_message_chars);
}

std::string finding_location(const Finding& finding) {
    if (!finding.path) return "";
    return finding.line > 0 ? *finding.path + ":" + std::to_string(finding.line) : *finding.path;
}

}  // namespace ccs::report
