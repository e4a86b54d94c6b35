// Small string helpers for input handling and for messages that quote what the user gave.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ccs::inputs {

// `value` in double quotes, safe to print anywhere: every byte outside printable ASCII is shown as
// \n, \r, \t or \xNN (so a non-UTF-8 byte, an escape sequence or a bidi control cannot reach a
// terminal or a CI annotation raw), '"' and '\' are escaped, and a value longer than `max_shown`
// bytes is cut and followed by its length: "aaaa..." (5000 bytes).
std::string quoted(std::string_view value, std::size_t max_shown = 64);

// The same escaping without quotes or cutting, for short names such as an unknown option.
std::string escaped(std::string_view value);

// `value` without leading and trailing spaces, tabs, CR and LF (as GitHub's getInput does).
std::string trimmed(std::string_view value);

// True for bytes below 0x20 and for DEL.
bool is_control(char c);

}  // namespace ccs::inputs
