// Deadlines a signal can cut short: every linked copy sees the cut, sleepers and waiters wake, and
// alarms set for the expiry run when the cut deadline passes. The time is a manual clock: nothing here
// sleeps, and every wait for another thread is bounded.
#include <doctest/doctest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/deadline.h"
#include "manual_time.h"

using namespace ccs;
using ccs::testing::ManualTime;
using Clock = Deadline::Clock;
using Millis = std::chrono::milliseconds;

TEST_CASE("a fixed deadline: remaining, expired, capped") {
    ManualTime time;
    const Deadline deadline = Deadline::in(Millis(10000), time);
    CHECK(deadline.remaining() == Millis(10000));
    CHECK_FALSE(deadline.expired());
    CHECK(deadline.capped(Millis(100)).remaining() == Millis(100));
    CHECK(deadline.capped(Millis(20000)).remaining() == Millis(10000));
    CHECK(Deadline::in(Millis(0), time).expired());
    time.advance(Millis(9999));
    CHECK(deadline.remaining() == Millis(1));
    CHECK_FALSE(deadline.expired());
    time.advance(Millis(1));
    CHECK(deadline.expired());
    time.advance(Millis(5000));
    CHECK(deadline.remaining() == Millis(0));  // never negative
}

TEST_CASE("the steady clock is the default time") {
    const Deadline deadline = Deadline::in(Millis(10000));
    CHECK(&deadline.time() == &TimeSource::steady());
    CHECK(deadline.remaining() > Millis(9000));
    CHECK(Deadline::in(Millis(0)).expired());
}

TEST_CASE("a cut moves every copy and every capped deadline made from it") {
    ManualTime time;
    CancellableDeadline owner(time.now() + Millis(30000), time);
    const Deadline copy = owner.deadline();
    const Deadline phase = copy.capped(Millis(20000));
    CHECK(copy.remaining() == Millis(30000));
    CHECK(phase.remaining() == Millis(20000));
    owner.cut_to(time.now() + Millis(1000));
    CHECK(copy.remaining() == Millis(1000));
    CHECK(phase.remaining() == Millis(1000));
    owner.cut_to(time.now() + Millis(5000));  // a cut never moves it later
    CHECK(copy.remaining() == Millis(1000));
    CHECK(owner.deadline().remaining() == Millis(1000));
    owner.cut_to(time.now());
    CHECK(copy.expired());
    CHECK(phase.expired());
}

TEST_CASE("a sleeper wakes when the deadline is cut to now") {
    ManualTime time;
    CancellableDeadline owner(time.now() + Millis(30000), time);
    const Deadline deadline = owner.deadline();
    const auto start = time.now();
    std::thread sleeper([&deadline] { deadline.sleep_for(Millis(10000)); });
    REQUIRE(time.await_waits(1));
    owner.cut_to(time.now());
    sleeper.join();  // woke up without the time moving
    CHECK(time.now() == start);
}

TEST_CASE("a sleeper sleeps until the new deadline when it is cut to a later time than now") {
    ManualTime time;
    CancellableDeadline owner(time.now() + Millis(30000), time);
    const auto start = time.now();
    owner.cut_to(start + Millis(300));
    std::atomic<bool> woke{false};
    std::thread sleeper([&] {
        owner.deadline().sleep_for(Millis(10000));
        woke = true;
    });
    REQUIRE(time.await_waits(1));
    time.advance(Millis(299));
    REQUIRE(time.await_waits(2));  // it went back to sleep
    CHECK_FALSE(woke);
    time.advance(Millis(1));
    sleeper.join();
    CHECK(woke);
}

TEST_CASE("a sleep lasts its time, and never passes a fixed deadline") {
    ManualTime time;
    std::atomic<bool> woke{false};
    std::thread sleeper([&] {
        Deadline::in(Millis(10000), time).sleep_for(Millis(100));
        woke = true;
    });
    REQUIRE(time.await_waits(1));
    time.advance(Millis(99));
    REQUIRE(time.await_waits(2));
    CHECK_FALSE(woke);
    time.advance(Millis(1));
    sleeper.join();
    CHECK(woke);

    std::thread short_deadline([&] { Deadline::in(Millis(100), time).sleep_for(Millis(10000)); });
    REQUIRE(time.await_waits(3));
    time.advance(Millis(100));
    short_deadline.join();
}

TEST_CASE("a sleep on a deadline already passed returns at once") {
    ManualTime time;
    CancellableDeadline owner(time.now(), time);
    owner.deadline().sleep_for(Millis(10000));
    Deadline::in(Millis(0), time).sleep_for(Millis(10000));
    CHECK(time.now() == ManualTime().now());
}

TEST_CASE("a wait ends when it is done, or when the deadline, cut or not, has passed") {
    ManualTime time;
    std::mutex mutex;
    std::condition_variable wake;
    bool done = false;

    SUBCASE("done before the deadline") {
        CancellableDeadline owner(time.now() + Millis(1000), time);
        std::thread waiter([&] {
            std::unique_lock<std::mutex> lock(mutex);
            CHECK(owner.deadline().wait(lock, wake, [&] { return done; }));
        });
        REQUIRE(time.await_waits(1));
        {
            const std::lock_guard<std::mutex> lock(mutex);
            done = true;
        }
        wake.notify_all();
        waiter.join();
    }
    SUBCASE("a fixed deadline passes") {
        std::thread waiter([&] {
            std::unique_lock<std::mutex> lock(mutex);
            CHECK_FALSE(Deadline::in(Millis(1000), time).wait(lock, wake, [&] { return done; }));
        });
        REQUIRE(time.await_waits(1));
        time.advance(Millis(999));
        REQUIRE(time.await_waits(2));
        time.advance(Millis(1));
        waiter.join();
    }
    SUBCASE("the deadline is cut: its alarm ends the wait") {
        CancellableDeadline owner(time.now() + Millis(30000), time);
        std::thread waiter([&] {
            std::unique_lock<std::mutex> lock(mutex);
            CHECK_FALSE(owner.deadline().wait(lock, wake, [&] { return done; }));
        });
        REQUIRE(time.await_waits(1));
        owner.cut_to(time.now() + Millis(10));
        time.advance(Millis(10));  // the manual clock runs the alarm here
        waiter.join();
    }
    SUBCASE("already done, or already passed: no wait") {
        std::unique_lock<std::mutex> lock(mutex);
        CHECK_FALSE(Deadline::in(Millis(0), time).wait(lock, wake, [&] { return done; }));
        done = true;
        CHECK(Deadline::in(Millis(0), time).wait(lock, wake, [&] { return done; }));
        CHECK(lock.owns_lock());
    }
}
