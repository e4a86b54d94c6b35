#include "core/time_source.h"

#include "core/timer.h"

namespace ccs {
namespace {

class SteadyTime final : public TimeSource {
public:
    time_point now() const override { return std::chrono::steady_clock::now(); }

    void wait_until(std::condition_variable& wake, std::unique_lock<std::mutex>& lock,
                    time_point until) const override {
        if (until == time_point::max()) {
            wake.wait(lock);
        } else {
            wake.wait_until(lock, until);
        }
    }

    Timer& timer() const override { return timer_; }

private:
    mutable Timer timer_{*this, true};
};

}  // namespace

const TimeSource& TimeSource::steady() {
    // Never destroyed: its timer's thread may still wait when the process ends, and nothing may
    // destroy what it uses under it.
    static const SteadyTime* const steady = new SteadyTime;
    return *steady;
}

}  // namespace ccs
