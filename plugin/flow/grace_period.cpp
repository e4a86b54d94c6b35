#include "flow/grace_period.h"

#include <signal.h>

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

std::string duration_text(std::chrono::milliseconds duration) {
    const auto ms = duration.count();
    if (ms < 1000) return std::to_string(ms) + " ms";
    if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
    return std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 / 100) + " s";
}

GracePeriod::GracePeriod(CancellableDeadline& deadline, std::chrono::milliseconds grace, Log log)
    : deadline_(deadline), grace_(grace), log_(std::move(log)) {}

void GracePeriod::signal_received(int signal) {
    int count = 0;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        count = ++signals_;
        if (count == 1) first_signal_ = signal;
    }
    if (count == 1) {
        deadline_.cut_to(Deadline::Clock::now() + grace_);
        log_("received " + signal_name(signal) + ": finishing the stop within " + duration_text(grace_) +
             " (--grace), then exiting");
    } else {
        deadline_.cut_to(Deadline::Clock::now());
        // One line, however many more come: a storm of signals must not flood the log.
        if (count == 2)
            log_("received " + signal_name(signal) +
                 ", a second signal: ending the stop now and reporting what it got");
    }
}

int GracePeriod::first_signal() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return first_signal_;
}

}  // namespace ccs::flow
