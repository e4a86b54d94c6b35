// The three cryptographic primitives AK/SK signing needs, in one place so that nothing else in the
// module touches a crypto API directly.
#pragma once

#include <string>

namespace ccs::auth {

// Lower-case hex SHA-256 of `data` (64 characters).
std::string sha256_hex(const std::string& data);

// Lower-case hex HMAC-SHA256 of `data` keyed with the bytes of `key`.
std::string hmac_sha256_hex(const std::string& key, const std::string& data);

}  // namespace ccs::auth
