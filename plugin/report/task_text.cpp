#include "report/task_text.h"

#include <vector>

#include "report/advice.h"
#include "report/run_text.h"
#include "report/text.h"

namespace ccs::report {

std::string service_error_text(const TaskResult& task) {
    std::vector<std::string> parts;
    if (task.http_status != 0) parts.push_back("HTTP " + std::to_string(task.http_status));
    if (!task.error_code.empty() && !task.error_message.empty()) {
        parts.push_back(task.error_code + ": " + task.error_message);
    } else if (!task.error_code.empty() || !task.error_message.empty()) {
        parts.push_back(task.error_code + task.error_message);
    }
    return text::join(parts, ", ");
}

std::string request_ids_text(const TaskResult& task) {
    if (task.request_ids.empty()) return "";
    const char* label = task.request_ids.size() == 1 ? "request id " : "request ids ";
    return label + text::join(task.request_ids, ", ");
}

std::string task_line(const TaskResult& task) {
    if (task.check) return run::task_line(task);
    std::string line = "task " + task.task_id + ": " + to_string(task.outcome);
    if (!task.detail.empty()) line += " (" + task.detail + ")";
    if (task.outcome != Outcome::Failed) return line;
    for (const auto& part : {service_error_text(task), request_ids_text(task)}) {
        if (!part.empty()) line += "; " + part;
    }
    return line + ". " + advice_for(task);
}

std::string counts_text(const RunReport& report) {
    return std::to_string(report.ids_with(Outcome::Stopped).size()) + " stopped, " +
           std::to_string(report.ids_with(Outcome::NotRunning).size()) + " not running, " +
           std::to_string(report.ids_with(Outcome::Failed).size()) + " failed";
}

std::string result_line(const RunReport& report) {
    if (report.is_run_mode()) return run::result_line(report);
    const RunResult result = report.result();
    std::string line = std::string("result: ") + to_string(result);
    if (report.is_findings_mode()) {
        return line + " (" + std::to_string(report.findings->findings.size()) + " findings read" +
               (report.findings->complete() ? "" : ", partial") + ") in " +
               text::format_duration(report.elapsed);
    }
    if (result == RunResult::Skipped) {
        return report.skipped_reason.empty() ? line : line + " (" + report.skipped_reason + ")";
    }
    return line + " (" + counts_text(report) + ") in " + text::format_duration(report.elapsed);
}

}  // namespace ccs::report
