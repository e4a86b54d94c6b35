// The X-Sdk-Date value: UTC time as YYYYMMDDTHHMMSSZ, e.g. 20261128T052504Z. The signer signs it, the
// gateway compares it with its own clock.
#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace ccs::auth {

std::string format_sdk_date(std::chrono::system_clock::time_point time);

// The current UTC time as an X-Sdk-Date value: the default clock of AkSkAuthorizer.
std::string current_sdk_date();

// Strict: exactly 16 characters in the format above, naming a real date and time; nullopt otherwise.
std::optional<std::chrono::system_clock::time_point> parse_sdk_date(const std::string& text);

}  // namespace ccs::auth
