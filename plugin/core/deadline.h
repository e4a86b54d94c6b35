// A point in time by which the whole run must be over. Created once in main and passed down: every
// connect, read and backoff sleep asks it how much time is left, so nothing outlives it.
//
// A signal can move it earlier (CancellableDeadline::cut_to): every copy and every capped() deadline
// made from it sees the new time at once, sleepers wake up, and exchanges still in flight when it
// passes are aborted. The signal handler itself does none of this: it only reports the signal, and a
// thread of the program calls cut_to.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <thread>

namespace ccs {

namespace detail {
struct DeadlineCut;  // the time a signal may move earlier, shared by every Deadline made from it
}

class Deadline {
public:
    using Clock = std::chrono::steady_clock;
    using Millis = std::chrono::milliseconds;

    explicit Deadline(Clock::time_point at) : at_(at) {}
    static Deadline in(Millis budget) { return Deadline(Clock::now() + budget); }

    Millis remaining() const;
    bool expired() const { return Clock::now() >= at(); }
    Clock::time_point at() const;  // the earlier of its own time and a cut

    // The earlier of this deadline and now + budget: for one attempt or one phase of the run.
    // It stays linked: a later cut moves it too.
    Deadline capped(Millis budget) const { return Deadline(std::min(at_, Clock::now() + budget), cut_); }

    // Sleeps for `wait`, but never past the deadline, and wakes as soon as the deadline is cut to a
    // time that has come: a backoff or a polling pause must not hold a stop past a signal's grace.
    void sleep_for(Millis wait) const;

    // While the returned guard lives, `abort` is called (once, from another thread) when the shared
    // deadline passes, so a blocked read ends with it rather than with the socket timeout that was
    // set before a cut. `abort` must not block. For a deadline that cannot be cut this does nothing:
    // the socket timeouts taken from it are exact.
    class AbortGuard;
    AbortGuard abort_when_expired(std::function<void()> abort) const;

private:
    friend class CancellableDeadline;
    Deadline(Clock::time_point at, std::shared_ptr<detail::DeadlineCut> cut)
        : at_(at), cut_(std::move(cut)) {}

    Clock::time_point at_;
    std::shared_ptr<detail::DeadlineCut> cut_;  // null for a fixed deadline
};

class Deadline::AbortGuard {
public:
    AbortGuard() = default;
    AbortGuard(std::shared_ptr<detail::DeadlineCut> cut, std::uint64_t id) : cut_(std::move(cut)), id_(id) {}
    ~AbortGuard();  // waits for a running abort to finish, so what it touches stays valid
    AbortGuard(AbortGuard&& other) noexcept : cut_(std::move(other.cut_)), id_(other.id_) {}
    AbortGuard& operator=(AbortGuard&&) = delete;
    AbortGuard(const AbortGuard&) = delete;
    AbortGuard& operator=(const AbortGuard&) = delete;

    bool fired() const;  // the abort was called: whatever failed afterwards failed because time was up

private:
    std::shared_ptr<detail::DeadlineCut> cut_;
    std::uint64_t id_ = 0;
};

// The owner of a deadline a signal can cut short. Hands out linked Deadline values, and runs the
// watchdog that aborts exchanges in flight when the deadline passes.
class CancellableDeadline {
public:
    using Clock = Deadline::Clock;

    explicit CancellableDeadline(Clock::time_point at);
    ~CancellableDeadline();  // stops the watchdog; Deadline copies stay usable, without it
    CancellableDeadline(const CancellableDeadline&) = delete;
    CancellableDeadline& operator=(const CancellableDeadline&) = delete;

    Deadline deadline() const;

    // Moves the deadline to `at` unless it is already earlier, and wakes every sleeper. Thread-safe.
    void cut_to(Clock::time_point at);

private:
    void watch();  // the watchdog thread

    std::shared_ptr<detail::DeadlineCut> cut_;
    std::thread watchdog_;
};

}  // namespace ccs
