// Whether an API request may proceed. This is the one place that decides; AK/SK signature checks
// (X-Sdk-Date + Authorization: SDK-HMAC-SHA256 ...) slot in here later, next to the token check.
#pragma once

#include <optional>

#include "emulator/answer.h"
#include "emulator/received_request.h"
#include "emulator/token_book.h"

namespace ccs::emu {

// nullopt: authenticated. Otherwise the service's 401 answer for this request.
std::optional<Answer> authenticate(const ReceivedRequest& request, const Credentials& credentials);

}  // namespace ccs::emu
