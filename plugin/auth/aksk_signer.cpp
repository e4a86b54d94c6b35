#include "auth/aksk_signer.h"

#include <Poco/String.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "auth/digest.h"
#include "auth/uri_encoding.h"
#include "core/strings.h"

namespace ccs::auth {

namespace {

constexpr char kContentSha256Header[] = "x-sdk-content-sha256";

using QueryParameter = std::pair<std::string, std::string>;

QueryParameter decode_query_parameter(const std::string& piece) {
    const auto equals = piece.find('=');
    if (equals == std::string::npos) return {percent_decode(piece, true), ""};
    return {percent_decode(piece.substr(0, equals), true), percent_decode(piece.substr(equals + 1), true)};
}

const std::string& signed_header_value(const HttpRequest& request, const std::string& name) {
    const std::string* value = request.header(name);
    if (value == nullptr) throw std::invalid_argument("signed header \"" + name + "\" is not in the request");
    return *value;
}

// "name:value\n" for each header, in the order given (already normalized).
std::string canonical_headers(const HttpRequest& request, const std::vector<std::string>& names) {
    std::string block;
    for (const auto& name : names)
        block += name + ":" + Poco::trim(signed_header_value(request, name)) + "\n";
    return block;
}

std::string payload_hash(const HttpRequest& request, const std::vector<std::string>& names) {
    if (std::binary_search(names.begin(), names.end(), kContentSha256Header)) {
        return Poco::trim(signed_header_value(request, kContentSha256Header));
    }
    return sha256_hex(request.body);
}

}  // namespace

std::string canonical_uri(const std::string& path) {
    std::vector<std::string> segments = split(percent_decode(path, false), '/');
    for (auto& segment : segments) segment = percent_encode_unreserved(segment);
    std::string uri = join(segments, "/");
    if (uri.empty() || uri.back() != '/') uri += '/';
    return uri;
}

std::string canonical_query(const std::string& query) {
    std::vector<QueryParameter> parameters;
    for (const auto& piece : split(query, '&')) {
        if (!piece.empty()) parameters.push_back(decode_query_parameter(piece));
    }
    std::sort(parameters.begin(), parameters.end());
    std::vector<std::string> encoded;
    encoded.reserve(parameters.size());
    for (const auto& [name, value] : parameters) {
        encoded.push_back(percent_encode_unreserved(name) + "=" + percent_encode_unreserved(value));
    }
    return join(encoded, "&");
}

std::vector<std::string> normalized_signed_headers(const std::vector<std::string>& names) {
    std::vector<std::string> normalized;
    normalized.reserve(names.size());
    for (const auto& name : names) normalized.push_back(Poco::toLower(name));
    std::sort(normalized.begin(), normalized.end());
    normalized.erase(std::unique(normalized.begin(), normalized.end()), normalized.end());
    return normalized;
}

std::string canonical_request(const HttpRequest& request, const std::vector<std::string>& signed_headers) {
    const auto names = normalized_signed_headers(signed_headers);
    return join({Poco::toUpper(request.method), canonical_uri(request.path), canonical_query(request.query),
                 canonical_headers(request, names), join(names, ";"), payload_hash(request, names)},
                "\n");
}

std::string string_to_sign(const std::string& canonical_request, const std::string& sdk_date) {
    return std::string(kSdkSigningAlgorithm) + "\n" + sdk_date + "\n" + sha256_hex(canonical_request);
}

std::string signature(const std::string& string_to_sign, const std::string& secret_key) {
    return hmac_sha256_hex(secret_key, string_to_sign);
}

std::string authorization_header(const HttpRequest& request, const std::string& access_key,
                                 const std::string& secret_key,
                                 const std::vector<std::string>& signed_headers) {
    const std::string* sdk_date = request.header("X-Sdk-Date");
    if (sdk_date == nullptr) throw std::invalid_argument("the request has no X-Sdk-Date header to sign");
    const std::string to_sign = string_to_sign(canonical_request(request, signed_headers), *sdk_date);
    return std::string(kSdkSigningAlgorithm) + " Access=" + access_key +
           ", SignedHeaders=" + join(normalized_signed_headers(signed_headers), ";") +
           ", Signature=" + signature(to_sign, secret_key);
}

}  // namespace ccs::auth
