// Whether a request may proceed: the one place that decides, as the API gateway does before the
// service sees the request.
//
// An X-Auth-Token must be an accepted token (or, with none configured, any token not expired).
// Otherwise the request must be signed with AK/SK (Authorization: SDK-HMAC-SHA256 ...): the signature
// is recomputed over the headers the request says it signed (signature_verifier.h), X-Sdk-Date must
// be within 15 minutes of the gateway's clock, a temporary key must come with its own security token
// (sent and signed as X-Security-Token), a permanent key with none, and for the service's API calls
// X-Project-Id must name the key's project.
#pragma once

#include <optional>

#include "emulator/answer.h"
#include "emulator/iam_book.h"
#include "emulator/received_request.h"
#include "emulator/token_book.h"

namespace ccs::emu {

// What the call needs beyond valid credentials.
enum class Scope {
    Project,  // the service's API: a signed request names its key's project in X-Project-Id
    Global,   // IAM's own project list: no project to name
};

// nullopt: authenticated. Otherwise the gateway's 401 (or 400) answer for this request.
std::optional<Answer> authenticate(const ReceivedRequest& request, const Credentials& tokens,
                                   const IamBook& iam, Scope scope = Scope::Project);

}  // namespace ccs::emu
