#include "inputs/guard_state.h"

#include "inputs/options.h"
#include "inputs/task_ids.h"
#include "inputs/values.h"

namespace ccs::inputs {

namespace {

std::string saved(const Environment& env, const std::string& name) {
    return variable(env, guard_state_variable(name));
}

}  // namespace

StateEntries guard_state_entries(const std::vector<std::string>& task_ids) {
    StateEntries entries = {{guard_state_names::armed, "true"}};
    std::string ids;
    for (const auto& id : task_ids) ids += (ids.empty() ? "" : " ") + id;
    if (!ids.empty()) entries.emplace_back(guard_state_names::task_ids, ids);
    return entries;
}

StateEntries run_state_entries(const std::vector<std::string>& task_ids) {
    StateEntries entries = guard_state_entries(task_ids);
    entries.emplace_back(guard_state_names::mode, "run");
    return entries;
}

StateEntries run_state_after(const std::vector<std::string>& still_running) {
    if (still_running.empty()) return {{guard_state_names::armed, "false"}};
    return guard_state_entries(still_running);
}

bool armed_by_run(const Environment& env) {
    return saved(env, guard_state_names::mode) == "run";
}

std::string guard_state_variable(const std::string& name) {
    return "STATE_" + name;
}

bool guard_armed(const Environment& env) {
    return saved(env, guard_state_names::armed) == "true";
}

GuardState read_guard_state(const Environment& env) {
    GuardState state;
    state.armed = guard_armed(env);
    state.by_run = armed_by_run(env);
    const std::string ids = trimmed(saved(env, guard_state_names::task_ids));
    if (state.armed && !ids.empty()) {
        state.task_ids = parse_task_ids(GivenValue{guard_state_variable(guard_state_names::task_ids), {ids}});
    }
    return state;
}

std::vector<std::string> armed_task_ids(const GuardState& state, const std::vector<std::string>& given) {
    return state.task_ids.empty() ? given : state.task_ids;
}

}  // namespace ccs::inputs
