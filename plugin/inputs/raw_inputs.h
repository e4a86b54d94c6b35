// Every option's value as the user gave it, taken from its highest-precedence source:
// command line > GitHub input (INPUT_TASK-ID) > CODEARTS_CHECK_TASK_ID > the SDKs' variables >
// huaweicloud/auth-action's (option_table.h). An option with a former name (--token for --iam-token)
// is read under both at each source; the two giving different values there is an error.
// Values are trimmed as GitHub's getInput trims them; an empty value counts as not given, so a
// declared-but-empty action input falls through to the environment.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "inputs/config.h"
#include "inputs/option_table.h"

namespace ccs::inputs {

struct GivenValue {
    std::string origin;  // as the user gave it: "--task-id", "INPUT_TASK-ID", "CODEARTS_CHECK_TASK_ID"
    std::vector<std::string> values;      // trimmed, not empty; more than one only for a repeated option
    Source source = Source::CommandLine;  // which kind of source `origin` is

    const std::string& value() const { return values.front(); }
};

class RawInputs {
public:
    Request request = Request::Run;
    std::string subcommand;            // "watch", "post" or empty (see command_line.h)
    std::vector<std::string> command;  // watch: the command to run

    // The option's value from its winning source; nullptr when no source gives it.
    const GivenValue* find(const std::string& name) const;
    void set(const std::string& name, GivenValue given);

private:
    std::map<std::string, GivenValue> given_;
};

// Reads the command line and the environment. Throws InvalidInput for a bad command line and for
// a value over its size limit; help and version are returned without looking further.
RawInputs gather_inputs(const std::vector<std::string>& args, const Environment& env);

}  // namespace ccs::inputs
