// The whole program as a function of its inputs: arguments, environment, and where to write.
// main() only hands it the real ones; tests hand it anything.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "inputs/config.h"

namespace ccs::app {

// What argv[0] is called in the GitHub action's image for the post run (a symlink to the program):
// running under this name is the same as the `post` subcommand.
inline constexpr const char* post_program_name = "codearts-check-stop-post";

// `argv0` as main got it; `args` excludes it. `err_columns`: the width of the terminal `err` writes
// to, as main found it; 0 when it is not a terminal. Returns the exit code.
int run(const std::string& argv0, const std::vector<std::string>& args, const inputs::Environment& env,
        std::ostream& out, std::ostream& err, int err_columns = 0);

// The same, run as "codearts-check-stop".
int run(const std::vector<std::string>& args, const inputs::Environment& env, std::ostream& out,
        std::ostream& err);

}  // namespace ccs::app
