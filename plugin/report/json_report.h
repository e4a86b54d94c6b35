// The whole result as one JSON document, the same for every CI (--json).
#pragma once

#include <cstddef>
#include <string>

#include "core/task_result.h"
#include "report/findings_files.h"

namespace ccs::report {

// One line, no trailing newline, keys in this order:
//   result ("success" | "failure" | "skipped"), stopped, not-running, failed (arrays of task ids),
//   request-ids (array: the first max_json_request_ids), request-ids-omitted (how many more there
//   were), exit-code, duration-ms, tasks (array of objects: task-id, outcome, detail,
//   error-code, error-message, http-status, request-ids, attempts, duration-ms; the first
//   max_json_task_objects tasks), tasks-omitted (how many tasks have no object: 0 unless there are
//   more), skipped-reason (only when the result is "skipped").
// Every field is always there with one type: "" for no error code or message, 0 for no HTTP status.
// Pass a redacted report. The id arrays always list every task.
//
// A run-mode report (its tasks carry `check`) has these keys too, between duration-ms and tasks:
//   exec-ids (array of the runs' exec ids, task order; a followed task has none), task-status (object:
//   task id -> "passed" | "gate-failed" | "check-failed" | "stopped" | "stopped-elsewhere" | "failed",
//   every task, keys sorted), critical, major, minor, suggestion (numbers: the findings summed over the
//   tasks), gate ("passed" | "failed" | "none", run::overall_gate);
// and each task object ends with "check": {exec-id ("" when followed), followed (bool), status,
//   counts-read (bool: whether the findings were read), critical, major, minor, suggestion (0 when not
//   read), gate}. A stop-mode document has none of these keys.
// A run over thousands of tasks keeps its report to a size a CI log and a reader can take.
inline constexpr std::size_t max_json_task_objects = 1000;
inline constexpr std::size_t max_json_request_ids = 1000;

// With findings (report.findings set), one more key at the end, "findings": an object with critical,
// major, minor, suggestion (the findings kept, per severity), complete (bool: every task's findings
// were read in full), max-findings (the cap applied), tasks (array, task order: task-id, total (null
// when no page was read), kept, complete, problem), files (array, one per file asked for: format
// ("sarif" | "codequality"), path, written (bool), error ("" when written), findings (how many it
// holds), left-out (findings without a location a Code Quality file cannot hold)). The findings
// themselves are not listed: the SARIF and Code Quality files have them.
std::string to_json(const RunReport& report, int exit_code, const FindingsFiles& files);
std::string to_json(const RunReport& report, int exit_code);

// `text` as a JSON string, quotes included; bytes that are not UTF-8 become U+FFFD.
std::string json_string(const std::string& text);

// The task-status object on one line ({"T1":"passed","T2":"gate-failed"}), at most `max_bytes`:
// when not every task fits, it keeps the tasks that do and ends with one more key, "...", whose value
// says how many were left out ("1234 more"). Still valid JSON. Pass a redacted run-mode report.
std::string task_status_json(const RunReport& report, std::size_t max_bytes);

}  // namespace ccs::report
