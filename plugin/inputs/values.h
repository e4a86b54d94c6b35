// One value the user gave, whatever the option: quoting it safely in messages, trimming it, reading
// it from the environment, and the checks many options share (numbers, durations, booleans, paths,
// files). Each check throws InvalidInput naming given.origin; the checks of one area (task ids,
// endpoints, credentials) live with that area.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/environment.h"
#include "core/strings.h"
#include "inputs/options.h"

namespace ccs::inputs {

// ---- Text ----

// `value` in double quotes, safe to print anywhere: every byte outside printable ASCII is shown as
// \n, \r, \t or \xNN (so a non-UTF-8 byte, an escape sequence or a bidi control cannot reach a
// terminal or a CI annotation raw), '"' and '\' are escaped, and a value longer than `max_shown`
// bytes is cut and followed by its length: "aaaa..." (5000 bytes).
std::string quoted(std::string_view value, std::size_t max_shown = 64);

// The same escaping without quotes or cutting, for short names such as an unknown option.
std::string escaped(std::string_view value);

using ccs::trimmed;  // core/strings.h: without leading and trailing spaces, tabs, CR and LF, as getInput

// True for bytes below 0x20 and for DEL.
bool is_control(char c);

// ---- The environment ----

// The variable's value trimmed; "" when it is unset or blank (which counts as not given).
std::string trimmed_variable(const Environment& env, const std::string& name);

// ---- Numbers, durations and booleans ----

// A whole number in [min, max]: "8". No sign, no separators, no spaces.
int parse_whole_number(const GivenValue& given, int min, int max);

// Plain seconds "45", or a number with a unit: "45s", "2m", "1h", "500ms". More than 0, at most `max`.
std::chrono::milliseconds parse_duration(const GivenValue& given, std::chrono::milliseconds max);

// What GitHub's getBooleanInput accepts: true, True, TRUE, false, False, FALSE.
bool parse_boolean(const GivenValue& given);

// ---- Paths and files ----

// A path given for a file the program reads or writes later: refuses control characters (a NUL would
// cut it short in the system call).
std::string checked_path(const GivenValue& given);

// The path, when it names an existing regular file this process can read.
std::string checked_readable_file(const GivenValue& given);

// The content of the file `given` names, at most `max_bytes` (its size is checked before it is read)
// and within a few seconds (the run's deadline does not exist yet).
std::string read_input_file(const GivenValue& given, std::size_t max_bytes);

// A readable file that holds at least one PEM certificate: trust is read lazily, when a handshake
// needs it, so a file that trusts nothing is caught here rather than as an "untrusted server" later.
std::string checked_certificate_file(const GivenValue& given);

}  // namespace ccs::inputs
