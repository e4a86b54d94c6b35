// The run's mode and the inputs only some modes have: the watched command, GitLab's job status
// filter, the GitHub guard's saved state.
#pragma once

#include <string>
#include <vector>

#include "inputs/config.h"
#include "inputs/raw_inputs.h"

namespace ccs::inputs {

// A subcommand (watch, post) wins; otherwise --mode: stop (the default) or guard.
Mode parse_mode(const RawInputs& raw);

// --stop-on: a list (commas or spaces) of success, failed, canceled, timedout.
std::vector<std::string> parse_stop_on(const GivenValue& given);

// What each mode needs beyond the common options: the watched command and how long it may run;
// $GITHUB_STATE for guard; the saved state for post (inputs/guard_state.h). Throws InvalidInput.
void apply_mode_inputs(const RawInputs& raw, const Environment& env, Config& config);

}  // namespace ccs::inputs
