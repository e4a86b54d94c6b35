// Callbacks at given times: the one timer of the program. Deadline::when_expired is how it is used (a
// socket shut down when an attempt's time is up, the last-resort report, the end of a wait).
//
// Each TimeSource has one Timer. The steady clock's runs its callbacks on one thread of its own, for
// the whole process, started by the first callback: the thread sleeps until the earliest callback is
// due (no polling), and a time that moves earlier (a deadline cut by a signal) wakes it with poke().
// Callbacks run one after another, in the order of their times (ties: in the order they were
// registered), so none may block for long.
//
// A timer that has no thread (a test's manual clock) runs them in run_due(), called by whoever moves
// the time.
//
// Starting the thread can fail (a thread limit: see core/threads.h). Callbacks then wait, and the next
// registration tries again; until a thread is had they do not run, so what they guard must be bounded
// some other way too (socket timeouts, the deadline's own checks), as it is everywhere they are used.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "core/time_source.h"

namespace ccs {

namespace detail {
struct TimerState;
}

class Timer {
public:
    using time_point = TimeSource::time_point;
    // When a callback is due. Read again each time the timer looks; it may move earlier, and whoever
    // moves it calls poke().
    using When = std::function<time_point()>;
    class Handle;

    // `own_thread`: run callbacks on a thread of its own; otherwise only in run_due().
    Timer(const TimeSource& time, bool own_thread);
    ~Timer();  // callbacks still pending never run; one running is waited for
    Timer(const Timer&) = delete;
    Timer& operator=(const Timer&) = delete;

    // Runs `call` once when `when()` has come, unless the handle is cancelled or gone first. `call`
    // runs on the timer's thread and must not block for long or throw. `when()` runs with the timer's
    // lock held: it may take a lock of its own, but never one held while calling into the timer.
    [[nodiscard]] Handle schedule(When when, std::function<void()> call);

    // A `when` moved earlier: the timer looks at its callbacks' times again.
    void poke();

    // Runs every callback whose time has come, in order. For a timer without a thread of its own;
    // returns at once if another thread is already doing it.
    void run_due();

private:
    std::shared_ptr<detail::TimerState> state_;
};

// A scheduled callback; cancels it when destroyed.
class Timer::Handle {
public:
    Handle() = default;  // nothing scheduled
    ~Handle() { cancel(); }
    Handle(Handle&& other) noexcept;
    Handle& operator=(Handle&& other) noexcept;
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;

    // After this returns the callback never runs. If it is running on another thread, waits for it to
    // return, so what it touches stays valid: never call this holding a lock the callback takes.
    void cancel();

    // Its time had come before it was cancelled: the callback has run, is running or is about to (a
    // callback registered for a time already past counts at once). Whatever failed afterwards failed
    // because time was up.
    bool fired() const;

private:
    friend class Timer;
    Handle(std::shared_ptr<detail::TimerState> state, std::uint64_t id) : state_(std::move(state)), id_(id) {}

    std::shared_ptr<detail::TimerState> state_;  // null once cancelled
    std::uint64_t id_ = 0;
    bool fired_ = false;  // what fired() said when it was cancelled
};

}  // namespace ccs
