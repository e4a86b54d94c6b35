// Files named by inputs.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

#include "inputs/raw_inputs.h"

namespace ccs::inputs {

// The path, when it names an existing regular file this process can read. Throws InvalidInput
// naming given.origin and the path otherwise.
std::string checked_readable_file(const GivenValue& given);

// Files read while the inputs are checked come before the run's deadline exists: they get this long.
constexpr std::chrono::milliseconds input_file_wait{5000};

// The content of the file `given` names, at most `max_bytes` (its size is checked before it is read)
// and within input_file_wait. Throws InvalidInput naming given.origin and the path otherwise.
std::string read_input_file(const GivenValue& given, std::size_t max_bytes);

// A readable file that holds at least one PEM certificate: trust is read lazily, when a handshake
// needs it, so a file that trusts nothing is caught here rather than as an "untrusted server" later.
std::string checked_certificate_file(const GivenValue& given);

}  // namespace ccs::inputs
