#include <doctest/doctest.h>

#include "api/error_class.h"

using ccs::api::classify_service_error;
using ccs::api::classify_transport_error;
using ccs::api::ErrorClass;
using Kind = ccs::http::TransportErrorKind;

TEST_CASE("busy and internal errors are transient, whatever the HTTP status") {
    CHECK(classify_service_error(400, "CC.00000000") == ErrorClass::Transient);
    for (const char* code : {"CC.00050001", "CC.00050006", "CC.00050012", "CC.00050014"}) {
        CHECK(classify_service_error(200, code) == ErrorClass::Transient);
    }
    CHECK(classify_service_error(429, "APIGW.0308") == ErrorClass::Transient);
    for (int status : {429, 500, 502, 503, 504})
        CHECK(classify_service_error(status, "") == ErrorClass::Transient);
}

TEST_CASE("every 5xx is transient, 501 included, and so is 408 (the one rule in core/error_class.h)") {
    for (int status : {408, 501, 505, 507, 511, 599}) {
        CAPTURE(status);
        CHECK(classify_service_error(status, "") == ErrorClass::Transient);
    }
    CHECK(classify_service_error(501, "CC.00050000") == ErrorClass::Transient);
}

TEST_CASE("authentication and permission errors are auth, also in a 200") {
    CHECK(classify_service_error(401, "CC.00000003") == ErrorClass::Auth);
    for (const char* code : {"CC.00050007", "CC.00050010", "CC.00050011"}) {
        CHECK(classify_service_error(200, code) == ErrorClass::Auth);
    }
    CHECK(classify_service_error(401, "APIGW.0301") == ErrorClass::Auth);
    CHECK(classify_service_error(403, "") == ErrorClass::Auth);
    CHECK(classify_service_error(401, "") == ErrorClass::Auth);
}

TEST_CASE("validation errors and unknown tasks are rejected, not retried") {
    CHECK(classify_service_error(200, "CC.00050000") == ErrorClass::Rejected);
    CHECK(classify_service_error(200, "CC.00050013") == ErrorClass::Rejected);
    CHECK(classify_service_error(400, "CC.xxxxxxxx.400") == ErrorClass::Rejected);
    CHECK(classify_service_error(404, "") == ErrorClass::Rejected);
    CHECK(classify_service_error(302, "") == ErrorClass::Rejected);
}

TEST_CASE("network trouble is transient; certificates, names and oversized answers are not") {
    CHECK(classify_transport_error(Kind::Refused) == ErrorClass::Transient);
    CHECK(classify_transport_error(Kind::Reset) == ErrorClass::Transient);
    CHECK(classify_transport_error(Kind::Timeout) == ErrorClass::Transient);
    CHECK(classify_transport_error(Kind::Tls) == ErrorClass::Rejected);
    CHECK(classify_transport_error(Kind::Dns) == ErrorClass::Rejected);
    CHECK(classify_transport_error(Kind::TooLarge) == ErrorClass::Rejected);
}
