// The one timer: callbacks at a deadline's expiry (Deadline::when_expired), in order, once, never after
// they are cancelled, earlier when the deadline is cut. Most cases use a manual clock, which runs the
// due callbacks when it moves; the last ones use the steady clock and its thread, which is the point.
#include <doctest/doctest.h>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/deadline.h"
#include "core/timer.h"
#include "manual_time.h"

using namespace ccs;
using ccs::testing::ManualTime;
using Clock = Deadline::Clock;
using Millis = std::chrono::milliseconds;

TEST_CASE("an alarm runs once the deadline has passed, and only once") {
    ManualTime time;
    int calls = 0;
    const Deadline::Alarm alarm = Deadline::in(Millis(100), time).when_expired([&] { ++calls; });
    time.advance(Millis(99));
    CHECK(calls == 0);
    CHECK_FALSE(alarm.fired());
    time.advance(Millis(1));
    CHECK(calls == 1);
    CHECK(alarm.fired());
    time.advance(Millis(1000));
    time.advance(Millis(0));
    CHECK(calls == 1);
}

TEST_CASE("an alarm cancelled before the deadline never runs") {
    ManualTime time;
    int calls = 0;
    {
        const Deadline::Alarm alarm = Deadline::in(Millis(200), time).when_expired([&] { ++calls; });
        time.advance(Millis(20));
        CHECK_FALSE(alarm.fired());
    }
    Deadline::Alarm cancelled = Deadline::in(Millis(200), time).when_expired([&] { ++calls; });
    cancelled.cancel();
    cancelled.cancel();  // again: nothing
    time.advance(Millis(300));
    CHECK(calls == 0);
    CHECK_FALSE(cancelled.fired());
}

TEST_CASE("an alarm for a deadline already passed counts as fired at once, and runs when the timer runs") {
    ManualTime time;
    int calls = 0;
    const Deadline::Alarm alarm = Deadline::in(Millis(0), time).when_expired([&] { ++calls; });
    CHECK(alarm.fired());  // whatever fails from here on failed because the time was up
    time.advance(Millis(0));
    CHECK(calls == 1);
}

TEST_CASE("alarms run in the order of their times; equal times in the order they were set") {
    ManualTime time;
    std::vector<std::string> order;
    const auto note = [&order](const char* name) { return [&order, name] { order.emplace_back(name); }; };
    const Deadline base = Deadline::in(Millis(1000), time);
    const Deadline::Alarm late = Deadline::in(Millis(300), time).when_expired(note("300"));
    const Deadline::Alarm first = Deadline::in(Millis(100), time).when_expired(note("100"));
    const Deadline::Alarm tie_a = Deadline::in(Millis(200), time).when_expired(note("200a"));
    const Deadline::Alarm tie_b = Deadline::in(Millis(200), time).when_expired(note("200b"));
    const Deadline::Alarm after = base.when_expired(note("1000+50"), Millis(50));
    const Deadline::Alarm at = base.when_expired(note("1000"));
    time.advance(Millis(250));
    CHECK(order == std::vector<std::string>{"100", "200a", "200b"});
    time.advance(Millis(5000));  // all due at once: still in their order
    CHECK(order == std::vector<std::string>{"100", "200a", "200b", "300", "1000", "1000+50"});
}

TEST_CASE("cutting the deadline runs its alarms earlier, in their new order") {
    ManualTime time;
    std::vector<std::string> order;
    CancellableDeadline owner(time.now() + Millis(30000), time);
    const Deadline run = owner.deadline();
    const Deadline::Alarm attempt =
        run.capped(Millis(5000)).when_expired([&] { order.emplace_back("attempt"); });
    const Deadline::Alarm last_resort =
        run.when_expired([&] { order.emplace_back("last resort"); }, Millis(500));
    const Deadline::Alarm other =
        Deadline::in(Millis(800), time).when_expired([&] { order.emplace_back("fixed 800"); });
    owner.cut_to(time.now() + Millis(200));
    time.advance(Millis(199));
    CHECK(order.empty());
    time.advance(Millis(1));
    CHECK(order == std::vector<std::string>{"attempt"});
    time.advance(Millis(499));
    CHECK(order == std::vector<std::string>{"attempt"});
    time.advance(Millis(1));
    CHECK(order == std::vector<std::string>{"attempt", "last resort"});
    time.advance(Millis(100));
    CHECK(order == std::vector<std::string>{"attempt", "last resort", "fixed 800"});
}

TEST_CASE("a cut to now makes the alarms due at once") {
    ManualTime time;
    CancellableDeadline owner(time.now() + Millis(30000), time);
    int calls = 0;
    const Deadline::Alarm alarm = owner.deadline().when_expired([&] { ++calls; });
    owner.cut_to(time.now());
    time.advance(Millis(0));
    CHECK(calls == 1);
    CHECK(alarm.fired());
}

TEST_CASE("alarms outlive the deadline's owner and their deadline's copies") {
    ManualTime time;
    int calls = 0;
    Deadline::Alarm alarm;
    {
        CancellableDeadline owner(time.now() + Millis(100), time);
        alarm = owner.deadline().capped(Millis(50)).when_expired([&] { ++calls; });
    }
    time.advance(Millis(50));
    CHECK(calls == 1);
}

