// Set once when the emulator is asked to stop. Every wait a handler makes (latency, delay, hang, drip)
// goes through it, so no connection outlives the shutdown by more than one socket operation.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace ccs::emu {

class ShutdownSignal {
public:
    void trigger();
    bool triggered() const;

    // Sleeps for `duration` unless the shutdown comes first. Returns true when it slept the whole time,
    // false when it was cut short by the shutdown.
    bool sleep_for(std::chrono::milliseconds duration) const;

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable woken_;
    bool triggered_ = false;
};

}  // namespace ccs::emu
