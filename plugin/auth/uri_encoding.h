// Percent-encoding as the SDK-HMAC-SHA256 canonical forms need it (RFC 3986 unreserved set only).
#pragma once

#include <string>

namespace ccs::auth {

// Every byte outside A-Z a-z 0-9 - _ . ~ becomes %XX (upper-case hex).
std::string percent_encode_unreserved(const std::string& text);

// %XX escapes decoded; '+' becomes a space only when `plus_as_space` (query strings).
// Throws std::invalid_argument on a '%' not followed by two hex digits.
std::string percent_decode(const std::string& text, bool plus_as_space);

}  // namespace ccs::auth
