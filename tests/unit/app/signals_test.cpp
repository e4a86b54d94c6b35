// Signals as events: received on the watcher's thread, kept until a mode takes them, and the previous
// handlers back afterwards.
#include <doctest/doctest.h>

#include <signal.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

#include "app/signals.h"

using ccs::app::SignalRoute;
using ccs::app::SignalWatcher;

namespace {

bool eventually(const std::function<bool()>& condition) {
    for (int i = 0; i < 250; ++i) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return condition();
}

}  // namespace

TEST_CASE("a signal reaches the handler on another thread; one that came earlier is kept for it") {
    SignalWatcher watcher;
    REQUIRE(::raise(SIGHUP) == 0);  // before any handler: kept, and the process lives on
    std::atomic<int> last{0};
    std::atomic<int> count{0};
    std::atomic<bool> other_thread{false};
    const auto test_thread = std::this_thread::get_id();
    {
        const SignalRoute route(watcher, [&](int signal) {
            last = signal;
            ++count;
            other_thread = std::this_thread::get_id() != test_thread;
        });
        CHECK(eventually([&] { return count == 1; }));
        CHECK(last == SIGHUP);
        REQUIRE(::raise(SIGTERM) == 0);
        REQUIRE(::raise(SIGINT) == 0);
        CHECK(eventually([&] { return count == 3; }));
        CHECK(other_thread);
    }
    // Route gone: kept again, not lost and not delivered to a handler that no longer exists.
    REQUIRE(::raise(SIGTERM) == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(count == 3);
}

TEST_CASE("the previous handlers are back once the watcher is gone") {
    struct sigaction before {};
    ::sigaction(SIGTERM, nullptr, &before);
    { SignalWatcher watcher; }
    struct sigaction after {};
    ::sigaction(SIGTERM, nullptr, &after);
    CHECK((after.sa_handler == before.sa_handler));
}
