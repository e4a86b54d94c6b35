#include "report/redactor.h"

#include <algorithm>
#include <initializer_list>

#include "core/strings.h"
#include "report/text.h"

namespace ccs::report {

namespace {

// The secret itself and, for a multi-line secret, each of its non-blank lines.
std::vector<std::string> redactable_parts(const std::string& secret) {
    std::vector<std::string> parts{secret};
    const auto lines = text::split_lines(secret);
    if (lines.size() < 2) return parts;
    for (const auto& line : lines) {
        if (!is_blank(line)) parts.push_back(line);
    }
    return parts;
}

}  // namespace

Redactor::Redactor(const std::vector<std::string>& secrets) {
    for (const auto& secret : secrets) {
        if (secret.empty()) continue;
        for (auto& part : redactable_parts(secret)) secrets_.push_back(std::move(part));
    }
    std::sort(secrets_.begin(), secrets_.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    secrets_.erase(std::unique(secrets_.begin(), secrets_.end()), secrets_.end());
}

std::string Redactor::redact(const std::string& text) const {
    if (secrets_.empty() || text.empty()) return text;
    // The usual case, and cheap to tell: no secret in the text at all.
    if (std::none_of(secrets_.begin(), secrets_.end(),
                     [&text](const std::string& secret) { return text.find(secret) != std::string::npos; }))
        return text;
    std::vector<bool> is_secret(text.size(), false);
    for (const auto& secret : secrets_) {
        // Step by one byte, not by the secret's length: occurrences may overlap.
        for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 1)) {
            std::fill_n(is_secret.begin() + static_cast<std::ptrdiff_t>(at), secret.size(), true);
        }
    }
    std::string redacted;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!is_secret[i]) {
            redacted += text[i];
        } else if (i == 0 || !is_secret[i - 1]) {
            redacted += redacted_mark;
        }
    }
    return redacted;
}

TaskResult Redactor::redact(const TaskResult& task) const {
    TaskResult copy = task;
    copy.task_id = redact(task.task_id);
    copy.detail = redact(task.detail);
    copy.error_code = redact(task.error_code);
    copy.error_message = redact(task.error_message);
    for (auto& id : copy.request_ids) id = redact(id);
    if (copy.check) copy.check->exec_id = redact(task.check->exec_id);
    return copy;
}

void Redactor::redact_in_place(FindingsReport& findings) const {
    if (secrets_.empty()) return;
    for (auto& finding : findings.findings) {
        for (auto* text :
             {&finding.task_id, &finding.defect_id, &finding.rule, &finding.message, &finding.service_path})
            *text = redact(*text);
        if (finding.path) finding.path = redact(*finding.path);
    }
    for (auto& task : findings.tasks) {
        task.task_id = redact(task.task_id);
        task.problem = redact(task.problem);
    }
}

RunReport Redactor::redact(const RunReport& report) const {
    RunReport copy = report;
    for (auto& task : copy.tasks) task = redact(task);
    copy.skipped_reason = redact(report.skipped_reason);
    if (copy.findings) redact_in_place(*copy.findings);
    return copy;
}

}  // namespace ccs::report
