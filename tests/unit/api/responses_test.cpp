#include <doctest/doctest.h>

#include "api/responses.h"

using namespace ccs::api;

TEST_CASE("a successful stop answers null, nothing, or an empty object") {
    CHECK(is_empty_success_body("null"));
    CHECK(is_empty_success_body(""));
    CHECK(is_empty_success_body(" {} \n"));
    CHECK_FALSE(is_empty_success_body("{\"error_code\":\"CC.00050013\"}"));
    CHECK_FALSE(parse_service_error("null"));
}

TEST_CASE("error bodies give the code and the message") {
    const auto error = parse_service_error(R"({"error_code":"CC.00000003","error_msg":"认证信息过期"})");
    REQUIRE(error);
    CHECK(error->code == "CC.00000003");
    CHECK(error->message == "认证信息过期");
}

TEST_CASE("bodies without an error code carry no error, whatever they are") {
    for (const char* body : {"not json", "[1,2]", "{\"error_msg\":\"x\"}", "\"text\"", "{\"error_code\":null}",
                             "{\"error_code\":", "\xff\xfe"}) {
        CHECK_FALSE(parse_service_error(body));
    }
}

TEST_CASE("progress gives the status, including the service's null") {
    std::string problem;
    auto running = parse_progress(R"({"task_status":0,"progress":{"ratio":"50%","info":"running"}})", problem);
    REQUIRE(running);
    CHECK(running->status == 0);
    CHECK(running->ratio == "50%");
    auto never = parse_progress(R"({"task_status":null})", problem);
    REQUIRE(never);
    CHECK_FALSE(never->status.has_value());
}

TEST_CASE("progress of the wrong shape is a problem, not a crash") {
    for (const char* body : {"null", "oops", R"({"status":0})", R"({"task_status":"x"})", R"({"task_status":7})",
                             R"({"task_status":{}})", "[]"}) {
        std::string problem;
        CHECK_FALSE(parse_progress(body, problem));
        CHECK_FALSE(problem.empty());
    }
}
