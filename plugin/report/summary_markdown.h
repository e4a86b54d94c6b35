// The GitHub step summary: GitHub-flavoured Markdown appended to $GITHUB_STEP_SUMMARY.
#pragma once

#include <cstddef>
#include <string>

#include "core/task_result.h"
#include "report/findings_files.h"

namespace ccs::report {

// GitHub takes at most 1 MiB of summary per step.
inline constexpr std::size_t max_summary_bytes = std::size_t{1024} * 1024;

// Longer cells are cut: one huge error message must not push every other task out of the summary.
inline constexpr std::size_t max_cell_chars = 2000;

// Text made safe for one table cell: '|' and '\' are backslash-escaped, line breaks (LF, CRLF, CR)
// become <br> (a cell cannot span lines), '*', '_', '`', '[', ']' are backslash-escaped so service
// text (and "***") shows literally, and '&', '<', '>' become entities so text cannot open HTML.
std::string escape_table_cell(const std::string& text);

// A heading, the result, then one table row per task (task, outcome, service error code and
// message, request id(s), time taken). Rows that would pass max_summary_bytes are left out and
// counted in a last line. Pass a redacted report.
// Run mode ("## CodeArts Check: run checks"): the result with the statuses, the summed findings and
// the gate, then one row per task: task (and exec id), status (why; for a failure the service error
// and the advice), critical, major, minor, suggestion ("–" when not read), gate, time taken.
// With findings (report.findings), findings_markdown's section follows the table; the table's rows
// leave room for it.
std::string summary_markdown(const RunReport& report, const FindingsFiles& files = {});

}  // namespace ccs::report
