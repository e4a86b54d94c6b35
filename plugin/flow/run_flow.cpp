#include "flow/run_flow.h"

#include <algorithm>
#include <mutex>
#include <optional>

#include "flow/grace_period.h"
#include "flow/task_record.h"

namespace ccs::flow {
namespace {

using Millis = std::chrono::milliseconds;

constexpr Millis default_stop_budget{6000};
constexpr std::size_t max_progress_text = 200;  // of the service's ratio and info, per log line

// The stop deadline, asked for once, by the first worker that needs it.
class SharedStopDeadline {
public:
    SharedStopDeadline(const StopDeadline& make, const TimeSource& time) : make_(make), time_(time) {}

    Deadline get() {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (!deadline_) deadline_ = make_ ? make_() : Deadline::in(default_stop_budget, time_);
        return *deadline_;
    }

private:
    const StopDeadline& make_;
    const TimeSource& time_;
    std::mutex mutex_;
    std::optional<Deadline> deadline_;
};

// Service text for a log line: one line, bounded.
std::string shown(const std::string& text) {
    std::string line;
    for (const char c : text.substr(0, max_progress_text)) line += (c == '\n' || c == '\r') ? ' ' : c;
    if (text.size() > max_progress_text) line += "...";
    return line;
}

// A task's record (flow/task_record.h) and its check's fate.
class CheckRecord {
public:
    explicit CheckRecord(const std::string& task_id) : record_(task_id) {
        record_.result().check = CheckRun{};
    }

    const api::CallResult& add(const api::CallResult& call) { return record_.add(call); }

    CheckRun& check() { return *record_.result().check; }

    TaskResult finish(CheckStatus status, Outcome outcome, std::string detail) {
        check().status = status;
        return record_.finish(outcome, std::move(detail));
    }

    // Failed because of this call: its code, message and status go to the result.
    TaskResult fail(const api::CallResult& cause, std::string detail) {
        check().status = CheckStatus::Failed;
        return record_.fail(cause, std::move(detail));
    }

    // Stopped by this run: what the stop did (its outcome, its errors) with this task's calls before it.
    TaskResult stopped(const TaskResult& stop, const std::string& why) {
        record_.add_stop(stop);
        return finish(CheckStatus::Stopped, stop.outcome, why + ": " + stop.detail);
    }

private:
    TaskRecord record_;
};

class CheckFollower {
public:
    CheckFollower(api::TaskApi& api, const std::string& task_id, const RunSettings& settings,
                  const Deadline& follow, SharedStopDeadline& stop_deadline, const Log& log)
        : api_(api),
          task_id_(task_id),
          settings_(settings),
          follow_(follow),
          stop_deadline_(stop_deadline),
          log_(log),
          record_(task_id),
          lines_(settings.heartbeat) {}

    TaskResult run() {
        std::optional<TaskResult> done = start();
        if (done) return *done;
        done = wait_for_end();
        if (done) return *done;
        return results();
    }

private:
    std::string line_for(const std::string& text) const { return "task " + task_id_ + ": " + text; }
    void say(const std::string& text) { log_(line_for(text)); }

    // What a look saw, for the reporter; `text` is its log line's, when one is due.
    void report(const std::string& state, const api::Progress* seen, std::optional<std::string> text) {
        ProgressEvent event;
        event.task_id = task_id_;
        event.state = state;
        if (seen != nullptr) {
            event.ratio = seen->ratio;
            event.info = seen->info;
        }
        if (text) event.line = line_for(*text);
        if (settings_.progress) {
            settings_.progress(event);
        } else if (event.line) {
            log_(*event.line);
        }
    }

    // Waits the next step of the back-off; false when `deadline` (the follow's, unless given) has passed.
    bool pause() { return pause(follow_); }
    bool pause(const Deadline& deadline) { return back_off(deadline, settings_.backoff, waits_); }

