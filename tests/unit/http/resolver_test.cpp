#include <doctest/doctest.h>

#include <memory>

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "http/resolver.h"
#include "manual_time.h"

using ccs::Deadline;
using ccs::http::resolve;
using ccs::testing::ManualTime;
using Millis = std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

namespace {

// A lookup that must not be called.
Poco::Net::SocketAddress no_lookup(const std::string& host, std::uint16_t) {
    FAIL("looked up " << host);
    return {};
}

// A lookup that answers when released, or after 2 s. Shared, not on a test's stack: an abandoned
// lookup outlives the test case and still uses it.
struct SlowLookup {
    std::mutex mutex;
    std::condition_variable changed;
    bool released = false;

    void release() {
        {
            const std::lock_guard<std::mutex> lock(mutex);
            released = true;
        }
        changed.notify_all();
    }
};

ccs::http::Lookup slow_lookup(const std::shared_ptr<SlowLookup>& slow) {
    return [slow](const std::string&, std::uint16_t port) {
        std::unique_lock<std::mutex> lock(slow->mutex);
        slow->changed.wait_for(lock, std::chrono::seconds(2), [&slow] { return slow->released; });
        return Poco::Net::SocketAddress("10.0.0.1", port);
    };
}

}  // namespace

TEST_CASE("an IP address is used as it is, without a lookup") {
    const Deadline far = Deadline::in(Millis(5000));
    CHECK(resolve("127.0.0.1", 8443, far, no_lookup).toString() == "127.0.0.1:8443");
    CHECK(resolve("::1", 443, far, no_lookup).toString() == "[::1]:443");
}

TEST_CASE("names under .invalid fail at once, without a lookup (RFC 6761)") {
    const Deadline far = Deadline::in(Millis(5000));
    for (const char* name : {"codearts-check.invalid", "x.INVALID.", "invalid"}) {
        CAPTURE(name);
        CHECK_THROWS_AS(resolve(name, 443, far, no_lookup), Poco::Net::HostNotFoundException);
    }
}

TEST_CASE("a lookup slower than the deadline is abandoned when the deadline passes") {
    const auto slow = std::make_shared<SlowLookup>();
    const auto started = Clock::now();
    CHECK_THROWS_AS(resolve("slow.example", 443, Deadline::in(Millis(200)), slow_lookup(slow)),
                    Poco::TimeoutException);
    const auto waited = Clock::now() - started;
    CHECK(waited >= Millis(190));
    CHECK(waited < Millis(1000));
    slow->release();  // let the abandoned lookup end soon
}

TEST_CASE("a lookup is abandoned when a signal cuts the deadline, not at the time it had before") {
    ManualTime time;
    ccs::CancellableDeadline owner(time.now() + std::chrono::seconds(60), time);
    const auto slow = std::make_shared<SlowLookup>();
    bool timed_out = false;
    std::thread caller([&] {
        try {
            resolve("slow.example", 443, owner.deadline(), slow_lookup(slow));
        } catch (const Poco::TimeoutException&) {
            timed_out = true;
        }
    });
    REQUIRE(time.await_waits(1));  // the caller waits for the lookup
    owner.cut_to(time.now() + Millis(100));
    time.advance(Millis(100));
    caller.join();
    CHECK(timed_out);
    slow->release();
}

TEST_CASE("a lookup's answer and its failure come back to the caller") {
    const Deadline far = Deadline::in(Millis(5000));
    const auto answer = [](const std::string&, std::uint16_t port) {
        return Poco::Net::SocketAddress("192.0.2.7", port);
    };
    CHECK(resolve("service.example", 443, far, answer).toString() == "192.0.2.7:443");
    const auto failing = [](const std::string& host, std::uint16_t) -> Poco::Net::SocketAddress {
        throw Poco::Net::HostNotFoundException(host);
    };
    CHECK_THROWS_AS(resolve("nowhere.example", 443, far, failing), Poco::Net::HostNotFoundException);
}
