#include "emulator/emulator_server.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServerParams.h>

#include "emulator/connection.h"

namespace ccs::emu {

namespace {

constexpr int max_connections = 64;
constexpr int listen_backlog = 128;

Poco::Net::ServerSocket listening_socket(const ListenSettings& settings) {
    const Poco::Net::SocketAddress address(settings.host, static_cast<Poco::UInt16>(settings.port));
    if (!settings.certificate) return Poco::Net::ServerSocket(address, listen_backlog);
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, settings.certificate->key_file(),
                               settings.certificate->certificate_file(), "", Poco::Net::Context::VERIFY_NONE);
    return Poco::Net::SecureServerSocket(address, listen_backlog, context);
}

std::string url_for(const Poco::Net::SocketAddress& address, bool tls) {
    const std::string host = address.family() == Poco::Net::SocketAddress::IPv6
                                 ? "[" + address.host().toString() + "]"
                                 : address.host().toString();
    return std::string(tls ? "https://" : "http://") + host + ":" + std::to_string(address.port());
}

}  // namespace

EmulatorServer::EmulatorServer(const ListenSettings& settings, EmulatorState& state)
    : state_(state), pool_("emulator", 2, max_connections + 8) {
    const Poco::Net::ServerSocket socket = listening_socket(settings);
    base_url_ = url_for(socket.address(), settings.certificate != nullptr);
    Poco::Net::TCPServerParams::Ptr params = new Poco::Net::TCPServerParams;
    params->setMaxThreads(max_connections);
    params->setMaxQueued(listen_backlog);
    server_ = std::make_unique<Poco::Net::TCPServer>(new EmulatorConnectionFactory(state_, registry_), pool_,
                                                     socket, params);
    server_->start();
}

EmulatorServer::~EmulatorServer() {
    stop();
}

void EmulatorServer::stop() {
    if (stopped_) return;
    stopped_ = true;
    state_.shutdown.trigger();
    server_->stop();  // no new connections
    registry_.abort_all();
    pool_.joinAll();
}

}  // namespace ccs::emu
