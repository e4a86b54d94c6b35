// Where deadlines and the timer read the time and wait for it. The program uses the steady clock; a
// test puts a clock it moves by hand in its place, and tests time arithmetic without sleeping.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace ccs {

class Timer;

class TimeSource {
public:
    using time_point = std::chrono::steady_clock::time_point;

    virtual ~TimeSource() = default;

    virtual time_point now() const = 0;

    // Blocks on `wake`, whose mutex `lock` holds, until `until` by this source's time, a notify, or
    // spuriously: the caller looks at its condition again in every case. time_point::max() is "until
    // a notify". The lock may be released meanwhile, as by any condition variable wait.
    virtual void wait_until(std::condition_variable& wake, std::unique_lock<std::mutex>& lock,
                            time_point until) const = 0;

    // The one timer that runs callbacks at this source's times.
    virtual Timer& timer() const = 0;

    // The steady clock. Its timer has one thread for the whole process, started by the first callback.
    static const TimeSource& steady();
};

}  // namespace ccs
