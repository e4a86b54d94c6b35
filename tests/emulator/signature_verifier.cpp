#include "emulator/signature_verifier.h"

#include <Poco/String.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "auth/aksk_signer.h"
#include "auth/sdk_date.h"
#include "core/strings.h"

namespace ccs::emu {

using namespace ccs::auth;

namespace {

constexpr char kIamAuthErrorCode[] = "APIGW.0301";
constexpr char kBadRequestErrorCode[] = "APIGW.0201";
constexpr char kIamAuthMessagePrefix[] = "Incorrect IAM authentication information: ";
const std::vector<std::string> kAlwaysSigned = {"host", "x-sdk-date"};

// Equality whose running time does not depend on where the inputs first differ, for comparing a
// received signature with the expected one (the length is not secret).
bool constant_time_equals(const std::string& left, const std::string& right) {
    return left.size() == right.size() && CRYPTO_memcmp(left.data(), right.data(), left.size()) == 0;
}

// Adds one "Key=value" field of the Authorization header to `fields`; false when malformed or repeated.
bool read_authorization_field(const std::string& field, std::map<std::string, std::string>& fields) {
    const auto equals = field.find('=');
    if (equals == std::string::npos) return false;
    const std::string key = Poco::trim(field.substr(0, equals));
    const std::string value = Poco::trim(field.substr(equals + 1));
    return !key.empty() && !value.empty() && fields.emplace(key, value).second;
}

VerifyResult refuse(VerifyFailure failure, const std::string& detail) {
    VerifyResult result;
    result.failure = failure;
    result.http_status = 401;
    result.error_code = kIamAuthErrorCode;
    result.error_msg = kIamAuthMessagePrefix + detail;
    return result;
}

VerifyResult refuse_as_bad_request(const std::string& detail) {
    VerifyResult result;
    result.failure = VerifyFailure::malformed_request;
    result.http_status = 400;
    result.error_code = kBadRequestErrorCode;
    result.error_msg = "Bad request: " + detail;
    return result;
}

std::size_t header_count(const HttpRequest& request, const std::string& name) {
    return static_cast<std::size_t>(
        std::count_if(request.headers.begin(), request.headers.end(),
                      [&](const Header& header) { return Poco::icompare(header.name, name) == 0; }));
}

// `names` are normalized (lower case, sorted).
std::optional<VerifyResult> check_signed_headers(const HttpRequest& request,
                                                 const std::vector<std::string>& names) {
    for (const auto& required : kAlwaysSigned) {
        if (!std::binary_search(names.begin(), names.end(), required)) {
            return refuse(VerifyFailure::required_header_not_signed, "header " + required + " is not signed");
        }
    }
    for (const auto& name : names) {
        const std::size_t count = header_count(request, name);
        if (count == 0) {
            return refuse(VerifyFailure::signed_header_missing, "signed header " + name + " not found");
        }
        if (count > 1) {
            return refuse(VerifyFailure::signed_header_repeated,
                          "signed header " + name + " sent more than once");
        }
    }
    return std::nullopt;
}

std::optional<VerifyResult> check_sdk_date(const std::string& sdk_date,
                                           std::chrono::system_clock::time_point now) {
    const auto signed_at = parse_sdk_date(sdk_date);
    if (!signed_at) {
        return refuse(VerifyFailure::invalid_sdk_date,
                      "invalid X-Sdk-Date \"" + sdk_date + "\", expected UTC time as YYYYMMDDTHHMMSSZ");
    }
    const auto skew = *signed_at > now ? *signed_at - now : now - *signed_at;
    if (skew <= kMaxSdkDateSkew) return std::nullopt;
    return refuse(VerifyFailure::clock_skew,
                  "signature expired, signature time:" + sdk_date + ",server time:" + format_sdk_date(now) +
                      ": the request time (X-Sdk-Date) is more than 15 minutes off the server time, "
                      "check the client's clock");
}

VerifyResult check_signature(const HttpRequest& request, const ParsedAuthorization& authorization,
                             const std::vector<std::string>& names, const std::string& secret_key) {
    VerifyResult result;
    try {
        result.canonical_request = canonical_request(request, names);
    } catch (const std::invalid_argument& error) {
        return refuse_as_bad_request(error.what());
    }
    const std::string to_sign = string_to_sign(result.canonical_request, *request.header("X-Sdk-Date"));
    if (constant_time_equals(signature(to_sign, secret_key), authorization.signature)) return result;
    VerifyResult refused = refuse(VerifyFailure::signature_mismatch, "verify aksk signature fail");
    refused.canonical_request = result.canonical_request;
    return refused;
}

VerifyResult check_authorization(const HttpRequest& request, const ParsedAuthorization& authorization,
                                 const SecretKeyLookup& lookup_secret_key,
                                 std::chrono::system_clock::time_point now) {
    if (authorization.algorithm != kSdkSigningAlgorithm) {
        return refuse(VerifyFailure::unsupported_algorithm,
                      "unsupported signing algorithm " + authorization.algorithm);
    }
    const auto names = normalized_signed_headers(authorization.signed_headers);
    if (auto refused = check_signed_headers(request, names)) return *refused;
    if (auto refused = check_sdk_date(*request.header("X-Sdk-Date"), now)) return *refused;
    const auto secret_key = lookup_secret_key(authorization.access_key);
    if (!secret_key) {
        return refuse(VerifyFailure::unknown_access_key,
                      "Get secretKey failed,ak:" + authorization.access_key + ",err:ak not exist");
    }
    return check_signature(request, authorization, names, *secret_key);
}

}  // namespace

std::optional<ParsedAuthorization> parse_authorization(const std::string& header_value) {
    const std::string value = Poco::trim(header_value);
    const auto space = value.find(' ');
    if (space == std::string::npos || space == 0) return std::nullopt;
    std::map<std::string, std::string> fields;
    for (const auto& field : split(value.substr(space + 1), ',')) {
        if (!read_authorization_field(field, fields)) return std::nullopt;
    }
    if (fields.count("Access") == 0 || fields.count("SignedHeaders") == 0 || fields.count("Signature") == 0) {
        return std::nullopt;
    }
    ParsedAuthorization parsed{value.substr(0, space), fields["Access"], split(fields["SignedHeaders"], ';'),
                               fields["Signature"]};
    const auto has_empty_name = [](const std::string& name) { return name.empty(); };
    if (std::any_of(parsed.signed_headers.begin(), parsed.signed_headers.end(), has_empty_name)) {
        return std::nullopt;
    }
    return parsed;
}

VerifyResult verify_signature(const HttpRequest& request, const SecretKeyLookup& lookup_secret_key,
                              std::chrono::system_clock::time_point now) {
    const std::string* header_value = request.header("Authorization");
    if (header_value == nullptr) {
        return refuse(VerifyFailure::missing_authorization, "Authorization header not found");
    }
    const auto authorization = parse_authorization(*header_value);
    if (!authorization) {
        return refuse(VerifyFailure::malformed_authorization,
                      "invalid Authorization header, expected \"SDK-HMAC-SHA256 Access=..., "
                      "SignedHeaders=..., Signature=...\"");
    }
    VerifyResult result = check_authorization(request, *authorization, lookup_secret_key, now);
    result.access_key = authorization->access_key;
    return result;
}

}  // namespace ccs::emu
