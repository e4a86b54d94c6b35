// Which credentials the run uses. One function decides, so the other kinds (AK/SK, temporary
// AK/SK, password, OIDC) each add a branch here and nowhere else.
#pragma once

#include "inputs/config.h"
#include "inputs/raw_inputs.h"

namespace ccs::inputs {

// Sets config.token and config.credential_origin. Throws InvalidInput when no credential is given
// or when one is malformed; the message names the input and never contains the secret.
void choose_credentials(const RawInputs& raw, Config& config);

// An IAM token goes into the X-Auth-Token header: a CR, LF or other control character would let it
// add headers of its own. Throws InvalidInput naming given.origin, without the token.
std::string checked_token(const GivenValue& given);

}  // namespace ccs::inputs
