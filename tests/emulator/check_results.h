// The result calls' answers (ShowTaskDetail, ShowTaskDefectsStatistic, ShowTaskDefects), from a task's
// results as its scenario gave them.
#pragma once

#include <string>

#include "emulator/task_store.h"

namespace ccs::emu {

// GET /v2/tasks/{id}/defects-summary: the counts as strings, as the service sends them. With no results
// yet: counts "0", issue_count 0, is_access and last_check_time "".
std::string summary_json(const std::string& task_id, const TaskView& task);

// GET /v2/tasks/{id}/defects-statistic: {"severity": {...}, "status": {...}}, zeros with no results yet.
std::string statistic_json(const TaskView& task);

// GET /v2/tasks/{id}/defects-detail: {"total": N, "defects": [...]}, the findings from `offset`, at most
// `limit` of them. Findings the scenario did not list are made up from the severity counts.
std::string defects_json(const TaskView& task, long offset, long limit);

}  // namespace ccs::emu
