// The whole result as one JSON document, the same for every CI (--json).
#pragma once

#include <cstddef>
#include <string>

#include "core/task_result.h"

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
// A run over thousands of tasks keeps its report to a size a CI log and a reader can take.
inline constexpr std::size_t max_json_task_objects = 1000;
inline constexpr std::size_t max_json_request_ids = 1000;

std::string to_json(const RunReport& report, int exit_code);

}  // namespace ccs::report
