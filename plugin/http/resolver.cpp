#include "http/resolver.h"

#include <Poco/Exception.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/Net/NetException.h>
#include <Poco/String.h>

#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "core/threads.h"

namespace ccs::http {
namespace {

// What the lookup thread hands back. Shared, so a caller that stopped waiting can go away first.
struct PendingLookup {
    std::mutex mutex;
    std::condition_variable done;
    std::optional<Poco::Net::SocketAddress> address;
    std::exception_ptr error;
    bool finished = false;
};

bool is_invalid_tld(std::string host) {
    if (!host.empty() && host.back() == '.') host.pop_back();
    const std::string suffix = ".invalid";
    return Poco::icompare(host, "invalid") == 0 ||
           (host.size() > suffix.size() &&
            Poco::icompare(host.substr(host.size() - suffix.size()), suffix) == 0);
}

}  // namespace

Poco::Net::SocketAddress system_lookup(const std::string& host, std::uint16_t port) {
    return Poco::Net::SocketAddress(host, port);
}

Poco::Net::SocketAddress resolve(const std::string& host, std::uint16_t port, const Deadline& deadline,
                                 const Lookup& lookup) {
    Poco::Net::IPAddress literal;
    if (Poco::Net::IPAddress::tryParse(host, literal)) return Poco::Net::SocketAddress(literal, port);
    if (is_invalid_tld(host)) {
        throw Poco::Net::HostNotFoundException(host + " (names under .invalid never resolve)");
    }

    auto pending = std::make_shared<PendingLookup>();
    const auto look_up = [pending, lookup, host, port] {
        std::optional<Poco::Net::SocketAddress> address;
        std::exception_ptr error;
        try {
            address = lookup(host, port);
        } catch (...) {
            error = std::current_exception();
        }
        const std::lock_guard<std::mutex> lock(pending->mutex);
        pending->address = std::move(address);
        pending->error = error;
        pending->finished = true;
        pending->done.notify_all();
    };
    std::thread thread;
    if (!try_start_thread(thread, look_up)) {
        look_up();  // no thread to be had: the system resolver's own timeouts bound it
    } else {
        thread.detach();
    }

    std::unique_lock<std::mutex> lock(pending->mutex);
    if (!deadline.wait(lock, pending->done, [&pending] { return pending->finished; }))
        throw Poco::TimeoutException("resolving " + host + " took longer than the time left");
    if (pending->error) std::rethrow_exception(pending->error);
    return *pending->address;
}

}  // namespace ccs::http
