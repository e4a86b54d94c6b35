#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "http/expiry_timer.h"

using ccs::Deadline;
using ccs::http::ExpiryTimer;
using Millis = std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

TEST_CASE("the timer fires once its deadline has passed, while the exchange still runs") {
    std::atomic<int> calls{0};
    std::atomic<long long> fired_after_ms{-1};
    const auto started = Clock::now();
    {
        const ExpiryTimer timer(Deadline::in(Millis(100)), [&] {
            ++calls;
            fired_after_ms = std::chrono::duration_cast<Millis>(Clock::now() - started).count();
        });
        for (int i = 0; i < 100 && !timer.fired(); ++i) std::this_thread::sleep_for(Millis(10));
        CHECK(timer.fired());
    }
    CHECK(calls == 1);
    CHECK(fired_after_ms >= 100);
    CHECK(fired_after_ms < 600);
}

TEST_CASE("an exchange that ends in time is never cut") {
    std::atomic<int> calls{0};
    {
        const ExpiryTimer timer(Deadline::in(Millis(200)), [&] { ++calls; });
        std::this_thread::sleep_for(Millis(20));
        CHECK_FALSE(timer.fired());
    }
    std::this_thread::sleep_for(Millis(300));
    CHECK(calls == 0);
}

TEST_CASE("a deadline already passed fires at once") {
    std::atomic<int> calls{0};
    const ExpiryTimer timer(Deadline::in(Millis(0)), [&] { ++calls; });
    for (int i = 0; i < 100 && !timer.fired(); ++i) std::this_thread::sleep_for(Millis(5));
    CHECK(timer.fired());
    CHECK(calls == 1);
}
