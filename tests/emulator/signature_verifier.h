// What the API gateway checks before a request signed with AK/SK reaches the service, for the emulator:
// the Authorization header, the signing date against the gateway's clock, and the signature recomputed
// over the headers the request says it signed (with the program's own signer, auth/aksk_signer.h).
// The program never verifies a signature: this is the gateway's side, so it lives with the emulator.
//
// Every refusal is HTTP 401 with error_code APIGW.0301 and an error_msg starting "Incorrect IAM
// authentication information: ", as the real gateway answers for IAM-authenticated APIs (its documented
// messages: "verify aksk signature fail", "Get secretKey failed,ak:<AK>,err:ak not exist", and for a
// clock off by more than 15 minutes "signature expired, signature time:<date>,server time:<date>").
// The one exception is a request whose path or query is not valid percent-encoding: HTTP 400, APIGW.0201.
// `failure` tells the cases apart without matching text.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/http_message.h"

namespace ccs::emu {

struct ParsedAuthorization {
    std::string algorithm;                    // "SDK-HMAC-SHA256"
    std::string access_key;                   // Access=
    std::vector<std::string> signed_headers;  // SignedHeaders=, split on ';', as written
    std::string signature;                    // Signature=
};

// Reads an Authorization header value written by auth::authorization_header() or an SDK. Accepts any
// spacing around ',' and '='; nullopt when the algorithm, Access, SignedHeaders or Signature is missing
// or empty, a field repeats, or a signed header name is empty. Does not check the algorithm's name.
std::optional<ParsedAuthorization> parse_authorization(const std::string& header_value);

// The gateway refuses a request whose X-Sdk-Date is further than this from its own clock.
inline constexpr std::chrono::minutes kMaxSdkDateSkew{15};

enum class VerifyFailure {
    none,
    missing_authorization,       // no Authorization header
    malformed_authorization,     // not "<algorithm> Access=..., SignedHeaders=..., Signature=..."
    unsupported_algorithm,       // not SDK-HMAC-SHA256
    required_header_not_signed,  // host or x-sdk-date not among SignedHeaders
    signed_header_missing,       // a header named in SignedHeaders is not in the request
    signed_header_repeated,      // a signed header appears more than once: which one was signed?
    invalid_sdk_date,            // X-Sdk-Date not YYYYMMDDTHHMMSSZ
    clock_skew,                  // X-Sdk-Date more than kMaxSdkDateSkew away from the gateway's clock
    unknown_access_key,          // the lookup knows no SK for Access=
    malformed_request,           // path or query not valid percent-encoding (HTTP 400)
    signature_mismatch,          // recomputed signature differs
};

struct VerifyResult {
    VerifyFailure failure = VerifyFailure::none;
    int http_status = 200;   // 401 (or 400) when refused
    std::string error_code;  // "APIGW.0301", "APIGW.0201"; empty when accepted
    std::string error_msg;
    std::string access_key;         // Access= of the request, once parsed (also when refused)
    std::string canonical_request;  // what the gateway signed, for server-side logs only: it can hold
                                    // the security token, so it is not put in error_msg

    bool ok() const { return failure == VerifyFailure::none; }
};

// The secret key of an access key, or nullopt when the gateway does not know it.
using SecretKeyLookup = std::function<std::optional<std::string>(const std::string& access_key)>;

// `request` as received: path and query as sent (split at '?'), headers including Host, body.
VerifyResult verify_signature(const HttpRequest& request, const SecretKeyLookup& lookup_secret_key,
                              std::chrono::system_clock::time_point now);

}  // namespace ccs::emu
