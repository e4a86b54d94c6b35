// A forward proxy of the kind CI networks put in HTTPS_PROXY, for tests: it takes
// "CONNECT host:port", connects there (loopback only) and relays bytes both ways. It remembers each
// CONNECT it was asked for, with its Proxy-Authorization header.
#pragma once

#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ccs::test {

struct ProxiedConnect {
    std::string target;               // "127.0.0.1:43123"
    std::string proxy_authorization;  // the header's value, "" when absent
};

class ConnectProxy {
public:
    // Listens on 127.0.0.1, a free port. With `drip`, its answer to CONNECT goes out one byte per
    // `drip` (and the tunnel is never opened): a proxy no socket timeout catches.
    explicit ConnectProxy(std::chrono::milliseconds drip = std::chrono::milliseconds(0));
    // Misbehaves for the first `times` CONNECTs only, then tunnels: with `drip` as above, or, when
    // `drip` is 0, by never answering (the connection is held until the client leaves).
    ConnectProxy(std::chrono::milliseconds drip, int times);
    ~ConnectProxy();
    ConnectProxy(const ConnectProxy&) = delete;
    ConnectProxy& operator=(const ConnectProxy&) = delete;

    int port() const { return port_; }
    std::vector<ProxiedConnect> connects() const;

private:
    void serve();  // the accept loop; one connection at a time is all the tests need

    void drip_answer(Poco::Net::StreamSocket& client);
    void stay_silent(Poco::Net::StreamSocket& client);
    bool misbehaves();  // this CONNECT gets the fault

    std::chrono::milliseconds drip_;
    int times_ = -1;  // CONNECTs left to misbehave on; -1: all
    Poco::Net::ServerSocket listener_;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    mutable std::mutex mutex_;
    std::vector<ProxiedConnect> connects_;
    std::thread thread_;
};

}  // namespace ccs::test
