#include "report/summary_markdown.h"

#include "report/advice.h"
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

std::string heading_and_result(const RunReport& report) {
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

std::string summary_markdown(const RunReport& report) {
    std::string summary = heading_and_result(report);
    if (report.tasks.empty()) return text::truncate_bytes(summary, max_summary_bytes);
    summary += "| Task | Outcome | Service error | Request id(s) | Time taken |\n|---|---|---|---|---|\n";
    std::size_t rows_written = 0;
    for (const auto& task : report.tasks) {
        std::string row = table_row(task);
        if (summary.size() + row.size() + omitted_note_reserve > max_summary_bytes) break;
        summary += row;
        ++rows_written;
    }
    if (const std::size_t omitted = report.tasks.size() - rows_written; omitted > 0) {
        summary += "\n" + std::to_string(omitted) +
                   " more tasks are not shown: a step summary is limited to 1 MiB. The step log lists all.\n";
    }
    return text::truncate_bytes(summary, max_summary_bytes);
}

}  // namespace ccs::report
