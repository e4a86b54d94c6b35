// Broken exchanges on purpose: what a flaky network, gateway or server does to a client.
#pragma once

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <functional>
#include <string>

#include "emulator/answer.h"
#include "emulator/received_request.h"
#include "emulator/scenario.h"
#include "emulator/shutdown_signal.h"

namespace ccs::emu {

struct FaultContext {
    Poco::Net::StreamSocket& socket;
    const ReceivedRequest& request;
    const std::string& request_id;
    const ShutdownSignal& shutdown;
    // The emulated service's normal answer (it changes task state): truncate and drip deliver it badly;
    // the other faults never ask for it, as if the request was lost on the way.
    std::function<Answer()> normal_answer;
    // Called with the status code just before a status line goes out, so the request log is final
    // by the time the client can react to what it received.
    std::function<void(int status)> before_send;
};

// Carries out `rule.fault` on the connection, which is finished afterwards. Returns the status code of
// the status line sent, 0 when none was sent. Every fault ends by the shutdown at the latest.
int perform_fault(const Rule& rule, FaultContext& context);

// Sends the start of a TLS record and then one byte per `interval`, below any TLS layer, until the
// client leaves or the emulator stops: a handshake that never completes and never goes quiet.
void drip_raw(Poco::Net::StreamSocket& socket, std::chrono::milliseconds interval,
              const ShutdownSignal& shutdown);

// Resets the connection (RST, not FIN; also over TLS, before any TLS alert).
void reset_connection(Poco::Net::StreamSocket& socket);

}  // namespace ccs::emu
