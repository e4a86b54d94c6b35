// A timer for one exchange: if the exchange is still going when its deadline passes, `expire` is
// called (once, from the timer's own thread) to end it, typically by shutting its socket down.
// Socket timeouts alone do not bound an exchange: they bound each read, and a server that sends one
// byte every few hundred milliseconds never lets a read time out.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/deadline.h"

namespace ccs::http {

class ExpiryTimer {
public:
    // `expire` must not block; it runs while the exchange's thread may be inside a read.
    ExpiryTimer(const Deadline& deadline, std::function<void()> expire);
    ~ExpiryTimer();  // stops the timer; if `expire` is running, waits for it to return
    ExpiryTimer(const ExpiryTimer&) = delete;
    ExpiryTimer& operator=(const ExpiryTimer&) = delete;

    bool fired() const;  // `expire` was called: whatever failed afterwards failed because time was up

private:
    void wait();  // the timer thread

    Deadline deadline_;
    std::function<void()> expire_;
    mutable std::mutex mutex_;
    std::condition_variable stop_requested_;
    bool stopping_ = false;
    bool fired_ = false;
    std::thread thread_;
};

}  // namespace ccs::http
