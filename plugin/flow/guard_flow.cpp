#include "flow/guard_flow.h"

namespace ccs::flow {

StateEntries guard_state_entries(const std::vector<std::string>& task_ids) {
    StateEntries entries = {{guard_state_names::armed, "true"}};
    std::string ids;
    for (const auto& id : task_ids) ids += (ids.empty() ? "" : " ") + id;
    if (!ids.empty()) entries.emplace_back(guard_state_names::task_ids, ids);
    return entries;
}

std::vector<std::string> armed_task_ids(const GuardState& state, const std::vector<std::string>& given) {
    return state.task_ids.empty() ? given : state.task_ids;
}

}  // namespace ccs::flow
