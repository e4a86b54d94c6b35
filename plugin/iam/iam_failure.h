// Why a call to IAM (or to the CI's id-token service) gave nothing usable: the service's own words
// when it answered, ours when it did not or when its answer could not be used.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ccs::iam {

struct IamFailure {
    std::string call;           // "POST /v3/auth/tokens"
    std::string service;        // "IAM", "the GitHub id-token service"
    int http_status = 0;        // of the last answer; 0 when none came
    std::string error_code;     // the service's code ("APIGW.0301", "IAM.0004"), when it gave one
    std::string error_message;  // the service's message, as sent
    std::string problem;        // our words: no answer ("timed out: ..."), or an unusable one
    bool refused = false;       // the service refused the credentials: exit code 3
    std::vector<std::string> request_ids;
    int attempts = 0;

    // "IAM refused the credentials (POST /v3/auth/tokens: HTTP 401, The username or password is wrong.)"
    std::string describe() const;
};

// A value from IAM, or why there is none.
template <typename Value>
struct Result {
    std::optional<Value> value;
    IamFailure failure;  // meaningful when there is no value

    explicit operator bool() const { return value.has_value(); }
};

template <typename Value>
Result<Value> success(Value value) {
    return Result<Value>{std::move(value), {}};
}

template <typename Value>
Result<Value> failed(IamFailure failure) {
    return Result<Value>{std::nullopt, std::move(failure)};
}

struct ErrorBody {
    std::string code;
    std::string message;
};

// The error an answer's body carries: the gateway's and newer IAM APIs' {"error_code", "error_msg"},
// or Keystone's {"error": {"code": 401, "message": ..., "title": ...}} (whose numeric code is left
// out: the HTTP status says the same). Anything else carries none.
std::optional<ErrorBody> parse_error_body(const std::string& body);

}  // namespace ccs::iam
