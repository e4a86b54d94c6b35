// Everything the GitHub guard's main run leaves for its post run, in one place (as actions/checkout's
// state-helper): the names, what the main run saves, and how the post run reads it back. The runner
// keeps it: a state `name` written to $GITHUB_STATE comes back to the post run as the variable
// STATE_name. Never a secret: the post run receives the action's inputs (credentials included) again.
//
// Here, in inputs, because the post run's side is input: it arrives in the environment and is checked
// like any other input (parse_inputs reads it into Config). The main run's side gives name/value
// pairs; the app writes them with the runner's file-command format (report/github_commands.h).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/environment.h"

namespace ccs::inputs {

// The process environment as a plain map (the same alias as inputs/config.h).
using ccs::Environment;  // core/environment.h

namespace guard_state_names {
inline constexpr const char* armed = "armed";        // "true" once the main run validated everything
inline constexpr const char* task_ids = "task-ids";  // the ids it was given, space-separated (may be absent)
inline constexpr const char* mode = "mode";          // "run" when run mode armed it (absent: guard)
}  // namespace guard_state_names

struct GuardState {
    bool armed = false;
    bool by_run = false;                // run mode armed it: its --timeout was the checks', not the stop's
    std::vector<std::string> task_ids;  // empty: the post run takes them from its inputs (or the file)
};

using StateEntries = std::vector<std::pair<std::string, std::string>>;

// Main run: what it saves to $GITHUB_STATE: `armed`, and the task ids when it has them (without them
// the post run reads --task-id-file, which its inputs name again). Nothing secret.
StateEntries guard_state_entries(const std::vector<std::string>& task_ids);

// Run mode: arms the post run for `task_ids` (with mode "run") before it starts them.
StateEntries run_state_entries(const std::vector<std::string>& task_ids);

// Run mode, once the checks are over: the post run stops only `still_running` (those whose end was
// not seen); none: it is disarmed (armed "false"). The runner keeps the last value of each name.
StateEntries run_state_after(const std::vector<std::string>& still_running);

// Whether run mode armed the post run (STATE_mode is "run"): its --timeout is then not the stop's.
bool armed_by_run(const Environment& env);

// Post run: the variable the runner sets for a saved state `name` ("STATE_" + name).
std::string guard_state_variable(const std::string& name);

// Post run: whether the main run armed it (STATE_armed is "true"). Reads nothing else, so a post run
// whose main run never armed can end before its inputs are looked at.
bool guard_armed(const Environment& env);

// Post run: what the main run saved. Throws InvalidInput naming STATE_task-ids when the saved ids are
// malformed (nobody but the main run writes them).
GuardState read_guard_state(const Environment& env);

// Post run: the tasks it stops: those the main run saved, else those its own inputs give.
std::vector<std::string> armed_task_ids(const GuardState& state, const std::vector<std::string>& given);

}  // namespace ccs::inputs
