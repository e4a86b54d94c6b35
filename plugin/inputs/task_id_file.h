// --task-id-file: task ids a build step writes after it started the check. Read when the stop is
// due, not at start-up, so the program can be armed before the task exists.
#pragma once

#include <string>
#include <vector>

#include "core/deadline.h"
#include "inputs/raw_inputs.h"

namespace ccs::inputs {

struct TaskIdsFromFile {
    std::vector<std::string> ids;  // validated, duplicates removed, in file order
    std::string absent_reason;     // when there are none: "file task-id does not exist", "... is empty"
};

// The file's ids, as --task-id takes them (commas, spaces or newlines between). A missing or empty
// file is no ids, with the reason; malformed content, a file too large, or one (a FIFO) not written
// to its end by `deadline` throws InvalidInput naming the file.
TaskIdsFromFile read_task_id_file(const std::string& path, const Deadline& deadline);

// A path given for a file the program reads or writes later: refuses control characters (a NUL would
// cut it short in the system call). Throws InvalidInput naming given.origin.
std::string checked_path(const GivenValue& given);

}  // namespace ccs::inputs
