// The emulated service's own behaviour for each API call, when no rule overrides it.
#pragma once

#include "emulator/answer.h"
#include "emulator/api_call.h"
#include "emulator/emulator_state.h"
#include "emulator/received_request.h"

namespace ccs::emu {

// Authenticates, then answers as the service would, changing task state where the call does.
Answer answer_api_call(const ApiCall& call, const ReceivedRequest& request, EmulatorState& state);

}  // namespace ccs::emu
