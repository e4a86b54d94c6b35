#include <doctest/doctest.h>

#include <memory>

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "http/resolver.h"

using ccs::Deadline;
using ccs::http::resolve;
using Millis = std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

namespace {

// A lookup that must not be called.
Poco::Net::SocketAddress no_lookup(const std::string& host, std::uint16_t) {
    FAIL("looked up " << host);
    return {};
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
    // Shared, not on this test's stack: the abandoned lookup outlives the test case and still reads it.
    const auto release = std::make_shared<std::atomic<bool>>(false);
    const auto slow = [release](const std::string&, std::uint16_t port) {
        for (int i = 0; i < 400 && !*release; ++i) std::this_thread::sleep_for(Millis(5));  // at most 2 s
        return Poco::Net::SocketAddress("10.0.0.1", port);
    };
    const auto started = Clock::now();
    CHECK_THROWS_AS(resolve("slow.example", 443, Deadline::in(Millis(200)), slow), Poco::TimeoutException);
    const auto waited = Clock::now() - started;
    CHECK(waited >= Millis(190));
    CHECK(waited < Millis(1000));
    *release = true;  // let the abandoned lookup end soon
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
