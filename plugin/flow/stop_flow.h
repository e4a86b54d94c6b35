// The one call every mode ends in: "stop these tasks by this deadline and tell me what happened".
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "api/task_api.h"
#include "core/deadline.h"
#include "core/task_result.h"
#include "flow/task_pool.h"

namespace ccs::flow {

using Log = std::function<void(const std::string&)>;

// What a task's stop begins with.
enum class FirstCall {
    // Look first: a task that is not running gets no stop, and `stopped` means it was running. For
    // stops that have a few seconds (stop mode, the guard's post run).
    Progress,
    // Stop first: for an interrupted build (watch), where the kill follows within seconds and the
    // stop must be out before it. The progress afterwards still tells stopped from ended by itself.
    Stop,
};

// Learns the task's state, stops it if it runs, and confirms the result from its progress:
//   progress -> (not running: done) -> stop -> progress until it no longer runs or time is up.
// The first look is short (a hanging progress call must not keep the stop from being sent).
// FirstCall::Stop leaves out the first look.
TaskResult stop_task(api::TaskApi& api, const std::string& task_id, const Deadline& deadline, const Log& log,
                     FirstCall first = FirstCall::Progress);

// Stops all tasks with at most `concurrency` at once. Results keep the order of `task_ids`.
RunReport stop_tasks(const std::vector<std::string>& task_ids, int concurrency, const ApiFactory& make_api,
                     const Deadline& deadline, const Log& log, const TaskDone& on_done = {},
                     FirstCall first = FirstCall::Progress);

}  // namespace ccs::flow
