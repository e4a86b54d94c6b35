#include "core/timer.h"

#include <unistd.h>

#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "core/threads.h"

namespace ccs {

namespace detail {

struct TimerState {
    struct Entry {
        Timer::When when;
        std::function<void()> call;
        bool due = false;     // what Handle::fired() says
        bool called = false;  // taken by run_due: never again
    };

    TimerState(const TimeSource& source, bool thread_wanted) : time(source), own_thread(thread_wanted) {}

    // Runs the entries whose time has come, earliest first; returns when the next one is due. The
    // caller holds `lock` and has set `driving`.
    Timer::time_point run_due(std::unique_lock<std::mutex>& lock) {
        for (;;) {
            if (stopping) return Timer::time_point::max();
            const auto now = time.now();
            auto next = entries.end();
            auto next_at = Timer::time_point::max();
            for (auto it = entries.begin(); it != entries.end(); ++it) {
                if (it->second.called) continue;
                const auto at = it->second.when();
                if (next == entries.end() || at < next_at) {  // ties: the first registered
                    next = it;
                    next_at = at;
                }
            }
            if (next == entries.end() || next_at > now) return next_at;
            next->second.due = next->second.called = true;
            running = next->first;
            runner = std::this_thread::get_id();
            std::function<void()> call = std::move(next->second.call);
            lock.unlock();
            call();
            call = nullptr;  // what it holds goes without the lock too
            lock.lock();
            running = 0;
            returned.notify_all();
        }
    }

    // The timer's thread: sleeps until the next entry is due, or until an entry or a time changes.
    static void run(const std::shared_ptr<TimerState>& state) {
        std::unique_lock<std::mutex> lock(state->mutex);
        while (!state->stopping) {
            state->driving = true;
            const auto next = state->run_due(lock);
            state->driving = false;
            if (state->stopping) break;
            state->time.wait_until(state->changed, lock, next);
        }
        state->thread_alive = false;
        state->returned.notify_all();
    }

    // Starts the thread unless it runs. A child made by fork() has none, whatever the parent had.
    void start_thread() {
        if (thread_alive && thread_pid == ::getpid()) return;
        thread_alive = false;
        std::thread thread;
        const std::shared_ptr<TimerState> self = weak_self.lock();
        if (!try_start_thread(thread, [self] { run(self); })) return;  // the next registration tries again
        thread_alive = true;
        thread_pid = ::getpid();
        thread.detach();  // it ends when the timer does: ~Timer waits for that
    }

    const TimeSource& time;
    const bool own_thread;
    std::weak_ptr<TimerState> weak_self;

    std::mutex mutex;
    std::condition_variable changed;         // an entry came, a time moved, or the timer is stopping
    std::condition_variable returned;        // a callback returned, a driver stopped, or the thread ended
    std::map<std::uint64_t, Entry> entries;  // by id: in the order of registration
    std::uint64_t next_id = 1;
    std::uint64_t running = 0;  // the entry whose callback runs now, 0 for none
    std::thread::id runner;     // the thread it runs on
    bool driving = false;       // a thread is in run_due
    bool thread_alive = false;
    pid_t thread_pid = 0;
    bool stopping = false;
};

}  // namespace detail

Timer::Timer(const TimeSource& time, bool own_thread)
    : state_(std::make_shared<detail::TimerState>(time, own_thread)) {
    state_->weak_self = state_;
}

Timer::~Timer() {
    std::unique_lock<std::mutex> lock(state_->mutex);
    state_->stopping = true;
    state_->changed.notify_all();
    const auto me = std::this_thread::get_id();
    state_->returned.wait(lock, [&] {
        const bool thread_runs = state_->thread_alive && state_->thread_pid == ::getpid();
        const bool other_driver = state_->driving && state_->runner != me;
        return !thread_runs && !other_driver;
    });
    const auto pending = std::move(state_->entries);
    state_->entries.clear();
    lock.unlock();  // what the callbacks hold goes without the lock
}

Timer::Handle Timer::schedule(When when, std::function<void()> call) {
    const std::lock_guard<std::mutex> lock(state_->mutex);
    const std::uint64_t id = state_->next_id++;
    detail::TimerState::Entry& entry = state_->entries[id];
    entry.when = std::move(when);
    entry.call = std::move(call);
    entry.due = entry.when() <= state_->time.now();
    if (state_->own_thread && !state_->stopping) state_->start_thread();
    state_->changed.notify_all();
    return Handle(state_, id);
}

void Timer::poke() {
    const std::lock_guard<std::mutex> lock(state_->mutex);
    state_->changed.notify_all();
}

void Timer::run_due() {
    std::unique_lock<std::mutex> lock(state_->mutex);
    if (state_->driving) return;
    state_->driving = true;
    state_->run_due(lock);
    state_->driving = false;
    state_->returned.notify_all();
}

Timer::Handle::Handle(Handle&& other) noexcept
    : state_(std::move(other.state_)), id_(other.id_), fired_(other.fired_) {}

Timer::Handle& Timer::Handle::operator=(Handle&& other) noexcept {
    if (this != &other) {
        cancel();
        state_ = std::move(other.state_);
        id_ = other.id_;
        fired_ = other.fired_;
    }
    return *this;
}

void Timer::Handle::cancel() {
    if (!state_) return;
    detail::TimerState::Entry entry;  // destroyed after the lock is released: its callback may hold anything
    {
        std::unique_lock<std::mutex> lock(state_->mutex);
        const auto me = std::this_thread::get_id();
        state_->returned.wait(lock, [&] { return state_->running != id_ || state_->runner == me; });
        const auto found = state_->entries.find(id_);
        if (found != state_->entries.end()) {
            fired_ = found->second.due;
            entry = std::move(found->second);
            state_->entries.erase(found);
        }
    }
    state_.reset();
}

bool Timer::Handle::fired() const {
    if (!state_) return fired_;
    const std::lock_guard<std::mutex> lock(state_->mutex);
    const auto found = state_->entries.find(id_);
    return found != state_->entries.end() && found->second.due;
}

}  // namespace ccs
