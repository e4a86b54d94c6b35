// A clock for single-threaded flow tests that jumps to the end of every wait at once and remembers
// how long each wait was: a flow's pauses are followed without sleeping. One thread at a time.
#pragma once

#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "core/time_source.h"
#include "core/timer.h"

namespace ccs::testing {

class JumpingTime final : public TimeSource {
public:
    JumpingTime() : now_(time_point() + std::chrono::hours(1000)) {}

    time_point now() const override {
        const std::lock_guard<std::mutex> lock(mutex_);
        return now_;
    }
    void wait_until(std::condition_variable&, std::unique_lock<std::mutex>&,
                    time_point until) const override {
        REQUIRE(until != time_point::max());  // every wait here is bounded
        const std::lock_guard<std::mutex> lock(mutex_);
        if (until <= now_) return;
        waits.push_back(std::chrono::duration_cast<std::chrono::milliseconds>(until - now_));
        now_ = until;
    }
    Timer& timer() const override { return timer_; }

    mutable std::vector<std::chrono::milliseconds> waits;

private:
    mutable std::mutex mutex_;
    mutable time_point now_;
    mutable Timer timer_{*this, false};
};

}  // namespace ccs::testing
