// The process environment as the program passes it down: a map read once in main, looked up by name
// everywhere else (nothing below main calls getenv).
#pragma once

#include <map>
#include <string>

namespace ccs {

using Environment = std::map<std::string, std::string>;

// The map of "NAME=value" entries such as `environ` (a NULL-terminated array; entries without '='
// are left out; the first of two entries with the same name is kept).
Environment environment_from(const char* const* entries);

// The value of `name`, or `fallback` when it is unset.
std::string variable(const Environment& env, const std::string& name, const std::string& fallback = "");

}  // namespace ccs
