// A point in time by which the whole run must be over. Created once in main and passed down: every
// connect, read and backoff sleep asks it how much time is left, so nothing outlives it.
#pragma once

#include <algorithm>
#include <chrono>

namespace ccs {

class Deadline {
public:
    using Clock = std::chrono::steady_clock;
    using Millis = std::chrono::milliseconds;

    explicit Deadline(Clock::time_point at) : at_(at) {}
    static Deadline in(Millis budget) { return Deadline(Clock::now() + budget); }

    Millis remaining() const {
        const auto left = std::chrono::duration_cast<Millis>(at_ - Clock::now());
        return std::max(left, Millis(0));
    }
    bool expired() const { return Clock::now() >= at_; }
    Clock::time_point at() const { return at_; }

    // The earlier of this deadline and now + budget: for one attempt or one phase of the run.
    Deadline capped(Millis budget) const { return Deadline(std::min(at_, Clock::now() + budget)); }

private:
    Clock::time_point at_;
};

}  // namespace ccs
