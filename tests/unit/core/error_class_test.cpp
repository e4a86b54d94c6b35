// The one classification of the services' failures, checked against the API reference's list of
// error codes (tests/data/service-error-codes.txt).
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/error_class.h"

using namespace ccs;

namespace {

struct DocumentedCode {
    std::string code;
    int http_status = 0;
    std::string error_class;
    std::string cause;  // "-": the reference gives it no code of its own
};

std::vector<DocumentedCode> documented_codes() {
    std::ifstream file(std::string(CCS_TEST_DATA_DIR) + "/service-error-codes.txt");
    REQUIRE(file);
    std::vector<DocumentedCode> codes;
    std::string line;
    while (std::getline(file, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line.substr(0, line.find('|')));
        DocumentedCode code;
        const bool complete =
            static_cast<bool>(fields >> code.code >> code.http_status >> code.error_class >> code.cause);
        REQUIRE_MESSAGE(complete, line);
        codes.push_back(code);
    }
    return codes;
}

// The data file's names of the causes.
std::string name_of(ErrorCause cause) {
    switch (cause) {
        case ErrorCause::Busy: return "busy";
        case ErrorCause::CredentialsNotValid: return "credentials-not-valid";
        case ErrorCause::NoPermission: return "no-permission";
        case ErrorCause::NotInProject: return "not-in-project";
        case ErrorCause::CredentialsRefused: return "credentials-refused";
        case ErrorCause::InvalidRequest: return "invalid-request";
        case ErrorCause::UnknownTask: return "unknown-task";
        case ErrorCause::TaskRunning: return "task-running";
    }
    return "?";
}

bool is_family(std::string_view rule_code) {
    return !rule_code.empty() && rule_code.back() == '*';
}

// How many rows of the table name the code itself, and how many a family it belongs to.
std::pair<int, int> rows_for(const std::string& code) {
    int own = 0;
    int family = 0;
    for (const ServiceCodeRule& rule : service_code_rules()) {
        if (!is_family(rule.code)) {
            if (rule.code == code) ++own;
        } else if (code.compare(0, rule.code.size() - 1, rule.code.substr(0, rule.code.size() - 1)) == 0) {
            ++family;
        }
    }
    return {own, family};
}

}  // namespace

TEST_CASE("every code in the API reference has exactly one class, the one the reference gives it") {
    const auto codes = documented_codes();
    CHECK(codes.size() >= 19);
    for (const DocumentedCode& documented : codes) {
        CAPTURE(documented.code);
        const auto [own, family] = rows_for(documented.code);
        const auto rule = service_code_rule(documented.code);
        if (documented.cause == "-") {
            CHECK(own + family == 0);
            CHECK_FALSE(rule);
        } else {
            // Its own row, once; or none and the one family it belongs to.
            CHECK((own == 1 || (own == 0 && family == 1)));
            REQUIRE(rule);
            CHECK(name_of(rule->cause) == documented.cause);
            CHECK(to_string(class_of(rule->cause)) == documented.error_class);
        }
        CHECK(to_string(classify_service_error(documented.http_status, documented.code)) ==
              documented.error_class);
    }
}

TEST_CASE("the table names each code or family once") {
    std::map<std::string_view, int> seen;
    for (const ServiceCodeRule& rule : service_code_rules()) ++seen[rule.code];
    for (const auto& entry : seen) {
        const std::string_view code = entry.first;  // a structured binding cannot be captured (clang 14)
        CAPTURE(code);
        CHECK(entry.second == 1);
    }
}

TEST_CASE("a code's own row wins over its family's") {
    REQUIRE(service_code_rule("APIGW.0308"));
    CHECK(service_code_rule("APIGW.0308")->cause == ErrorCause::Busy);
    REQUIRE(service_code_rule("APIGW.0399"));
    CHECK(service_code_rule("APIGW.0399")->cause == ErrorCause::CredentialsRefused);
    CHECK_FALSE(service_code_rule("APIGW.0201"));
    CHECK_FALSE(service_code_rule(""));
}

TEST_CASE("transient HTTP statuses: 408, 429 and every 5xx, 501 included") {
    for (int status = 500; status < 600; ++status) {
        CAPTURE(status);
        CHECK(is_transient_status(status));
        CHECK(classify_service_error(status, "") == ErrorClass::Transient);
    }
    CHECK(is_transient_status(408));
    CHECK(is_transient_status(429));
    CHECK(classify_service_error(501, "") == ErrorClass::Transient);
    CHECK(classify_service_error(408, "") == ErrorClass::Transient);
    for (const int status : {0, 200, 201, 302, 400, 401, 403, 404, 409, 413, 600}) {
        CAPTURE(status);
        CHECK_FALSE(is_transient_status(status));
    }
}

TEST_CASE("the code decides when it says busy or refused credentials; else the status") {
    CHECK(classify_service_error(400, "CC.00000000") == ErrorClass::Transient);
    CHECK(classify_service_error(401, "CC.00050012") == ErrorClass::Transient);
    CHECK(classify_service_error(503, "CC.00050010") == ErrorClass::Auth);
    CHECK(classify_service_error(503, "APIGW.0301") == ErrorClass::Auth);
    CHECK(classify_service_error(400, "APIGW.0308") == ErrorClass::Transient);
    // A code that refuses the request leaves it to the status.
    CHECK(classify_service_error(400, "CC.00050000") == ErrorClass::Rejected);
    CHECK(classify_service_error(503, "CC.00050000") == ErrorClass::Transient);
    CHECK(classify_service_error(401, "CC.00050013") == ErrorClass::Auth);
    CHECK(classify_service_error(403, "") == ErrorClass::Auth);
    CHECK(classify_service_error(404, "") == ErrorClass::Rejected);
    CHECK(classify_service_error(400, "CC.SOMETHING.NEW") == ErrorClass::Rejected);
}

TEST_CASE("the gateway's refusal of a signature's time is recognised as clock skew") {
    CHECK(is_clock_skew("signature expired, signature time:20261128T052504Z,server time:20261128T060000Z"));
    CHECK_FALSE(is_clock_skew("Incorrect IAM authentication information: verify aksk signature fail"));
    CHECK_FALSE(is_clock_skew(""));
}
