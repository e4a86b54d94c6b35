// SDK-HMAC-SHA256 request signing, the algorithm every Huawei Cloud SDK uses for AK/SK credentials and
// the API gateway verifies (see shared/reference/aksk-signing.md). Pure functions over an HttpRequest as
// it goes on the wire, so the client's signer and the emulator's verifier (tests/emulator/
// signature_verifier.h, which also reads the Authorization header back) share one implementation.
#pragma once

#include <string>
#include <vector>

#include "core/http_message.h"

namespace ccs::auth {

inline constexpr char kSdkSigningAlgorithm[] = "SDK-HMAC-SHA256";

// "/v2/tasks/ID/stop" -> "/v2/tasks/ID/stop/": the path percent-decoded, split on '/', each segment
// encoded keeping only A-Z a-z 0-9 - _ . ~, joined, with '/' appended when missing.
// Throws std::invalid_argument on a malformed percent-escape.
std::string canonical_uri(const std::string& path);

// "b=2&a=x%20y" -> "a=x%20y&b=2": parameters decoded ('+' as space, as form-encoded queries mean),
// sorted by name then value, each re-encoded as enc(name)=enc(value), joined with '&'.
// Throws std::invalid_argument on a malformed percent-escape.
std::string canonical_query(const std::string& query);

// Lower-cased, sorted, duplicates removed: the order headers are signed in and listed in.
std::vector<std::string> normalized_signed_headers(const std::vector<std::string>& names);

// The canonical request over the named headers (any case). Every named header must be in the request
// (std::invalid_argument otherwise); its value is signed trimmed. The body is hashed byte for byte,
// unless X-Sdk-Content-Sha256 is among the signed headers: then its value stands for the body hash,
// as the SDKs do for UNSIGNED-PAYLOAD (unsigned, the header is ignored so it cannot unpin the body).
std::string canonical_request(const HttpRequest& request, const std::vector<std::string>& signed_headers);

// "SDK-HMAC-SHA256\n<sdk_date>\n<hex sha256 of canonical_request>".
std::string string_to_sign(const std::string& canonical_request, const std::string& sdk_date);

// Lower-case hex HMAC-SHA256 of `string_to_sign` keyed with the secret key.
std::string signature(const std::string& string_to_sign, const std::string& secret_key);

// The value of the Authorization header:
// "SDK-HMAC-SHA256 Access=<ak>, SignedHeaders=<a;b;c>, Signature=<hex>". The signing date is the
// request's X-Sdk-Date header, which must be set (std::invalid_argument otherwise) and should be signed.
std::string authorization_header(const HttpRequest& request, const std::string& access_key,
                                 const std::string& secret_key,
                                 const std::vector<std::string>& signed_headers);

}  // namespace ccs::auth
