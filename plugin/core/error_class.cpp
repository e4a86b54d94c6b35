#include "core/error_class.h"

#include "core/strings.h"

namespace ccs {

namespace {

bool is_family(std::string_view rule_code) {
    return !rule_code.empty() && rule_code.back() == '*';
}

bool in_family(const std::string& code, std::string_view family) {
    family.remove_suffix(1);
    return starts_with(code, family);
}

}  // namespace

const char* to_string(ErrorClass error_class) {
    switch (error_class) {
        case ErrorClass::Transient: return "transient";
        case ErrorClass::Auth: return "auth";
        case ErrorClass::Rejected: return "rejected";
    }
    return "rejected";
}

ErrorClass class_of(ErrorCause cause) {
    switch (cause) {
        case ErrorCause::Busy: return ErrorClass::Transient;
        case ErrorCause::CredentialsNotValid:
        case ErrorCause::NoPermission:
        case ErrorCause::NotInProject:
        case ErrorCause::CredentialsRefused: return ErrorClass::Auth;
        case ErrorCause::InvalidRequest:
        case ErrorCause::UnknownTask:
        case ErrorCause::TaskRunning: return ErrorClass::Rejected;
    }
    return ErrorClass::Rejected;
}

const std::vector<ServiceCodeRule>& service_code_rules() {
    using C = ErrorCause;
    static const std::vector<ServiceCodeRule> rules = {
        {"CC.00000000", C::Busy},                 // network busy, try again later (with HTTP 400)
        {"CC.00000003", C::CredentialsNotValid},  // authentication expired
        {"CC.00050000", C::InvalidRequest},       // parameters not valid
        {"CC.00050001", C::Busy},                 // 01 to 06: internal query/create errors, inner error
        {"CC.00050002", C::Busy},
        {"CC.00050003", C::Busy},
        {"CC.00050004", C::Busy},
        {"CC.00050005", C::Busy},
        {"CC.00050006", C::Busy},
        {"CC.00050007", C::CredentialsNotValid},  // IAM authentication failed
        {"CC.00050010", C::NoPermission},         // current user has no permission
        {"CC.00050011", C::NotInProject},         // user is not in any project of the tenant
        {"CC.00050012", C::Busy},                 // retry later (network busy)
        {"CC.00050013", C::UnknownTask},          // project does not exist: what a wrong task id produces
        {"CC.00050014", C::Busy},                 // call getTaskBasicInfo failed
        {"CC.00050015", C::TaskRunning},          // task is running (seen when starting a run)
        // The API gateway in front of the service: its authentication family, and its throttling.
        {"APIGW.03*", C::CredentialsRefused},
        {"APIGW.0308", C::Busy},
    };
    return rules;
}

std::optional<ServiceCodeRule> service_code_rule(const std::string& code) {
    std::optional<ServiceCodeRule> family;
    for (const ServiceCodeRule& rule : service_code_rules()) {
        if (!is_family(rule.code) && rule.code == code) return rule;
        if (is_family(rule.code) && in_family(code, rule.code)) family = rule;
    }
    return family;
}

bool is_transient_status(int http_status) {
    return http_status == 408 || http_status == 429 || (http_status >= 500 && http_status < 600);
}

bool is_auth_status(int http_status) {
    return http_status == 401 || http_status == 403;
}

ErrorClass classify_service_error(int http_status, const std::string& error_code) {
    if (const auto rule = service_code_rule(error_code);
        rule && class_of(rule->cause) != ErrorClass::Rejected) {
        return class_of(rule->cause);
    }
    if (is_auth_status(http_status)) return ErrorClass::Auth;
    if (is_transient_status(http_status)) return ErrorClass::Transient;
    return ErrorClass::Rejected;
}

bool is_clock_skew(const std::string& error_message) {
    return error_message.find("signature expired") != std::string::npos;
}

}  // namespace ccs
