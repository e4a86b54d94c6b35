#include "inputs/task_id_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "inputs/task_ids.h"
#include "inputs/text.h"

namespace ccs::inputs {

namespace {

// A task id file holds a few ids: anything much larger is not one.
constexpr std::size_t kMaxTaskIdFileBytes = 1024 * 1024;

}  // namespace

TaskIdsFromFile read_task_id_file(const std::string& path) {
    TaskIdsFromFile result;
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        result.absent_reason =
            "the task id file " + quoted(path, 200) + " cannot be read (" + std::strerror(errno) + ")";
        return result;
    }
    std::ostringstream content;
    content << file.rdbuf();
    const std::string text = content.str();
    const std::string origin = "--task-id-file " + quoted(path, 200);
    if (text.size() > kMaxTaskIdFileBytes)
        throw InvalidInput(origin + ": the file is too large for a list of task ids");
    if (split_task_id_list(text).empty()) {
        result.absent_reason = "the task id file " + quoted(path, 200) + " is empty";
        return result;
    }
    result.ids = parse_task_ids(GivenValue{origin, {text}});
    return result;
}

std::string checked_path(const GivenValue& given) {
    const std::string& path = given.value();
    if (std::any_of(path.begin(), path.end(), is_control)) {
        throw InvalidInput(given.origin + ": the path " + quoted(path, 200) +
                           " contains a control character");
    }
    return path;
}

}  // namespace ccs::inputs
