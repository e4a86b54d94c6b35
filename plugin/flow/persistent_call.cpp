#include "flow/persistent_call.h"

#include <algorithm>

namespace ccs::flow {

using Millis = std::chrono::milliseconds;

Millis PollBackoff::wait_before(int look) const {
    const Millis ceiling = std::max(cap, Millis(0));
    Millis wait = std::clamp(first, Millis(0), ceiling);
    for (int i = 1; i < look && wait < ceiling; ++i) wait = std::min(ceiling, wait * 2);
    return wait;
}

bool back_off(const Deadline& deadline, const PollBackoff& backoff, int& waits) {
    if (deadline.expired()) return false;
    deadline.sleep_for(backoff.wait_before(++waits));
    return !deadline.expired();
}

api::CallResult call_persistently(const PersistentCall& call, const Deadline& deadline,
                                  const PollBackoff& backoff, int& waits, const OnRetry& on_retry) {
    for (;;) {
        api::CallResult result = call(deadline);
        if (result.succeeded || result.error_class != api::ErrorClass::Transient || deadline.expired())
            return result;
        if (on_retry) on_retry(result, backoff.wait_before(waits + 1));
        if (!back_off(deadline, backoff, waits)) return result;
    }
}

}  // namespace ccs::flow
