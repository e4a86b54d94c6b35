#include "emulator/shutdown_signal.h"

namespace ccs::emu {

void ShutdownSignal::trigger() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        triggered_ = true;
    }
    woken_.notify_all();
}

bool ShutdownSignal::triggered() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return triggered_;
}

bool ShutdownSignal::sleep_for(std::chrono::milliseconds duration) const {
    std::unique_lock<std::mutex> lock(mutex_);
    return !woken_.wait_for(lock, duration, [this] { return triggered_; });
}

}  // namespace ccs::emu
