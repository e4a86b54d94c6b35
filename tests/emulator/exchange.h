// One API request from arrival to answer: logged, delayed by the latency, matched against the rules,
// then answered (canned or normally) or broken by a fault.
#pragma once

#include <Poco/Net/StreamSocket.h>

#include "emulator/emulator_state.h"
#include "emulator/received_request.h"

namespace ccs::emu {

enum class AfterExchange { KeepOpen, Close };

AfterExchange serve_api_request(const ReceivedRequest& request, Poco::Net::StreamSocket& socket,
                                EmulatorState& state);

// Admin requests skip the log, the latency and the rules.
AfterExchange serve_admin_request(const ReceivedRequest& request, Poco::Net::StreamSocket& socket,
                                  EmulatorState& state);

}  // namespace ccs::emu
