// Deadlines a signal can cut short: every linked copy sees the cut, sleepers wake, and exchanges still
// in flight are aborted when the cut deadline passes.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "core/deadline.h"

using namespace ccs;
using Clock = Deadline::Clock;
using Millis = std::chrono::milliseconds;

namespace {

Millis since(Clock::time_point start) {
    return std::chrono::duration_cast<Millis>(Clock::now() - start);
}

}  // namespace

TEST_CASE("a fixed deadline: remaining, expired, capped") {
    const Deadline deadline = Deadline::in(Millis(10000));
    CHECK(deadline.remaining() > Millis(9000));
    CHECK_FALSE(deadline.expired());
    CHECK(deadline.capped(Millis(100)).remaining() <= Millis(100));
    CHECK(Deadline::in(Millis(0)).expired());
}

TEST_CASE("a cut moves every copy and every capped deadline made from it") {
    CancellableDeadline owner(Clock::now() + Millis(30000));
    const Deadline copy = owner.deadline();
    const Deadline phase = copy.capped(Millis(20000));
    CHECK(copy.remaining() > Millis(25000));
    owner.cut_to(Clock::now() + Millis(1000));
    CHECK(copy.remaining() <= Millis(1000));
    CHECK(phase.remaining() <= Millis(1000));
    owner.cut_to(Clock::now() + Millis(5000));  // a cut never moves it later
    CHECK(copy.remaining() <= Millis(1000));
    owner.cut_to(Clock::now());
    CHECK(copy.expired());
    CHECK(phase.expired());
}

TEST_CASE("a sleeper wakes when the deadline is cut to now") {
    CancellableDeadline owner(Clock::now() + Millis(30000));
    const Deadline deadline = owner.deadline();
    const auto start = Clock::now();
    std::thread cutter([&owner] {
        std::this_thread::sleep_for(Millis(100));
        owner.cut_to(Clock::now());
    });
    deadline.sleep_for(Millis(10000));
    cutter.join();
    CHECK(since(start) < Millis(2000));
}

TEST_CASE("a sleeper sleeps until the new deadline when it is cut to a later time than now") {
    CancellableDeadline owner(Clock::now() + Millis(30000));
    const auto start = Clock::now();
    owner.cut_to(start + Millis(300));
    owner.deadline().sleep_for(Millis(10000));
    CHECK(since(start) >= Millis(290));
    CHECK(since(start) < Millis(2000));
}

TEST_CASE("a sleep never passes a fixed deadline") {
    const auto start = Clock::now();
    Deadline::in(Millis(100)).sleep_for(Millis(10000));
    CHECK(since(start) < Millis(2000));
}

TEST_CASE("the abort of an exchange in flight runs when the cut deadline passes, and only then") {
    CancellableDeadline owner(Clock::now() + Millis(30000));
    const Deadline deadline = owner.deadline();
    std::atomic<bool> aborted{false};
    {
        const Deadline::AbortGuard guard = deadline.abort_when_expired([&aborted] { aborted = true; });
        std::this_thread::sleep_for(Millis(50));
        CHECK_FALSE(aborted);
        owner.cut_to(Clock::now() + Millis(100));
        for (int i = 0; i < 100 && !aborted; ++i) std::this_thread::sleep_for(Millis(20));
        CHECK(aborted);
        CHECK(guard.fired());
    }
    // Registered after the deadline passed: not called, but reported as fired (a timeout).
    bool late = false;
    const Deadline::AbortGuard after = deadline.abort_when_expired([&late] { late = true; });
    CHECK(after.fired());
    CHECK_FALSE(late);
}

TEST_CASE("a guard released before the deadline is never called") {
    std::atomic<bool> aborted{false};
    {
        CancellableDeadline owner(Clock::now() + Millis(100));
        {
            const auto guard = owner.deadline().abort_when_expired([&aborted] { aborted = true; });
        }
        std::this_thread::sleep_for(Millis(300));
    }
    CHECK_FALSE(aborted);
}

TEST_CASE("a fixed deadline has no watchdog: its guard never fires") {
    const Deadline deadline = Deadline::in(Millis(0));
    const auto guard = deadline.abort_when_expired([] { FAIL("called"); });
    CHECK_FALSE(guard.fired());
}
