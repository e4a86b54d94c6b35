#include "core/deadline.h"

#include <condition_variable>
#include <map>
#include <mutex>

#include "core/threads.h"

namespace ccs {

namespace detail {

struct DeadlineCut {
    struct Abort {
        std::function<void()> call;
        bool fired = false;
    };

    explicit DeadlineCut(Deadline::Clock::time_point initial) : at(initial) {}

    // Calls every abort not called yet. The caller holds `mutex`, so a guard being destroyed waits
    // until its abort has returned.
    void fire_aborts() {
        for (auto& [id, abort] : aborts) {
            if (abort.fired) continue;
            abort.fired = true;
            abort.call();
        }
    }

    std::mutex mutex;
    std::condition_variable changed;  // a cut, or the owner closing
    Deadline::Clock::time_point at;
    bool expired_seen = false;  // the watchdog has fired: later registrations count as fired at once
    bool closing = false;
    std::map<std::uint64_t, Abort> aborts;
    std::uint64_t next_id = 1;
};

}  // namespace detail

using Clock = Deadline::Clock;

Clock::time_point Deadline::at() const {
    if (!cut_) return at_;
    const std::lock_guard<std::mutex> lock(cut_->mutex);
    return std::min(at_, cut_->at);
}

Deadline::Millis Deadline::remaining() const {
    const auto left = std::chrono::duration_cast<Millis>(at() - Clock::now());
    return std::max(left, Millis(0));
}

void Deadline::sleep_for(Millis wait) const {
    const auto until = std::min(Clock::now() + wait, at_);
    if (!cut_) {
        std::this_thread::sleep_until(until);
        return;
    }
    std::unique_lock<std::mutex> lock(cut_->mutex);
    for (;;) {
        const auto target = std::min(until, cut_->at);
        if (Clock::now() >= target) return;
        cut_->changed.wait_until(lock, target);
    }
}

Deadline::AbortGuard Deadline::abort_when_expired(std::function<void()> abort) const {
    if (!cut_) return AbortGuard();
    const std::lock_guard<std::mutex> lock(cut_->mutex);
    const std::uint64_t id = cut_->next_id++;
    // Registered after the watchdog fired: not called (the caller is about to find the time is up
    // before it blocks), but reported as fired so its failure reads as a timeout.
    cut_->aborts[id] = {std::move(abort), cut_->expired_seen};
    return AbortGuard(cut_, id);
}

Deadline::AbortGuard::~AbortGuard() {
    if (!cut_) return;
    const std::lock_guard<std::mutex> lock(cut_->mutex);
    cut_->aborts.erase(id_);
}

bool Deadline::AbortGuard::fired() const {
    if (!cut_) return false;
    const std::lock_guard<std::mutex> lock(cut_->mutex);
    const auto found = cut_->aborts.find(id_);
    return found != cut_->aborts.end() && found->second.fired;
}

CancellableDeadline::CancellableDeadline(Clock::time_point at)
    : cut_(std::make_shared<detail::DeadlineCut>(at)) {
    // Without a watchdog, exchanges in flight are not aborted at the deadline: their own socket
    // timeouts, set from the same deadline, still end them.
    try_start_thread(watchdog_, [this] { watch(); });
}

CancellableDeadline::~CancellableDeadline() {
    {
        const std::lock_guard<std::mutex> lock(cut_->mutex);
        cut_->closing = true;
    }
    cut_->changed.notify_all();
    if (watchdog_.joinable()) watchdog_.join();
}

Deadline CancellableDeadline::deadline() const {
    const std::lock_guard<std::mutex> lock(cut_->mutex);
    return Deadline(cut_->at, cut_);
}

void CancellableDeadline::cut_to(Clock::time_point at) {
    {
        const std::lock_guard<std::mutex> lock(cut_->mutex);
        cut_->at = std::min(cut_->at, at);
    }
    cut_->changed.notify_all();
}

void CancellableDeadline::watch() {
    std::unique_lock<std::mutex> lock(cut_->mutex);
    while (!cut_->closing) {
        if (!cut_->expired_seen && Clock::now() >= cut_->at) {
            cut_->expired_seen = true;
            cut_->fire_aborts();
        }
        if (cut_->expired_seen) {
            cut_->changed.wait(lock);
        } else {
            cut_->changed.wait_until(lock, cut_->at);
        }
    }
}

}  // namespace ccs
