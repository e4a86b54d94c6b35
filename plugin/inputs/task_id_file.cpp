#include "inputs/task_id_file.h"

#include <algorithm>

#include "core/bounded_file.h"
#include "inputs/task_ids.h"
#include "inputs/text.h"

namespace ccs::inputs {

namespace {

// A task id file holds a few ids; 100,000 of the longest fit, anything much larger is not one.
constexpr std::size_t kMaxTaskIdFileBytes = std::size_t{8} * 1024 * 1024;

}  // namespace

TaskIdsFromFile read_task_id_file(const std::string& path, const Deadline& deadline) {
    TaskIdsFromFile result;
    const std::string origin = "--task-id-file " + quoted(path, 200);
    const FileText file = read_bounded_file(path, kMaxTaskIdFileBytes, deadline);
    if (file.absent) {
        result.absent_reason =
            "the task id file " + quoted(path, 200) + " cannot be read (" + file.error + ")";
        return result;
    }
    if (!file.error.empty()) throw InvalidInput(origin + ": the file " + file.error);
    const std::string& text = file.text;
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