TEST_CASE("destruction with callbacks pending is safe, and they never run") {
    int calls = 0;
    SUBCASE("the timer goes first") {
        auto time = std::make_unique<ManualTime>();
        Deadline::Alarm alarm = Deadline::in(Millis(10), *time).when_expired([&] { ++calls; });
        time.reset();
        CHECK_FALSE(alarm.fired());
        alarm.cancel();
    }
    SUBCASE("the alarms go first") {
        ManualTime time;
        {
            CancellableDeadline owner(time.now() + Millis(100), time);
            std::vector<Deadline::Alarm> alarms;
            alarms.reserve(10);
            for (int i = 0; i < 10; ++i) alarms.push_back(owner.deadline().when_expired([&] { ++calls; }));
        }
        time.advance(Millis(1000));
    }
    CHECK(calls == 0);
}

TEST_CASE("an alarm may cancel itself, and one that runs on another thread is waited for") {
    ManualTime time;
    SUBCASE("itself") {
        Deadline::Alarm alarm;
        int calls = 0;
        alarm = Deadline::in(Millis(10), time).when_expired([&] {
            ++calls;
            alarm.cancel();  // no deadlock: the timer does not wait for its own thread
        });
        time.advance(Millis(10));
        CHECK(calls == 1);
        CHECK(alarm.fired());
    }
    SUBCASE("another thread") {
        std::mutex mutex;
        std::condition_variable changed;
        bool started = false;
        std::atomic<bool> returned{false};
        Deadline::Alarm alarm = Deadline::in(Millis(10), time).when_expired([&] {
            std::unique_lock<std::mutex> lock(mutex);
            started = true;
            changed.notify_all();
            changed.wait_for(lock, Millis(200));  // long enough for the cancel below to begin
            returned = true;
        });
        std::thread mover([&time] { time.advance(Millis(10)); });
        {
            std::unique_lock<std::mutex> lock(mutex);
            REQUIRE(changed.wait_for(lock, std::chrono::seconds(10), [&] { return started; }));
        }
        alarm.cancel();  // the call is under way: this returns only once it has returned
        CHECK(returned);
        CHECK(alarm.fired());
        mover.join();
    }
}

// The steady clock: one thread of the process runs the alarms, woken by a cut (it does not poll).
namespace {

struct Rang {
    std::mutex mutex;
    std::condition_variable changed;
    int calls = 0;
    Clock::time_point at;

    std::function<void()> ring() {
        return [this] {
            const std::lock_guard<std::mutex> lock(mutex);
            ++calls;
            at = Clock::now();
            changed.notify_all();
        };
    }
    bool await(std::chrono::milliseconds within) {
        std::unique_lock<std::mutex> lock(mutex);
        return changed.wait_for(lock, within, [this] { return calls > 0; });
    }
};

}  // namespace

TEST_CASE("with the steady clock, the timer's thread runs an alarm once its deadline has passed") {
    Rang rang;
    const auto started = Clock::now();
    const Deadline::Alarm alarm = Deadline::in(Millis(100)).when_expired(rang.ring());
    REQUIRE(rang.await(std::chrono::seconds(10)));
    CHECK(alarm.fired());
    CHECK(rang.at - started >= Millis(100));
}

TEST_CASE("with the steady clock, a cut wakes the timer's thread: the alarm runs at the new time") {
    Rang rang;
    CancellableDeadline owner(Clock::now() + std::chrono::seconds(60));
    const Deadline::Alarm alarm = owner.deadline().when_expired(rang.ring());
    const Deadline::Alarm later = Deadline::in(std::chrono::seconds(60)).when_expired([] { FAIL("ran"); });
    const auto cut_at = Clock::now() + Millis(100);
    owner.cut_to(cut_at);
    REQUIRE(rang.await(std::chrono::seconds(10)));
    CHECK(rang.at >= cut_at);
    CHECK(rang.calls == 1);
    CHECK_FALSE(later.fired());
}

TEST_CASE("with the steady clock, a wait on a deadline that is cut ends at the new time") {
    CancellableDeadline owner(Clock::now() + std::chrono::seconds(60));
    std::mutex mutex;
    std::condition_variable wake;
    bool done = false;
    std::atomic<bool> returned{false};
    std::atomic<bool> result{true};
    std::thread waiter([&] {
        std::unique_lock<std::mutex> lock(mutex);
        result = owner.deadline().wait(lock, wake, [&] { return done; });
        returned = true;
        wake.notify_all();
    });
    const auto cut_at = Clock::now() + Millis(50);
    owner.cut_to(cut_at);
    {
        std::unique_lock<std::mutex> lock(mutex);
        CHECK(wake.wait_for(lock, std::chrono::seconds(10), [&] { return returned.load(); }));
        done = true;  // if it did not end, this ends it
    }
    wake.notify_all();
    waiter.join();
    CHECK_FALSE(result);
    CHECK(Clock::now() >= cut_at);
}
