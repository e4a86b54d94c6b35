// What signals do to a stop under way: the first leaves it the grace budget from that moment (never
// more time than it already had), a second ends it now. The stop then reports what it got: a task
// whose calls were cut off is `failed`, with the reason. The rule is SignalCount; GracePeriod applies
// it to a stop (stop mode, the guard's post run), Watch (flow/watch_flow.h) to the watched command's.
#pragma once

#include <chrono>
#include <mutex>
#include <string>

#include "core/deadline.h"
#include "core/strings.h"
#include "flow/stop_flow.h"

namespace ccs::flow {

// "SIGTERM", "SIGINT", "SIGHUP", "SIGKILL", or "signal N".
std::string signal_name(int signal);

// "500 ms", "6 s", "1.5 s": for log lines (written once, in core/strings.h).
using ccs::duration_text;

// The second-signal rule, the one place it is written: counts the signals, and says by when the stop
// must be over. After the first, its grace from that signal on; after a second (or more), now. A cut
// only ever moves a deadline earlier, so no signal gives a stop more time than it had. Only the first
// and the second are news (a storm of signals must not flood the log). Not thread-safe: its owner
// holds a lock around it.
class SignalCount {
public:
    using Clock = Deadline::Clock;
    enum class Turn { First, Second, Later };

    Turn received(int signal);  // counts it; keeps the first one's number and time

    int count() const { return count_; }
    int first() const { return first_; }  // 0 while none came
    Clock::time_point first_at() const { return first_at_; }

    // When a stop must be over after the signals so far (at least one): first_at() + grace after
    // one, `now` after more (or first_at() + grace if that is earlier).
    Clock::time_point stop_by(std::chrono::milliseconds grace, Clock::time_point now = Clock::now()) const;

private:
    int count_ = 0;
    int first_ = 0;
    Clock::time_point first_at_;
};

// The rule applied to a stop under way.
class GracePeriod {
public:
    GracePeriod(CancellableDeadline& deadline, std::chrono::milliseconds grace, Log log);

    // From any thread (the signal watcher's).
    void signal_received(int signal);

private:
    CancellableDeadline& deadline_;
    std::chrono::milliseconds grace_;
    Log log_;
    std::mutex mutex_;
    SignalCount signals_;
};

}  // namespace ccs::flow
