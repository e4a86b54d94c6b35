#include "api/error_class.h"

#include <set>

#include "http/retrying_exchange.h"

namespace ccs::api {
namespace {

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// CC.00050001..06 (internal query/create errors), 12 (retry later), 14 (getTaskBasicInfo failed),
// and CC.00000000 (network busy, answered with HTTP 400).
bool is_transient_code(const std::string& code) {
    static const std::set<std::string> transient = {
        "CC.00000000", "CC.00050001", "CC.00050002", "CC.00050003", "CC.00050004",
        "CC.00050005", "CC.00050006", "CC.00050012", "CC.00050014",
    };
    return transient.count(code) > 0;
}

bool is_auth_code(const std::string& code) {
    static const std::set<std::string> auth = {"CC.00000003", "CC.00050007", "CC.00050010", "CC.00050011"};
    if (auth.count(code) > 0) return true;
    // The API gateway's authentication family (APIGW.03xx) — except 0308, its throttling code.
    return starts_with(code, "APIGW.03") && code != "APIGW.0308";
}

bool is_gateway_throttling(const std::string& code) { return code == "APIGW.0308"; }

}  // namespace

const char* to_string(ErrorClass error_class) {
    switch (error_class) {
        case ErrorClass::Transient: return "transient";
        case ErrorClass::Auth: return "auth";
        case ErrorClass::Rejected: return "rejected";
    }
    return "rejected";
}

ErrorClass classify_service_error(int http_status, const std::string& error_code) {
    if (is_auth_code(error_code)) return ErrorClass::Auth;
    if (is_transient_code(error_code) || is_gateway_throttling(error_code)) return ErrorClass::Transient;
    if (http_status == 401 || http_status == 403) return ErrorClass::Auth;
    if (http_status == 429 || http_status == 500 || http_status == 502 || http_status == 503 ||
        http_status == 504) {
        return ErrorClass::Transient;
    }
    return ErrorClass::Rejected;
}

ErrorClass classify_transport_error(http::TransportErrorKind kind) {
    // One rule for every client (http::worth_retrying): connection trouble may pass, a certificate that
    // does not verify or a name that does not resolve will be the same a second later.
    return http::worth_retrying(kind) ? ErrorClass::Transient : ErrorClass::Rejected;
}

}  // namespace ccs::api
