// One client connection: reads requests one after the other (keep-alive) and serves each.
#pragma once

#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include "emulator/connection_registry.h"
#include "emulator/emulator_state.h"

namespace ccs::emu {

class EmulatorConnection : public Poco::Net::TCPServerConnection {
public:
    EmulatorConnection(const Poco::Net::StreamSocket& socket, EmulatorState& state,
                       ConnectionRegistry& registry);
    void run() override;

private:
    void serve_requests();
    void answer_malformed(const std::string& why);

    EmulatorState& state_;
    ConnectionRegistry& registry_;
};

class EmulatorConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
public:
    EmulatorConnectionFactory(EmulatorState& state, ConnectionRegistry& registry)
        : state_(state), registry_(registry) {}
    Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override;

private:
    EmulatorState& state_;
    ConnectionRegistry& registry_;
};

}  // namespace ccs::emu
