// Random identifiers shaped like the service's: 32 lower-case hex characters.
#pragma once

#include <string>

namespace ccs::emu {

// 128 random bits as 32 lower-case hex characters (request ids, task ids, execution ids).
std::string random_hex_id();

}  // namespace ccs::emu
