// Run mode in sums and words: the one place every reporter (plain, GitLab, GitHub, the JSON document,
// the step summary, the dotenv lines) takes a run-mode report's aggregates and sentences from, so they
// all say the same. A report is run-mode when its tasks carry `check` (RunReport::is_run_mode()).
// These functions do not redact: callers pass a redacted report.
#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "core/task_result.h"

namespace ccs::report::run {

// A task's status: its check's; Failed for a task without one (it was neither started nor followed).
CheckStatus status_of(const TaskResult& task);

// The gate verdict of a task: its check's; None without one.
GateVerdict gate_of(const TaskResult& task);

// The findings summed over the tasks whose counts were read (zeros when none was).
SeverityCounts summed_counts(const RunReport& report);

// The gate over all tasks: Failed when any task's gate failed; Passed when every task's gate passed;
// None otherwise (no task had a verdict, or some had none: a check that failed or was stopped has
// none, and "passed" must not claim a verdict nobody gave).
GateVerdict overall_gate(const RunReport& report);

// The exec ids of the runs this program started, in task order; a followed task has none.
std::vector<std::string> exec_ids(const RunReport& report);

// (task id, status name) per task, in task order.
std::vector<std::pair<std::string, std::string>> task_statuses(const RunReport& report);

// The severities in their order with their names, the one list every format iterates:
// {"critical", n}, {"major", n}, {"minor", n}, {"suggestion", n}.
std::array<std::pair<const char*, long long>, 4> severities(const SeverityCounts& counts);

// "2 critical, 0 major, 5 minor, 1 suggestion".
std::string counts_text(const SeverityCounts& counts);

// What became of a task, to follow "task <id> ": "passed", "failed its quality gate", ...
const char* status_phrase(CheckStatus status);

// Whether the task's line and annotation carry the service error, the request ids and the advice:
// its check could not be started, followed or read, or it could not be stopped.
bool needs_explanation(const TaskResult& task);

// "1 passed, 1 gate-failed, 1 failed": the statuses that occur, in CheckStatus order.
std::string statuses_text(const RunReport& report);

// "task T1: gate-failed (detail); 0 critical, 2 major, 5 minor, 1 suggestion; gate failed; exec id E1",
// with the service error, request ids and advice when it needs_explanation().
std::string task_line(const TaskResult& task);

// "result: failure (1 passed, 1 gate-failed; 0 critical, 2 major, 5 minor, 1 suggestion; gate failed)
// in 1.2 s".
std::string result_line(const RunReport& report);

}  // namespace ccs::report::run
