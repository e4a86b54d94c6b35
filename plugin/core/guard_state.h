// What the GitHub guard's main run leaves for its post run. The runner keeps it: a state `name`
// written to $GITHUB_STATE comes back to the post run as the variable STATE_name. Never a secret:
// the post run receives the action's inputs (credentials included) again.
#pragma once

#include <string>
#include <vector>

namespace ccs {

namespace guard_state_names {
inline constexpr const char* armed = "armed";        // "true" once the main run validated everything
inline constexpr const char* task_ids = "task-ids";  // the ids it was given, space-separated (may be absent)
}  // namespace guard_state_names

struct GuardState {
    bool armed = false;
    std::vector<std::string> task_ids;  // empty: the post run takes them from its inputs (or the file)
};

}  // namespace ccs
