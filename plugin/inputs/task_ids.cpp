#include "inputs/task_ids.h"

#include <cctype>
#include <unordered_set>

#include "inputs/text.h"

namespace ccs::inputs {

namespace {

bool is_separator(char c) {
    return c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_task_id_char(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x80 && (std::isalnum(byte) || c == '_' || c == '-');
}

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

}  // namespace ccs::inputs
