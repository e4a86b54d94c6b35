// Many tasks at once: at most `concurrency` workers, each with its own API client (so its own
// reused connection), taking the next task until none is left. The stop flow and the run flow both
// share out their tasks this way.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "api/task_api.h"
#include "core/deadline.h"
#include "core/task_result.h"

namespace ccs::flow {

// One TaskApi per worker, so each worker keeps its own connection.
using ApiFactory = std::function<std::unique_ptr<api::TaskApi>()>;

// Told each task's result as soon as it has one (from the worker's thread), with its index in task_ids.
using TaskDone = std::function<void(std::size_t index, const TaskResult& result)>;

// What a flow does with one task, and says of one it never tried.
struct TaskWork {
    std::function<TaskResult(api::TaskApi& api, const std::string& task_id)> run;
    // The deadline passed before the task's turn: no call could succeed now, so the tasks left are
    // reported at once, not tried one by one (with thousands of ids that would take longer than the run had).
    std::function<TaskResult(const std::string& task_id)> not_started;
    // `run` threw (a bug, or no memory): the task's result says so, the other tasks go on.
    std::function<TaskResult(const std::string& task_id, const std::string& what)> internal_error;
};

// The pool itself: `work(index, api)` for every index below `count`, by at most `concurrency` workers
// (the calling thread one of them). `api()` gives the worker's TaskApi, made on first use, so a worker
// that makes no call makes no client. Workers that cannot be started are done without.
using ApiOfWorker = std::function<api::TaskApi&()>;
void share_out(std::size_t count, int concurrency, const ApiFactory& make_api,
               const std::function<void(std::size_t index, const ApiOfWorker& api)>& work);

// Results keep the order of `task_ids`. Workers that cannot be started are done without (the ones
// there are take the rest); the calling thread is a worker too, so one task needs no extra thread.
RunReport run_tasks(const std::vector<std::string>& task_ids, int concurrency, const ApiFactory& make_api,
                    const Deadline& deadline, const TaskWork& work, const TaskDone& on_done);

}  // namespace ccs::flow
