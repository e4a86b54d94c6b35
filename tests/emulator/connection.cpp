#include "emulator/connection.h"

#include <atomic>

#include "emulator/admin_routes.h"
#include "emulator/exchange.h"
#include "emulator/faults.h"
#include "emulator/http_wire.h"
#include "emulator/ids.h"
#include "emulator/stderr_log.h"

namespace ccs::emu {

namespace {

// How long an idle keep-alive connection may hold one of the emulator's threads.
constexpr std::chrono::milliseconds keep_alive_idle{15000};
// A client that stops reading cannot block a thread longer than this per write.
const Poco::Timespan send_timeout(30, 0);

}  // namespace

EmulatorConnection::EmulatorConnection(const Poco::Net::StreamSocket& socket, EmulatorState& state,
                                       ConnectionRegistry& registry)
    : Poco::Net::TCPServerConnection(socket), state_(state), registry_(registry) {}

void EmulatorConnection::run() {
    const ConnectionRegistry::Registration registration(registry_, socket().impl()->sockfd());
    if (const auto applied = state_.rules.take_on_accept()) {
        // Before reading anything, so before the TLS handshake too: the client's connect "succeeds",
        // then its first read or write meets the reset, or a handshake that trickles forever.
        log_line(std::string("connection ") + to_string(*applied->rule.fault) + " [rule " +
                 std::to_string(applied->index) + "]");
        if (applied->rule.fault == Fault::DripOnAccept) {
            drip_raw(socket(), std::chrono::milliseconds(applied->rule.drip_ms), state_.shutdown);
        } else {
            reset_connection(socket());
        }
        return;
    }
    try {
        serve_requests();
    } catch (const WireError& error) {
        answer_malformed(error.what());
    } catch (const Poco::Exception& error) {
        // Clients that reset, distrust the certificate or time out end up here; worth a line when a
        // test wonders why its request never arrived.
        if (!state_.shutdown.triggered()) log_line("connection ended: " + error.displayText());
    } catch (const std::exception& error) {
        log_line(std::string("connection failed: ") + error.what());
    }
}

void EmulatorConnection::serve_requests() {
    socket().setNoDelay(true);  // drip sends single bytes; they must leave one by one
    socket().setSendTimeout(send_timeout);
    WireReader reader(socket());
    // Numbered so tests can see which requests shared a connection (keep-alive reuse).
    static std::atomic<long> connections_served{0};
    const long connection = ++connections_served;
    while (!state_.shutdown.triggered()) {
        auto request = reader.next(keep_alive_idle);
        if (!request) return;
        request->connection = connection;
        const AfterExchange after = is_admin_path(request->path)
                                        ? serve_admin_request(*request, socket(), state_)
                                        : serve_api_request(*request, socket(), state_);
        if (after == AfterExchange::Close) return;
    }
}

void EmulatorConnection::answer_malformed(const std::string& why) {
    log_line("malformed request: " + why);
    try {
        send_all(socket(), format_answer(error_answer(400, "APIGW.0201", "Request format error: " + why),
                                         random_hex_id(), true));
    } catch (const Poco::Exception&) {
        // the client is gone already
    }
}

Poco::Net::TCPServerConnection* EmulatorConnectionFactory::createConnection(
    const Poco::Net::StreamSocket& socket) {
    return new EmulatorConnection(socket, state_, registry_);
}

}  // namespace ccs::emu
