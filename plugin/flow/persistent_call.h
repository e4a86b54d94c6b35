// The one rule for a call whose failure "for now" must not end the work it is part of: it is tried
// again, after a growing wait, while it fails transiently and the deadline allows. Run mode's start,
// progress and results calls follow it, and so does each page of the findings.
#pragma once

#include <chrono>
#include <functional>

#include "api/task_api.h"
#include "core/deadline.h"

namespace ccs::flow {

// How long to wait before each look at a running check's progress: `first` before the first look,
// then twice the wait before, never more than `cap` (--poll-interval). 2 s, 4 s, 8 s, 15 s, 15 s...
// Failed looks (transient errors) and a start that has to be tried again follow the same sequence.
struct PollBackoff {
    std::chrono::milliseconds first{2000};
    std::chrono::milliseconds cap{15000};

    // The wait before look number `look` (1 for the first); never more than `cap`, never negative.
    std::chrono::milliseconds wait_before(int look) const;
};

// Waits the back-off's next step (`waits` counts the steps taken); false when `deadline` has passed,
// before or during the wait.
bool back_off(const Deadline& deadline, const PollBackoff& backoff, int& waits);

using PersistentCall = std::function<api::CallResult(const Deadline&)>;
// Hears each failure that is tried again, with the wait before the next try.
using OnRetry = std::function<void(const api::CallResult& failed, std::chrono::milliseconds wait)>;

// `call` by `deadline`, tried again (after back_off) while it fails with ErrorClass::Transient and the
// deadline allows. The last result: a success, a failure that is not transient, or the last transient
// one when the time was up.
api::CallResult call_persistently(const PersistentCall& call, const Deadline& deadline,
                                  const PollBackoff& backoff, int& waits, const OnRetry& on_retry);

}  // namespace ccs::flow
