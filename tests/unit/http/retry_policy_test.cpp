#include <doctest/doctest.h>

#include "http/retry_policy.h"

using ccs::Deadline;
using ccs::http::parse_retry_after;
using ccs::http::RetryPolicy;
using Millis = std::chrono::milliseconds;

namespace {
RetryPolicy pinned(int attempts, double random_value) {
    return RetryPolicy(attempts, Millis(200), Millis(2000), [random_value] { return random_value; });
}
}  // namespace

TEST_CASE("the backoff ceiling doubles from the base and stops at the cap") {
    const RetryPolicy policy = pinned(10, 0.5);
    CHECK(policy.ceiling(1) == Millis(200));
    CHECK(policy.ceiling(2) == Millis(400));
    CHECK(policy.ceiling(3) == Millis(800));
    CHECK(policy.ceiling(4) == Millis(1600));
    CHECK(policy.ceiling(5) == Millis(2000));
    CHECK(policy.ceiling(30) == Millis(2000));
}

TEST_CASE("full jitter: the wait is the random fraction of the ceiling") {
    const Deadline far = Deadline::in(Millis(60000));
    CHECK(pinned(4, 0.0).next_wait(1, true, std::nullopt, far) == Millis(0));
    CHECK(pinned(4, 0.5).next_wait(2, true, std::nullopt, far) == Millis(200));
    CHECK(pinned(4, 0.999).next_wait(3, true, std::nullopt, far) == Millis(799));
}

TEST_CASE("no retry when not retryable or when the attempts are used up") {
    const Deadline far = Deadline::in(Millis(60000));
    CHECK_FALSE(pinned(4, 0.5).next_wait(1, false, std::nullopt, far));
    CHECK(pinned(4, 0.5).next_wait(3, true, std::nullopt, far));
    CHECK_FALSE(pinned(4, 0.5).next_wait(4, true, std::nullopt, far));
    CHECK_FALSE(pinned(1, 0.5).next_wait(1, true, std::nullopt, far));
}

TEST_CASE("Retry-After is honoured as a lower bound") {
    const Deadline far = Deadline::in(Millis(60000));
    CHECK(pinned(4, 0.1).next_wait(1, true, Millis(3000), far) == Millis(3000));
}

TEST_CASE("never waits past the deadline") {
    const Deadline near = Deadline::in(Millis(500));
    CHECK_FALSE(pinned(4, 0.5).next_wait(1, true, Millis(3000), near));
    CHECK_FALSE(pinned(4, 0.99).next_wait(4 - 1, true, std::nullopt, Deadline::in(Millis(300))));
    CHECK(pinned(4, 0.5).next_wait(1, true, std::nullopt, near) == Millis(100));
}

TEST_CASE("Retry-After in seconds") {
    CHECK(parse_retry_after("3") == Millis(3000));
    CHECK(parse_retry_after(" 0 ") == Millis(0));
    CHECK_FALSE(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"));
    CHECK_FALSE(parse_retry_after("-1"));
    CHECK(parse_retry_after("999999") == Millis(3600 * 1000));
}

TEST_CASE("an attempt may take half of the time left, the last one all of it") {
    const RetryPolicy policy = pinned(4, 0.5);
    CHECK(policy.attempt_budget(1, Millis(30000)) == Millis(15000));
    CHECK(policy.attempt_budget(3, Millis(8000)) == Millis(4000));
    CHECK(policy.attempt_budget(4, Millis(8000)) == Millis(8000));
    CHECK(policy.attempt_budget(9, Millis(8000)) == Millis(8000));
    // Half would be too short to be of use: a second, or what is left.
    CHECK(policy.attempt_budget(1, Millis(1500)) == Millis(1000));
    CHECK(policy.attempt_budget(1, Millis(600)) == Millis(600));
    CHECK(policy.attempt_budget(1, Millis(0)) == Millis(0));
}
