#include "flow/watch_flow.h"

#include <signal.h>

#include <algorithm>

#include "flow/grace_period.h"

namespace ccs::flow {
namespace {

using Clock = Deadline::Clock;
using Millis = std::chrono::milliseconds;

// While the command shuts down, how often to look whether a second signal cut the grace short.
constexpr Millis cut_check_interval{100};
// How long a SIGKILLed command may take to be reaped.
constexpr Millis kill_wait{2000};

}  // namespace

Watch::Watch(WatchSettings settings, StopBy stop, Log log)
    : settings_(settings), stop_(std::move(stop)), log_(std::move(log)) {}

Watch::~Watch() = default;

void Watch::command_exited() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (trigger_ == Trigger::None) trigger_ = Trigger::CommandExited;
    }
    changed_.notify_all();
}

void Watch::signal_received(int signal) {
    std::string line;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        const SignalCount::Turn turn = signals_.received(signal);
        if (command_) command_->signal(signal);  // passed on at once, whatever else happens
        if (trigger_ == Trigger::None) {
            trigger_ = Trigger::Signalled;                // run() logs it and starts the stop
        } else if (trigger_ != Trigger::CommandExited) {  // a stop is under way: the rule applies
            if (stop_deadline_) stop_deadline_->cut_to(signals_.stop_by(settings_.grace));
            if (turn == SignalCount::Turn::First) {  // the stop began with the timeout
                line = "received " + signal_name(signal) +
                       " during the stop: passed it on; the stop keeps its grace";
            } else if (turn == SignalCount::Turn::Second) {
                line = "received " + signal_name(signal) +
                       ", a second signal: passed it on; ending the stop now and reporting what it got";
            }
        }
    }
    changed_.notify_all();
    if (!line.empty()) log_(line);
}

Watch::Trigger Watch::wait_for_trigger(const WatchedCommand& command) {
    const auto timeout_at = settings_.timeout ? Clock::now() + *settings_.timeout : Clock::time_point::max();
    std::unique_lock<std::mutex> lock(mutex_);
    command_ = &command;
    if (signals_.count() > 0)
        command.signal(signals_.first());  // it came while the command was being started
    while (trigger_ == Trigger::None) {
        if (!settings_.timeout) {
            changed_.wait(lock);
        } else if (changed_.wait_until(lock, timeout_at) == std::cv_status::timeout &&
                   trigger_ == Trigger::None) {
            trigger_ = Trigger::TimedOut;
        }
    }
    if (trigger_ == Trigger::CommandExited) return trigger_;

    // The grace is counted from the first signal (or the timeout), not from when we got here.
    const auto stop_by =
        trigger_ == Trigger::Signalled ? signals_.stop_by(settings_.grace) : Clock::now() + settings_.grace;
    stop_deadline_ = std::make_unique<CancellableDeadline>(stop_by);
    if (trigger_ == Trigger::TimedOut) command.signal(SIGTERM);
    return trigger_;
}

int Watch::finish_command(const WatchedCommand& command, const Deadline& deadline) {
    for (;;) {
        // Not one long wait: a second signal may cut the deadline while we wait.
        const auto until = std::min(deadline.at(), Clock::now() + cut_check_interval);
        if (const auto code = command.wait_until(until)) return *code;
        if (deadline.expired()) break;
    }
    log_("the command is still running at the end of the grace period: killing it (SIGKILL)");
    command.signal(SIGKILL);
    return command.wait_until(Clock::now() + kill_wait).value_or(128 + SIGKILL);
}

WatchResult Watch::run(const WatchedCommand& command) {
    const Trigger trigger = wait_for_trigger(command);
    WatchResult result;
    if (trigger == Trigger::CommandExited) {
        result.exit_code = command.wait_until(Clock::now()).value_or(0);
    } else {
        Deadline deadline = stop_deadline_->deadline();
        if (trigger == Trigger::TimedOut) {
            result.end = WatchEnd::TimedOut;
            result.exit_code = timed_out_exit_code;
            log_("the command ran past --timeout (" + duration_text(*settings_.timeout) +
                 "): terminating it (SIGTERM) and stopping the tasks within " +
                 duration_text(settings_.grace));
        } else {
            result.end = WatchEnd::Signalled;
            result.signal = signals_.first();
            result.exit_code = 128 + signals_.first();
            log_("received " + signal_name(signals_.first()) +
                 ": passed it on to the command; stopping the tasks within " +
                 duration_text(settings_.grace) + " (--grace)");
        }
        RunReport report = stop_(deadline, result.exit_code);
        const int command_code = finish_command(command, deadline);
        log_("the command ended with exit code " + std::to_string(command_code));
        report.exit_code = result.exit_code;
        result.stop = std::move(report);
    }
    const std::lock_guard<std::mutex> lock(mutex_);
    command_ = nullptr;
    return result;
}

}  // namespace ccs::flow
