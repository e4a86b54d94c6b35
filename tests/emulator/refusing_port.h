// A port on loopback where a connection is refused: a TCP socket bound to it but never listening, so
// the kernel answers a connect with a reset (ECONNREFUSED), and no other process can take the port
// while the emulator runs. It stands for an endpoint that is down, next to the one that works (the
// client's failover to a region's second endpoint).
#pragma once

#include <string>

namespace ccs::emu {

class RefusingPort {
public:
    // Binds `host` (an IPv4 address) on a free port. Throws std::runtime_error when it cannot.
    explicit RefusingPort(const std::string& host);
    ~RefusingPort();
    RefusingPort(const RefusingPort&) = delete;
    RefusingPort& operator=(const RefusingPort&) = delete;

    int port() const { return port_; }

private:
    int fd_ = -1;
    int port_ = 0;
};

}  // namespace ccs::emu
