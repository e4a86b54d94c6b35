// A clock for tests that moves only when told: advance() moves it, wakes whoever waits on it, and runs
// the timer's callbacks that are due, on the calling thread. Time arithmetic is tested without sleeping.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <iterator>
#include <list>
#include <mutex>
#include <vector>

#include "core/time_source.h"
#include "core/timer.h"

namespace ccs::testing {

class ManualTime final : public TimeSource {
public:
    // An arbitrary start, far from the clock's epoch.
    ManualTime() : now_(time_point() + std::chrono::hours(1000)) {}
    ~ManualTime() override = default;

    time_point now() const override {
        const std::lock_guard<std::mutex> lock(mutex_);
        return now_;
    }

    void wait_until(std::condition_variable& wake, std::unique_lock<std::mutex>& lock,
                    time_point until) const override {
        std::list<Waiter>::iterator self;
        {
            const std::lock_guard<std::mutex> guard(mutex_);
            if (now_ >= until) return;
            self = waiters_.insert(waiters_.end(), Waiter{&wake, lock.mutex()});
            ++waits_begun_;
            registered_.notify_all();
        }
        // advance() takes `lock`'s mutex before it notifies: it cannot do so between the check above
        // and this wait, which releases the mutex.
        wake.wait(lock);
        lock.unlock();  // advance() may be notifying: it holds notify_mutex_, then the waiter's mutex
        {
            const std::lock_guard<std::mutex> notifying(notify_mutex_);
            const std::lock_guard<std::mutex> guard(mutex_);
            waiters_.erase(self);
        }
        lock.lock();
    }

    Timer& timer() const override { return timer_; }

    // Moves the time on by `step` (0 too), wakes every waiter, and runs the callbacks now due.
    void advance(std::chrono::nanoseconds step) {
        std::vector<Waiter> waiting;
        {
            const std::lock_guard<std::mutex> guard(mutex_);
            now_ += std::chrono::duration_cast<time_point::duration>(step);
            waiting.assign(waiters_.begin(), waiters_.end());
        }
        {
            const std::lock_guard<std::mutex> notifying(notify_mutex_);
            for (const Waiter& waiter : waiting) {
                const std::lock_guard<std::mutex> guard(*waiter.mutex);
                waiter.wake->notify_all();
            }
        }
        timer_.run_due();
    }

    // Waits (in real time, at most `within`) until `count` waits on this clock have begun since it was
    // made: a test moves the time once the thread it is about has gone to sleep (again, after a move
    // that was not enough). False if they never did.
    bool await_waits(std::size_t count, std::chrono::milliseconds within = std::chrono::seconds(10)) const {
        std::unique_lock<std::mutex> lock(mutex_);
        return registered_.wait_for(lock, within, [&] { return waits_begun_ >= count; });
    }

private:
    struct Waiter {
        std::condition_variable* wake;
        std::mutex* mutex;
    };

    mutable std::mutex mutex_;  // guards now_ and waiters_
    time_point now_;
    mutable std::list<Waiter> waiters_;
    mutable std::size_t waits_begun_ = 0;
    mutable std::condition_variable registered_;
    mutable std::mutex notify_mutex_;  // held while advance() notifies: waiters stay registered meanwhile
    mutable Timer timer_{*this, false};
};

}  // namespace ccs::testing