    // A call by `deadline`, tried again while it fails transiently and the deadline allows.
    using Call = std::function<api::CallResult(const Deadline&)>;
    api::CallResult persist(const Call& call, const std::string& what, const Deadline& deadline) {
        return call_persistently([&](const Deadline& by) { return record_.add(call(by)); }, deadline,
                                 settings_.backoff, waits_,
                                 [&](const api::CallResult& failed, Millis wait) {
                                     say(what + " failed for now (" + failed.describe() +
                                         "); trying again in " + duration_text(wait));
                                 });
    }

    // Reading the results of a check that has ended: by the follow's deadline, or once that has
    // passed (the check ended just before it, or a signal came meanwhile) by the stop's (the grace).
    api::CallResult read_results(const Call& call, const std::string& what) {
        api::CallResult result = persist(call, what, follow_.expired() ? stop_deadline_.get() : follow_);
        if (!result.succeeded && result.error_class == api::ErrorClass::Transient && follow_.expired()) {
            const Deadline grace = stop_deadline_.get();
            if (!grace.expired()) result = persist(call, what, grace);
        }
        return result;
    }

    std::optional<TaskResult> start() {
        report("starting", nullptr, std::nullopt);
        const api::CallResult started =
            persist([&](const Deadline& by) { return api_.run(task_id_, settings_.ref, by); },
                    "starting the check", follow_);
        if (started.succeeded) {
            report("started", nullptr, std::nullopt);
            record_.check().exec_id = started.exec_id;
            say(started.exec_id.empty() ? "check started (the answer gave no exec id)"
                                        : "check started, exec id " + started.exec_id);
            return std::nullopt;
        }
        if (api::is_task_running(started)) {
            report("following", nullptr, std::nullopt);
            record_.check().followed_only = true;
            say(std::string("already running: following that check, not restarting it") +
                (started.attempts > 1
                     ? " (an earlier attempt of this run that got no answer may have started it)"
                     : ""));
            return std::nullopt;
        }
        if (started.error_class == api::ErrorClass::Transient && follow_.expired()) {
            // Out of time without knowing: an attempt that got no answer may have started it.
            if (started.transport_error) return stop("the time was up before the start was confirmed");
            return record_.fail(started,
                                "not started: the time was up while the service refused the start for "
                                "now: " +
                                    started.describe());
        }
        const std::string why = started.error_class == api::ErrorClass::Auth
                                    ? "the service refused the credentials: "
                                    : "the check could not be started: ";
        return record_.fail(started, why + started.describe());
    }

    // Follows the progress until the check ends (nullopt: it succeeded, read its results next).
    std::optional<TaskResult> wait_for_end() {
        waits_ = 0;  // the first look comes `first` after the start, however the start went
        for (;;) {
            if (!pause()) return stop("the wait ended (timeout or signal) while it was running");
            const api::CallResult look = record_.add(api_.progress(task_id_, follow_));
            if (!look.succeeded) {
                if (look.error_class == api::ErrorClass::Transient) {
                    say("progress could not be read for now (" + look.describe() + "); still following");
                    continue;
                }
                const std::string why = look.error_class == api::ErrorClass::Auth
                                            ? "the service refused the credentials: "
                                            : "its progress could not be read: ";
                return record_.fail(look, why + look.describe() + "; the check may still be running");
            }
            const api::Progress& progress = *look.progress;
            if (!progress.status || *progress.status == 0) {
                std::optional<std::string> line;
                if (lines_.should_print(progress.ratio, progress.info, follow_.time().now())) {
                    line = !progress.status ? "not started yet (" + describe_status(progress.status) + ")"
                           : progress.ratio.empty() && progress.info.empty()
                               ? std::string("running")
                               : shown(progress.ratio) + " " + shown(progress.info);
                }
                report(progress.status ? "running" : "waiting", &progress, std::move(line));
                continue;
            }
            report(*progress.status == 1   ? "check failed"
                   : *progress.status == 3 ? "stopped elsewhere"
                                           : "succeeded",
                   &progress, std::nullopt);
            switch (*progress.status) {
                case 1:
                    say("the check failed: " + shown(progress.info));
                    return record_.finish(
                        CheckStatus::CheckFailed, Outcome::NotRunning,
                        "the check failed" + (progress.info.empty() ? "" : ": " + shown(progress.info)));
                case 3:
                    say("stopped elsewhere (the console or another pipeline)");
                    return record_.finish(CheckStatus::StoppedElsewhere, Outcome::NotRunning,
                                          "someone else stopped the check (the console or another pipeline)");
                default: say("the check succeeded"); return std::nullopt;
            }
        }
    }

