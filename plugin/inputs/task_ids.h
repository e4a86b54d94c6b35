// Task ids: a task id goes into a URL path (/v2/tasks/{id}/stop), so only 1 to 32 characters of
// [A-Za-z0-9_-] pass; everything else is refused before any request is made.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "inputs/raw_inputs.h"

namespace ccs::inputs {

constexpr std::size_t kMaxTaskIdLength = 32;

// Splits a list on commas, spaces, tabs, CR and LF; empty elements are skipped.
std::vector<std::string> split_task_id_list(std::string_view list);

// Why `id` is not a task id ("has 33 characters", "contains \"%\""), or empty when it is one.
std::string task_id_problem(std::string_view id);

// Every id of every value, validated, duplicates removed, in first-seen order. Throws InvalidInput
// naming given.origin and quoting the bad id; also when the lists hold no id at all.
std::vector<std::string> parse_task_ids(const GivenValue& given);

}  // namespace ccs::inputs
