#include "flow/grace_period.h"

#include <signal.h>

#include <algorithm>

namespace ccs::flow {

std::string signal_name(int signal) {
    switch (signal) {
        case SIGINT: return "SIGINT";
        case SIGTERM: return "SIGTERM";
        case SIGHUP: return "SIGHUP";
        case SIGKILL: return "SIGKILL";
        case SIGQUIT: return "SIGQUIT";
        default: return "signal " + std::to_string(signal);
    }
}

SignalCount::Turn SignalCount::received(int signal) {
    if (++count_ > 1) return count_ == 2 ? Turn::Second : Turn::Later;
    first_ = signal;
    first_at_ = Clock::now();
    return Turn::First;
}

SignalCount::Clock::time_point SignalCount::stop_by(std::chrono::milliseconds grace,
                                                    Clock::time_point now) const {
    const Clock::time_point after_grace = first_at_ + grace;
    return count_ > 1 ? std::min(after_grace, now) : after_grace;
}

GracePeriod::GracePeriod(CancellableDeadline& deadline, std::chrono::milliseconds grace, Log log)
    : deadline_(deadline), grace_(grace), log_(std::move(log)) {}

void GracePeriod::signal_received(int signal) {
    SignalCount::Turn turn;
    Deadline::Clock::time_point stop_by;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        turn = signals_.received(signal);
        stop_by = signals_.stop_by(grace_);
    }
    // Said before the cut: once cut, the stop may end and the run report its result at once, and the
    // line would come after the result it explains.
    if (turn == SignalCount::Turn::First) {
        log_("received " + signal_name(signal) + ": finishing the stop within " + duration_text(grace_) +
             " (--grace), then exiting");
    } else if (turn == SignalCount::Turn::Second) {
        log_("received " + signal_name(signal) +
             ", a second signal: ending the stop now and reporting what it got");
    }
    deadline_.cut_to(stop_by);
}

}  // namespace ccs::flow
