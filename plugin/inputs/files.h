// Files named by inputs.
#pragma once

#include <string>

#include "inputs/raw_inputs.h"

namespace ccs::inputs {

// The path, when it names an existing regular file this process can read. Throws InvalidInput
// naming given.origin and the path otherwise.
std::string checked_readable_file(const GivenValue& given);

// A readable file that holds at least one PEM certificate: trust is read lazily, when a handshake
// needs it, so a file that trusts nothing is caught here rather than as an "untrusted server" later.
std::string checked_certificate_file(const GivenValue& given);

}  // namespace ccs::inputs
