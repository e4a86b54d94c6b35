// Files named by inputs.
#pragma once

#include <string>

#include "inputs/raw_inputs.h"

namespace ccs::inputs {

// The path, when it names an existing regular file this process can read. Throws InvalidInput
// naming given.origin and the path otherwise.
std::string checked_readable_file(const GivenValue& given);

}  // namespace ccs::inputs
