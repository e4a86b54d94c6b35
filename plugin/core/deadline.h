// A point in time by which the whole run must be over. Created once in main and passed down: every
// connect, read and backoff sleep asks it how much time is left, so nothing outlives it.
//
// A signal can move it earlier (CancellableDeadline::cut_to): every copy and every capped() deadline
// made from it sees the new time at once, sleepers wake up, and callbacks set to run at its expiry
// (when_expired: a socket shut down, the last-resort report) run at the new time. The signal handler
// itself does none of this: it only reports the signal, and a thread of the program calls cut_to.
//
// The time comes from a TimeSource: the steady clock, or in tests a clock they move by hand.
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

#include "core/time_source.h"
#include "core/timer.h"

namespace ccs {

namespace detail {
struct DeadlineCut;  // the time a signal may move earlier, shared by every Deadline made from it
}

class Deadline {
public:
    using Clock = std::chrono::steady_clock;
    using Millis = std::chrono::milliseconds;
    // Runs a callback at the deadline's expiry; cancels it when destroyed (see Timer::Handle).
    using Alarm = Timer::Handle;

    explicit Deadline(Clock::time_point at, const TimeSource& time = TimeSource::steady())
        : at_(at), time_(&time) {}
    static Deadline in(Millis budget, const TimeSource& time = TimeSource::steady()) {
        return Deadline(time.now() + budget, time);
    }

    Millis remaining() const;
    bool expired() const { return time_->now() >= at(); }
    Clock::time_point at() const;  // the earlier of its own time and a cut
    const TimeSource& time() const { return *time_; }

    // The earlier of this deadline and now + budget: for one attempt or one phase of the run.
    // It stays linked: a later cut moves it too.
    Deadline capped(Millis budget) const {
        return Deadline(std::min(at_, time_->now() + budget), cut_, *time_);
    }

    // Sleeps for `wait`, but never past the deadline, and wakes as soon as the deadline is cut to a
    // time that has come: a backoff or a polling pause must not hold a stop past a signal's grace.
    void sleep_for(Millis wait) const;

    // Waits on `wake` (whose mutex `lock` holds; whoever makes `done` true notifies it) until `done()`
    // or the deadline, cut or not, has passed. True when done. The lock is released meanwhile.
    bool wait(std::unique_lock<std::mutex>& lock, std::condition_variable& wake,
              const std::function<bool()>& done) const;

    // Calls `call` once, from the timer's thread, when the deadline (moved by any cut) has passed by
    // `late_by`, unless the alarm is gone first. A blocked read ends with the deadline this way, and
    // an exchange that bytes keep trickling into, which no socket timeout ends. `call` must not block;
    // an alarm destroyed while `call` runs waits for it to return, so what it touches stays valid.
    [[nodiscard]] Alarm when_expired(std::function<void()> call, Millis late_by = Millis(0)) const;

private:
    friend class CancellableDeadline;
    Deadline(Clock::time_point at, std::shared_ptr<detail::DeadlineCut> cut, const TimeSource& time)
        : at_(at), cut_(std::move(cut)), time_(&time) {}

    Clock::time_point at_;
    std::shared_ptr<detail::DeadlineCut> cut_;  // null for a fixed deadline
    const TimeSource* time_;
};

// The owner of a deadline a signal can cut short: hands out linked Deadline values.
class CancellableDeadline {
public:
    using Clock = Deadline::Clock;

    explicit CancellableDeadline(Clock::time_point at, const TimeSource& time = TimeSource::steady());
    CancellableDeadline(const CancellableDeadline&) = delete;
    CancellableDeadline& operator=(const CancellableDeadline&) = delete;

    Deadline deadline() const;

    // Moves the deadline to `at` unless it is already earlier, wakes every sleeper, and lets the timer
    // know its alarms are due sooner. Thread-safe.
    void cut_to(Clock::time_point at);

private:
    std::shared_ptr<detail::DeadlineCut> cut_;
};

}  // namespace ccs
