#include "core/deadline.h"

namespace ccs {

namespace detail {

struct DeadlineCut {
    DeadlineCut(Deadline::Clock::time_point initial, const TimeSource& source) : time(source), at(initial) {}

    const TimeSource& time;
    std::mutex mutex;
    std::condition_variable changed;  // a cut
    Deadline::Clock::time_point at;
};

}  // namespace detail

using time_point = Deadline::Clock::time_point;

time_point Deadline::at() const {
    if (!cut_) return at_;
    const std::lock_guard<std::mutex> lock(cut_->mutex);
    return std::min(at_, cut_->at);
}

Deadline::Millis Deadline::remaining() const {
    const auto left = std::chrono::duration_cast<Millis>(at() - time_->now());
    return std::max(left, Millis(0));
}

void Deadline::sleep_for(Millis wait) const {
    const auto until = std::min(time_->now() + wait, at_);
    if (!cut_) {
        std::mutex mutex;
        std::condition_variable never_notified;
        std::unique_lock<std::mutex> lock(mutex);
        while (time_->now() < until) time_->wait_until(never_notified, lock, until);
        return;
    }
    std::unique_lock<std::mutex> lock(cut_->mutex);
    for (;;) {
        const auto target = std::min(until, cut_->at);
        if (time_->now() >= target) return;
        time_->wait_until(cut_->changed, lock, target);
    }
}

bool Deadline::wait(std::unique_lock<std::mutex>& lock, std::condition_variable& wake,
                    const std::function<bool()>& done) const {
    if (done()) return true;
    if (!cut_) {  // nothing moves a fixed deadline: its time bounds the wait
        while (!done() && !expired()) time_->wait_until(wake, lock, at_);
        return done();
    }
    std::mutex& mutex = *lock.mutex();
    bool passed = false;  // under `mutex`: the alarm rang
    lock.unlock();
    {
        // A cut wakes sleepers on its own condition variable, not on `wake`: the alarm brings it here.
        // (Without a timer thread, the wait ends at the time the deadline had when it last woke.)
        const Alarm alarm = when_expired([&] {
            const std::lock_guard<std::mutex> alarm_lock(mutex);
            passed = true;
            wake.notify_all();
        });
        lock.lock();
        while (!done() && !passed && !expired()) time_->wait_until(wake, lock, at());
        lock.unlock();
    }  // the alarm goes unlocked: its call takes the lock
    lock.lock();
    return done();
}

Deadline::Alarm Deadline::when_expired(std::function<void()> call, Millis late_by) const {
    Timer::When when = [at = at_, cut = cut_, late_by] {
        time_point expiry = at;
        if (cut) {
            const std::lock_guard<std::mutex> lock(cut->mutex);
            expiry = std::min(expiry, cut->at);
        }
        return expiry > time_point::max() - late_by ? time_point::max() : expiry + late_by;
    };
    return time_->timer().schedule(std::move(when), std::move(call));
}

CancellableDeadline::CancellableDeadline(Clock::time_point at, const TimeSource& time)
    : cut_(std::make_shared<detail::DeadlineCut>(at, time)) {}

Deadline CancellableDeadline::deadline() const {
    const std::lock_guard<std::mutex> lock(cut_->mutex);
    return Deadline(cut_->at, cut_, cut_->time);
}

void CancellableDeadline::cut_to(Clock::time_point at) {
    {
        const std::lock_guard<std::mutex> lock(cut_->mutex);
        if (at >= cut_->at) return;
        cut_->at = at;
    }
    cut_->changed.notify_all();
    cut_->time.timer().poke();
}

}  // namespace ccs
