// Task ids, wherever they come from: --task-id, the task id file, the guard's saved state. A task id
// goes into a URL path (/v2/tasks/{id}/stop), so only 1 to 32 characters of [A-Za-z0-9_-] pass;
// everything else is refused before any request is made.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/deadline.h"
#include "inputs/config.h"
#include "inputs/options.h"

namespace ccs::inputs {

// Splits a list on commas, spaces, tabs, CR and LF; empty elements are skipped.
std::vector<std::string> split_task_id_list(std::string_view list);

// Why `id` is not a task id ("has 33 characters", "contains \"%\""), or empty when it is one.
std::string task_id_problem(std::string_view id);

// Every id of every value, validated, duplicates removed, in first-seen order. Throws InvalidInput
// naming given.origin and quoting the bad id; also when the lists hold no id at all.
std::vector<std::string> parse_task_ids(const GivenValue& given);

// --task-id, required unless --task-id-file will give the ids when the stop is due, or in the post run
// (the saved state does). Reads config.task_id_file and config.mode, so those are set first.
std::vector<std::string> required_task_ids(const RawInputs& raw, const Config& config);

// --task-id-file: task ids a build step writes after it started the check. Read when the stop is
// due, not at start-up, so the program can be armed before the task exists.
struct TaskIdsFromFile {
    std::vector<std::string> ids;  // validated, duplicates removed, in file order
    std::string absent_reason;     // when there are none: "file task-id does not exist", "... is empty"
};

// The file's ids, as --task-id takes them (commas, spaces or newlines between). A missing or empty
// file is no ids, with the reason; malformed content, a file too large, or one (a FIFO) not written
// to its end by `deadline` throws InvalidInput naming the file.
TaskIdsFromFile read_task_id_file(const std::string& path, const Deadline& deadline);

}  // namespace ccs::inputs
