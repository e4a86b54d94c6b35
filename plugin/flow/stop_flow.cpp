#include "flow/stop_flow.h"

#include <algorithm>
#include <optional>

#include "flow/task_record.h"

namespace ccs::flow {
namespace {

using Millis = std::chrono::milliseconds;

// How long the first look at a task may take, at most, before the stop is sent anyway.
constexpr Millis first_look_budget{2000};
// How often a stopped task's progress is asked again while the service still says it runs.
constexpr Millis confirm_interval{250};

bool is_running(const api::CallResult& progress) {
    return progress.succeeded && progress.progress && progress.progress->status == 0;
}

// Asks the progress once more; after an accepted stop, again until the task no longer runs, the
// call fails, or the deadline is near (the service may take a moment to stop a check).
api::CallResult confirm(api::TaskApi& api, const std::string& task_id, bool stop_accepted,
                        const Deadline& deadline, TaskRecord& record) {
    for (;;) {
        api::CallResult progress = record.add(api.progress(task_id, deadline));
        if (!stop_accepted || !is_running(progress) || deadline.remaining() <= confirm_interval * 2)
            return progress;
        deadline.sleep_for(confirm_interval);  // wakes early when a signal cuts the deadline
    }
}

std::string status_text(const api::CallResult& progress) {
    return describe_status(progress.progress->status);
}

TaskResult decide(const api::CallResult& stop, const api::CallResult& after, FirstCall first,
                  TaskRecord& record) {
    if (after.error_class == api::ErrorClass::Auth && !after.succeeded) {
        return record.fail(after, "the service refused the credentials: " + after.describe());
    }
    if (!after.succeeded) {
        if (stop.succeeded) {
            return record.fail(
                after, "the stop was accepted, but its effect could not be confirmed: " + after.describe());
        }
        const std::string stop_error = stop.describe();
        const std::string progress_error = after.describe();
        return record.fail(stop, stop_error == progress_error
                                     ? "the stop and the progress both failed: " + stop_error
                                     : "the stop failed: " + stop_error +
                                           "; the progress could not be read: " + progress_error);
    }
    if (is_running(after)) {
        if (stop.succeeded)
            return record.fail(after,
                               "the stop was accepted, but the task was still running at the deadline");
        return record.fail(stop, "the stop failed and the task is still running: " + stop.describe());
    }
    if (stop.succeeded && after.progress->status == 3) {
        // Stopped first, it may have been stopped already: nothing here can tell, so nothing is claimed.
        return record.finish(Outcome::Stopped,
                             first == FirstCall::Progress
                                 ? "it was running; the service now reports it stopped"
                                 : "the stop was accepted; the service now reports it stopped");
    }
    std::string detail = "it ended by itself (" + status_text(after) + ")";
    if (!stop.succeeded) detail += "; the stop call answered " + stop.describe();
    return record.finish(Outcome::NotRunning, detail);
}

// The first look: whether there is anything to stop. Its result when the stop needs no sending.
std::optional<TaskResult> look_first(api::TaskApi& api, const std::string& task_id, const Deadline& deadline,
                                     const Log& log, TaskRecord& record) {
    const Millis first_look = std::min(first_look_budget, deadline.remaining() / 3);
    const api::CallResult before = record.add(api.progress(task_id, deadline.capped(first_look)));
    if (!before.succeeded && before.error_class == api::ErrorClass::Auth) {
        return record.fail(before, "the service refused the credentials: " + before.describe());
    }
    if (before.succeeded && !is_running(before)) {
        return record.finish(Outcome::NotRunning,
                             "nothing to stop: the task is not running (" + status_text(before) + ")");
    }
    if (!before.succeeded)
        log("task " + task_id + ": state unknown (" + before.describe() + "); stopping it anyway");
    return std::nullopt;
}

TaskResult not_started(const std::string& task_id) {
    TaskResult result;
    result.task_id = task_id;
    result.outcome = Outcome::Failed;
    result.detail = "not tried: the run's time was up before its turn came; the task may still be running";
    return result;
}

}  // namespace

TaskResult stop_task(api::TaskApi& api, const std::string& task_id, const Deadline& deadline, const Log& log,
                     FirstCall first) {
    TaskRecord record(task_id);
    if (first == FirstCall::Progress) {
        if (std::optional<TaskResult> done = look_first(api, task_id, deadline, log, record)) return *done;
    }
    const api::CallResult stop = record.add(api.stop(task_id, deadline));
    if (!stop.succeeded && stop.error_class == api::ErrorClass::Auth) {
        return record.fail(stop, "the service refused the credentials: " + stop.describe());
    }
    const api::CallResult after = confirm(api, task_id, stop.succeeded, deadline, record);
    return decide(stop, after, first, record);
}

RunReport stop_tasks(const std::vector<std::string>& task_ids, int concurrency, const ApiFactory& make_api,
                     const Deadline& deadline, const Log& log, const TaskDone& on_done, FirstCall first) {
    TaskWork work;
    work.run = [&](api::TaskApi& api, const std::string& task_id) {
        return stop_task(api, task_id, deadline, log, first);
    };
    work.not_started = not_started;
    work.internal_error = [](const std::string& task_id, const std::string& what) {
        TaskResult result;
        result.task_id = task_id;
        result.outcome = Outcome::Failed;
        result.detail = "internal error: " + what;
        return result;
    };
    return run_tasks(task_ids, concurrency, make_api, deadline, work, on_done);
}

}  // namespace ccs::flow
