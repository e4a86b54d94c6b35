// Numbers, durations and booleans. Each parser throws InvalidInput naming given.origin.
#pragma once

#include <chrono>

#include "inputs/raw_inputs.h"

namespace ccs::inputs {

// A whole number in [min, max]: "8". No sign, no separators, no spaces.
int parse_whole_number(const GivenValue& given, int min, int max);

// Plain seconds "45", or a number with a unit: "45s", "2m", "1h", "500ms". More than 0, at most `max`.
std::chrono::milliseconds parse_duration(const GivenValue& given, std::chrono::milliseconds max);

// What GitHub's getBooleanInput accepts: true, True, TRUE, false, False, FALSE.
bool parse_boolean(const GivenValue& given);

}  // namespace ccs::inputs
