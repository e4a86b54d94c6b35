// The listening side: a Poco TCPServer (plain or TLS) whose connections speak the emulator's HTTP.
#pragma once

#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

#include <memory>
#include <string>

#include "emulator/connection_registry.h"
#include "emulator/emulator_state.h"
#include "emulator/loopback_certificate.h"

namespace ccs::emu {

struct ListenSettings {
    std::string host = "127.0.0.1";
    int port = 0;                                      // 0: the system picks a free one
    const LoopbackCertificate* certificate = nullptr;  // serve HTTPS with it; nullptr: plain HTTP
};

class EmulatorServer {
public:
    // Listens and starts accepting at once. Throws Poco::Exception when it cannot listen.
    EmulatorServer(const ListenSettings& settings, EmulatorState& state);
    ~EmulatorServer();
    EmulatorServer(const EmulatorServer&) = delete;
    EmulatorServer& operator=(const EmulatorServer&) = delete;

    // "https://127.0.0.1:43123", "http://[::1]:8080": the base URL clients use.
    const std::string& base_url() const { return base_url_; }

    // Triggers the shutdown signal, stops accepting, cuts every open connection and waits for the
    // connection threads. Bounded: every handler honours the shutdown signal.
    void stop();

private:
    EmulatorState& state_;
    ConnectionRegistry registry_;
    // Big enough that hanging and dripping connections never starve the others (and the admin calls).
    Poco::ThreadPool pool_;
    std::unique_ptr<Poco::Net::TCPServer> server_;
    std::string base_url_;
    bool stopped_ = false;
};

}  // namespace ccs::emu
