#include "flow/stop_flow.h"

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

#include "core/threads.h"

namespace ccs::flow {
namespace {

using Millis = std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

// How long the first look at a task may take, at most, before the stop is sent anyway.
constexpr Millis first_look_budget{2000};
// How often a stopped task's progress is asked again while the service still says it runs.
constexpr Millis confirm_interval{250};

// Collects what every call of one task contributed.
class TaskRecord {
public:
    explicit TaskRecord(const std::string& task_id) : started_(Clock::now()) { result_.task_id = task_id; }

    const api::CallResult& add(const api::CallResult& call) {
        result_.attempts += call.attempts;
        result_.request_ids.insert(result_.request_ids.end(), call.request_ids.begin(),
                                   call.request_ids.end());
        return call;
    }

    TaskResult finish(Outcome outcome, std::string detail) {
        result_.outcome = outcome;
        result_.detail = std::move(detail);
        result_.elapsed = std::chrono::duration_cast<Millis>(Clock::now() - started_);
        return result_;
    }

    TaskResult fail(const api::CallResult& cause, std::string detail) {
        if (cause.service_error) {
            result_.error_code = cause.service_error->code;
            result_.error_message = cause.service_error->message;
        }
        result_.http_status = cause.http_status;
        result_.credentials_refused = cause.error_class == api::ErrorClass::Auth;
        return finish(Outcome::Failed, std::move(detail));
    }

private:
    TaskResult result_;
    Clock::time_point started_;
};

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
    const auto started = Clock::now();
    RunReport report;
    report.tasks.resize(task_ids.size());
    std::atomic<std::size_t> next{0};

    auto work = [&]() {
        std::unique_ptr<api::TaskApi> api;
        for (std::size_t i = next++; i < task_ids.size(); i = next++) {
            TaskResult& slot = report.tasks[i];
            if (deadline.expired()) {
                // No call could succeed now: the tasks left are reported at once, not tried one by
                // one (with thousands of ids that would take longer than the run had).
                slot = not_started(task_ids[i]);
                if (on_done) on_done(i, slot);
                continue;
            }
            try {
                if (!api) api = make_api();
                slot = stop_task(*api, task_ids[i], deadline, log, first);
            } catch (const std::exception& error) {
                slot.task_id = task_ids[i];
                slot.outcome = Outcome::Failed;
                slot.detail = std::string("internal error: ") + error.what();
            }
            if (on_done) on_done(i, slot);
        }
    };

    const std::size_t workers = std::min<std::size_t>(std::max(1, concurrency), task_ids.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < workers; ++i) {
        std::thread thread;
        if (!try_start_thread(thread, work)) break;  // fewer workers: the ones there are take the rest
        threads.push_back(std::move(thread));
    }
    work();  // the calling thread is a worker too: one task needs no extra thread, and none at all will do
    for (auto& thread : threads) thread.join();

    report.elapsed = std::chrono::duration_cast<Millis>(Clock::now() - started);
    return report;
}

}  // namespace ccs::flow
