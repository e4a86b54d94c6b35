// Reads argv with Poco's OptionProcessor, built from the option table. Only the exact long names
// are accepted: Poco would also take unambiguous prefixes ("--time") and any letter case, but a
// prefix that works today breaks or changes meaning when a later option shares it ("--token" vs
// "--token-file"), so a pipeline is better off failing now with "unknown option".
#pragma once

#include <map>
#include <string>
#include <vector>

#include <Poco/Util/Option.h>

#include "inputs/config.h"
#include "inputs/option_table.h"

namespace ccs::inputs {

// The words a command line may start with, before any option.
inline constexpr const char* watch_subcommand = "watch";  // watch [options] -- COMMAND [ARGS...]
inline constexpr const char* post_subcommand = "post";    // the GitHub guard's post run, by name

struct CommandLine {
    Request request = Request::Run;
    std::string subcommand;            // "watch", "post", or empty
    std::vector<std::string> command;  // watch: everything after "--"
    // Values by option name, in the order given; a flag that was given holds "true".
    std::map<std::string, std::vector<std::string>> values;
};

// Help and version win over any other problem on the command line; otherwise the first problem
// is thrown as InvalidInput. `args` excludes argv[0].
CommandLine read_command_line(const std::vector<std::string>& args);

// One table row as a Poco option (for the processor and the help formatter).
Poco::Util::Option poco_option(const OptionSpec& spec);

}  // namespace ccs::inputs
