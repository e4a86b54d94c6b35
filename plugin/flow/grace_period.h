// What signals do to a stop under way: the first leaves it the grace budget from that moment (never
// more time than it already had), a second ends it now. The stop then reports what it got: a task
// whose calls were cut off is `failed`, with the reason.
#pragma once

#include <chrono>
#include <mutex>
#include <string>

#include "core/deadline.h"
#include "flow/stop_flow.h"

namespace ccs::flow {

// "SIGTERM", "SIGINT", "SIGHUP", "SIGKILL", or "signal N".
std::string signal_name(int signal);

// "500 ms", "6 s", "1.5 s": for log lines.
std::string duration_text(std::chrono::milliseconds duration);

class GracePeriod {
public:
    GracePeriod(CancellableDeadline& deadline, std::chrono::milliseconds grace, Log log);

    // From any thread (the signal watcher's).
    void signal_received(int signal);

    int first_signal() const;  // 0 while none came

private:
    CancellableDeadline& deadline_;
    std::chrono::milliseconds grace_;
    Log log_;
    mutable std::mutex mutex_;
    int first_signal_ = 0;
    int signals_ = 0;  // how many came so far
};

}  // namespace ccs::flow
