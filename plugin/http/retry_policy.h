// When to try a call again and how long to wait first: exponential backoff with full jitter
// (the AWS SDK's strategy), bounded by the number of attempts and by the run's deadline.
// What is worth retrying is decided elsewhere (core/error_class.h); this unit only does the timing.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "core/deadline.h"

namespace ccs::http {

class RetryPolicy {
public:
    using Millis = std::chrono::milliseconds;
    // Returns a number in [0, 1); replaceable so tests can pin the jitter.
    using Random = std::function<double()>;

    explicit RetryPolicy(int max_attempts, Millis base = Millis(200), Millis cap = Millis(2000),
                         Random random = {});

    int max_attempts() const { return max_attempts_; }

    // Upper bound of the wait before retry number `retry` (1 for the first retry):
    // min(cap, base * 2^(retry-1)).
    Millis ceiling(int retry) const;

    // The wait before the next attempt, or nothing when the call must not be tried again: no attempts
    // left, not retryable, or the wait (at least the server's Retry-After) would not leave
    // `min_attempt_time` before the deadline.
    std::optional<Millis> next_wait(int attempts_made, bool retryable, std::optional<Millis> retry_after,
                                    const Deadline& deadline, Millis min_attempt_time = Millis(100)) const;

    // How long attempt number `attempt` (1 for the first) may take when `remaining` is left of the
    // deadline: the last attempt gets all of it, an earlier one half of it (at least a second), so a
    // server that accepts and never answers leaves time to try again.
    Millis attempt_budget(int attempt, Millis remaining) const;

private:
    int max_attempts_;
    Millis base_;
    Millis cap_;
    Random random_;
};

// Parses a Retry-After header given in seconds ("3"); HTTP dates are not used by this service.
std::optional<std::chrono::milliseconds> parse_retry_after(const std::string& value);

}  // namespace ccs::http
