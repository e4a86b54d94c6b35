// The emulated IAM (tokens for passwords, federation with OIDC id tokens, temporary keys, the project
// list) and the fake GitHub Actions id-token service, answered as those services answer.
#pragma once

#include "emulator/answer.h"
#include "emulator/api_call.h"
#include "emulator/emulator_state.h"
#include "emulator/received_request.h"

namespace ccs::emu {

// Whether the call is one of IAM's or the GitHub id-token service's.
bool is_credentials_call(CallKind kind);

// Answers one such call, issuing (and recording in state.iam) what it hands out.
Answer answer_credentials_call(const ApiCall& call, const ReceivedRequest& request, EmulatorState& state);

}  // namespace ccs::emu
