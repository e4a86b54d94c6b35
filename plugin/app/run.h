// The whole program as a function of its inputs: arguments, environment, and where to write.
// main() only hands it the real ones; tests hand it anything.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "inputs/config.h"

namespace ccs::app {

// `args` excludes argv[0]. Returns the exit code.
int run(const std::vector<std::string>& args, const inputs::Environment& env, std::ostream& out, std::ostream& err);

}  // namespace ccs::app
