#include "inputs/task_ids.h"

#include <cctype>
#include <unordered_set>

#include "core/bounded_file.h"
#include "inputs/values.h"

namespace ccs::inputs {

namespace {

constexpr std::size_t kMaxTaskIdLength = 32;

bool is_separator(char c) {
    return c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_task_id_char(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x80 && (std::isalnum(byte) || c == '_' || c == '-');
}

// A task id file holds a few ids; 100,000 of the longest fit, anything much larger is not one.
constexpr std::size_t kMaxTaskIdFileBytes = std::size_t{8} * 1024 * 1024;

}  // namespace

std::vector<std::string> split_task_id_list(std::string_view list) {
    std::vector<std::string> ids;
    std::string current;
    for (const char c : list) {
        if (!is_separator(c)) {
            current += c;
        } else if (!current.empty()) {
            ids.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) ids.push_back(std::move(current));
    return ids;
}

std::string task_id_problem(std::string_view id) {
    if (id.empty()) return "is empty";
    for (const char c : id) {
        if (!is_task_id_char(c)) return "contains " + quoted(std::string_view(&c, 1));
    }
    if (id.size() > kMaxTaskIdLength) return "has " + std::to_string(id.size()) + " characters";
    return "";
}

std::vector<std::string> parse_task_ids(const GivenValue& given) {
    std::vector<std::string> ids;
    std::unordered_set<std::string> seen;
    for (const auto& list : given.values) {
        for (auto& id : split_task_id_list(list)) {
            const std::string problem = task_id_problem(id);
            if (!problem.empty()) {
                throw InvalidInput(given.origin + ": task id " + quoted(id) + " " + problem +
                                   "; a task id is 1 to 32 characters of A-Z, a-z, 0-9, '_' and '-'");
            }
            if (seen.insert(id).second) ids.push_back(std::move(id));
        }
    }
    if (ids.empty()) throw InvalidInput(given.origin + ": no task id in " + quoted(given.value()));
    return ids;
}

std::vector<std::string> required_task_ids(const RawInputs& raw, const Config& config) {
    const GivenValue* given = raw.find("task-id");
    if (given) return parse_task_ids(*given);
    if (!config.task_id_file.empty() || config.mode == Mode::Post) return {};
    throw InvalidInput("no task id: set " + all_names("task-id") + ", or " + all_names("task-id-file"));
}

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

}  // namespace ccs::inputs