    TaskResult results() {
        const api::CallResult summary =
            read_results([&](const Deadline& by) { return api_.defects_summary(task_id_, by); },
                         "reading the defects summary");
        if (!summary.succeeded) {
            return record_.fail(summary, "the check succeeded, but its defects summary could not be read: " +
                                             summary.describe());
        }
        std::optional<SeverityCounts> counts = summary.summary->counts;
        if (!counts) {
            const api::CallResult statistic =
                read_results([&](const Deadline& by) { return api_.defects_statistic(task_id_, by); },
                             "reading the defects statistic");
            if (statistic.succeeded) {
                counts = statistic.statistic;
            } else if (settings_.fail_on.needs_counts()) {
                return record_.fail(
                    statistic,
                    "the check succeeded, but its finding counts could not be read: " + statistic.describe());
            } else {
                say("the finding counts could not be read (" + statistic.describe() + ")");
            }
        }
        const GateDecision gate = evaluate_gate(settings_.fail_on, counts, summary.summary->is_access);
        record_.check().counts = counts;
        record_.check().gate = gate.verdict;
        say(gate.reason);
        const bool failed = gate.verdict == GateVerdict::Failed;
        return record_.finish(failed ? CheckStatus::GateFailed : CheckStatus::Passed, Outcome::NotRunning,
                              "the check succeeded; " + gate.reason);
    }

    TaskResult stop(const std::string& why) {
        report("stopping", nullptr, std::nullopt);
        say(why + ": stopping it");
        const TaskResult result = stop_task(api_, task_id_, stop_deadline_.get(), log_, FirstCall::Stop);
        return record_.stopped(result, why);
    }

    api::TaskApi& api_;
    const std::string& task_id_;
    const RunSettings& settings_;
    const Deadline& follow_;
    SharedStopDeadline& stop_deadline_;
    const Log& log_;
    CheckRecord record_;
    ProgressLines lines_;
    int waits_ = 0;
};

TaskResult not_started(const std::string& task_id) {
    TaskResult result;
    result.task_id = task_id;
    result.outcome = Outcome::Failed;
    result.check = CheckRun{};
    result.detail = "not started: the wait's time was up before its turn came";
    return result;
}

}  // namespace

bool ProgressLines::should_print(const std::string& ratio, const std::string& info, time_point now) {
    const bool print = !printed_ || ratio != ratio_ || info != info_ || now - printed_at_ >= heartbeat_;
    if (print) {
        printed_ = true;
        ratio_ = ratio;
        info_ = info;
        printed_at_ = now;
    }
    return print;
}

RunReport run_checks(const std::vector<std::string>& task_ids, const RunSettings& settings,
                     const ApiFactory& make_api, const Deadline& follow, const StopDeadline& stop_deadline,
                     const Log& log, const TaskDone& on_done) {
    SharedStopDeadline stop_by(stop_deadline, follow.time());
    TaskWork work;
    work.run = [&](api::TaskApi& api, const std::string& task_id) {
        return CheckFollower(api, task_id, settings, follow, stop_by, log).run();
    };
    work.not_started = not_started;
    work.internal_error = [](const std::string& task_id, const std::string& what) {
        TaskResult result;
        result.task_id = task_id;
        result.outcome = Outcome::Failed;
        result.check = CheckRun{};
        result.detail = "internal error: " + what + "; the check may still be running";
        return result;
    };
    return run_tasks(task_ids, settings.concurrency, make_api, follow, work, on_done);
}

}  // namespace ccs::flow
