#include "http/expiry_timer.h"

#include <algorithm>

#include "core/threads.h"

namespace ccs::http {
namespace {

// A deadline a signal can cut moves earlier without telling this timer: it looks again this often.
constexpr std::chrono::milliseconds recheck{50};

}  // namespace

ExpiryTimer::ExpiryTimer(const Deadline& deadline, std::function<void()> expire)
    : deadline_(deadline), expire_(std::move(expire)) {
    // Without a thread the exchange is bounded by its socket timeouts alone, which is better than none.
    try_start_thread(thread_, [this] { wait(); });
}

ExpiryTimer::~ExpiryTimer() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    stop_requested_.notify_all();
    if (thread_.joinable()) thread_.join();
}

bool ExpiryTimer::fired() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return fired_;
}

void ExpiryTimer::wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        const auto now = Deadline::Clock::now();
        const auto at = deadline_.at();
        if (now >= at) {
            fired_ = true;
            expire_();  // under the lock: the destructor cannot finish while it runs
            return;
        }
        stop_requested_.wait_until(lock, std::min(at, now + recheck));
    }
}

}  // namespace ccs::http
