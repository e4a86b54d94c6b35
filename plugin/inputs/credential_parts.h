// Building each credential kind from its inputs, with every value checked. The builders throw
// InvalidInput naming the input as given, and the missing ones with every way to give them; a secret
// is never quoted.
#pragma once

#include "inputs/config.h"
#include "inputs/credential_kinds.h"
#include "inputs/raw_inputs.h"

namespace ccs::inputs {

TokenCredential token_credential(const RawInputs& raw);
AkSkCredential aksk_credential(const RawInputs& raw);
PasswordCredential password_credential(const RawInputs& raw);
// The GitHub id-token service is found in `env` (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN).
OidcCredential oidc_credential(const RawInputs& raw, const Environment& env);

// The project id, when given: [A-Za-z0-9_-], at most 64 characters. Empty when not given.
std::string given_project_id(const RawInputs& raw);

// A secret that goes into a header or a JSON body: one line of printable characters. Returns it.
std::string checked_secret(const GivenValue& given, const std::string& what);

}  // namespace ccs::inputs
