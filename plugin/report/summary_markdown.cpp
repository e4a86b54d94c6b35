#include "report/summary_markdown.h"

#include "report/advice.h"
#include "report/findings_markdown.h"
#include "report/run_text.h"
#include "report/task_text.h"
#include "report/text.h"

namespace ccs::report {

namespace {

// Room kept for the line that says how many rows were left out.
constexpr std::size_t omitted_note_reserve = 200;

std::string cell(const std::string& text) {
    return escape_table_cell(text::truncate_chars(text, max_cell_chars));
}

std::string outcome_cell(const TaskResult& task) {
    std::string outcome = std::string("**") + to_string(task.outcome) + "**";
    if (!task.detail.empty()) outcome += ": " + cell(task.detail);
    if (task.outcome == Outcome::Failed) outcome += "<br>" + cell(advice_for(task));
    return outcome;
}

std::string table_row(const TaskResult& task) {
    return "| " + cell(task.task_id) + " | " + outcome_cell(task) + " | " + cell(service_error_text(task)) +
           " | " + cell(text::join(task.request_ids, "\n")) + " | " + text::format_duration(task.elapsed) +
           " |\n";
}

// Run mode: the check's status, why, and for a failure the service's error and the advice.
std::string status_cell(const TaskResult& task) {
    std::string status = std::string("**") + to_string(run::status_of(task)) + "**";
    if (!task.detail.empty()) status += ": " + cell(task.detail);
    if (!run::needs_explanation(task)) return status;
    if (const auto error = service_error_text(task); !error.empty()) status += "<br>" + cell(error);
    return status + "<br>" + cell(advice_for(task));
}

std::string task_cell(const TaskResult& task) {
    std::string id = cell(task.task_id);
    if (task.check && !task.check->exec_id.empty()) id += "<br>exec id " + cell(task.check->exec_id);
    if (task.check && task.check->followed_only) id += "<br>followed";
    return id;
}

std::string run_table_row(const TaskResult& task) {
    std::string row = "| " + task_cell(task) + " | " + status_cell(task) + " |";
    const bool read = task.check && task.check->counts;
    for (const auto& [name, count] : run::severities(read ? *task.check->counts : SeverityCounts{})) {
        row += read ? " " + std::to_string(count) + " |" : " – |";
    }
    return row + " " + to_string(run::gate_of(task)) + " | " + text::format_duration(task.elapsed) + " |\n";
}

std::string run_heading_and_result(const RunReport& report) {
    return std::string("## CodeArts Check: run checks\n\n**Result: ") + to_string(report.result()) +
           "**: " + run::statuses_text(report) +
           "; findings: " + run::counts_text(run::summed_counts(report)) +
           "; gate: " + to_string(run::overall_gate(report)) + ", in " +
           text::format_duration(report.elapsed) + "\n\n";
}

std::string findings_heading_and_result(const RunReport& report) {
    const FindingsReport& findings = *report.findings;
    return std::string("## CodeArts Check: findings\n\n**Result: ") + to_string(report.result()) +
           "**: " + std::to_string(findings.findings.size()) + " findings read" +
           (findings.complete() ? "" : " (partial)") + ", in " + text::format_duration(report.elapsed) +
           "\n\n";
}

std::string heading_and_result(const RunReport& report) {
    if (report.is_findings_mode()) return findings_heading_and_result(report);
    const RunResult result = report.result();
    std::string head = std::string("## CodeArts Check: stop tasks\n\n**Result: ") + to_string(result) + "**";
    if (result != RunResult::Skipped) {
        head += ": " + counts_text(report) + ", in " + text::format_duration(report.elapsed);
    } else if (!report.skipped_reason.empty()) {
        head += ": " + escape_table_cell(report.skipped_reason);
    }
    return head + "\n\n";
}

}  // namespace

std::string escape_table_cell(const std::string& raw) {
    const std::string text = text::visible_controls(raw);
    std::string escaped;
    escaped.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\r':
                if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
                escaped += "<br>";
                break;
            case '\n': escaped += "<br>"; break;
            case '&': escaped += "&amp;"; break;
            case '<': escaped += "&lt;"; break;
            case '>': escaped += "&gt;"; break;
            case '|':
            case '\\':
            case '*':
            case '_':
            case '`':
            case '[':
            case ']':
                escaped += '\\';
                escaped += c;
                break;
            default: escaped += c;
        }
    }
    return escaped;
}

std::string summary_markdown(const RunReport& report, const FindingsFiles& files) {
    const bool run_mode = report.is_run_mode();
    std::string summary = run_mode ? run_heading_and_result(report) : heading_and_result(report);
    const std::string findings = report.findings ? findings_markdown(*report.findings, files) : "";
    if (report.tasks.empty()) return text::truncate_bytes(summary + findings, max_summary_bytes);
    summary +=
        run_mode ? "| Task | Status | Critical | Major | Minor | Suggestion | Gate | Time taken |\n"
                   "|---|---|---|---|---|---|---|---|\n"
                 : "| Task | Outcome | Service error | Request id(s) | Time taken |\n|---|---|---|---|---|\n";
    std::size_t rows_written = 0;
    for (const auto& task : report.tasks) {
        std::string row = run_mode ? run_table_row(task) : table_row(task);
        if (summary.size() + row.size() + omitted_note_reserve + findings.size() > max_summary_bytes) break;
        summary += row;
        ++rows_written;
    }
    if (const std::size_t omitted = report.tasks.size() - rows_written; omitted > 0) {
        summary += "\n" + std::to_string(omitted) +
                   " more tasks are not shown: a step summary is limited to 1 MiB. The step log lists all.\n";
    }
    if (!findings.empty()) summary += "\n" + findings;
    return text::truncate_bytes(summary, max_summary_bytes);
}

}  // namespace ccs::report
