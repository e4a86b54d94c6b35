// The one classification of the services' failures: which error codes and HTTP statuses are worth
// another attempt, which refuse the credentials, and which refuse the request. The API client and
// the IAM client decide their retries with it, the advice text what to tell the user; so a failure
// that is retried is the one the user is told will pass. Codes and statuses from the API reference
// (tests/data/service-error-codes.txt holds the list the tests check this table against).
//
// In core because its three users are in three modules that do not depend on one another (api,
// iam, report) and it needs nothing but strings and numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ccs {

enum class ErrorClass {
    Transient,  // busy, throttled, internal error, network trouble: try again within the deadline
    Auth,       // credentials or permission refused: never retried, exit code 3
    Rejected,   // the request itself was refused (validation, unknown task): never retried
};

const char* to_string(ErrorClass error_class);  // "transient", "auth", "rejected"

// What a service error code says happened; each cause belongs to exactly one class.
enum class ErrorCause {
    Busy,                 // network busy, internal error, throttled: Transient
    CredentialsNotValid,  // expired or not valid: renew them (Auth)
    NoPermission,         // accepted, but not allowed (Auth)
    NotInProject,         // the user is in no project of the tenant (Auth)
    CredentialsRefused,   // the gateway refused the signature or token, without saying how (Auth)
    InvalidRequest,       // the request failed validation (Rejected)
    UnknownTask,          // what a wrong task id produces (Rejected)
    TaskRunning,          // an answer to starting a task, not to a stop (Rejected)
};

ErrorClass class_of(ErrorCause cause);

// One row of the table: an error code, or a family of codes when `code` ends in '*' ("APIGW.03*").
struct ServiceCodeRule {
    std::string_view code;
    ErrorCause cause;
};

// The table, each code or family once. A code's rule is its own row, else its family's row.
const std::vector<ServiceCodeRule>& service_code_rules();
std::optional<ServiceCodeRule> service_code_rule(const std::string& code);

// Worth another attempt whatever the service: 408 (request timeout), 429 (throttled) and every 5xx.
bool is_transient_status(int http_status);
// The service looked at the credentials and refused them or their permission: 401, 403.
bool is_auth_status(int http_status);

// From the HTTP status and the service's error_code (empty when the body carried none). A code that
// says busy or refused credentials wins over the status: the service answers some errors with 200,
// and "busy" with 400. A code that refuses the request leaves it to the status (Rejected for the 200
// and 400 it comes with).
ErrorClass classify_service_error(int http_status, const std::string& error_code);

// Whether the service's message is the gateway's refusal of a signature whose time is too far from
// its own ("signature expired, signature time:..., server time:..."): this machine's clock is off.
bool is_clock_skew(const std::string& error_message);

}  // namespace ccs
