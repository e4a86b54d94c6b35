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
    for (const char* body : {"not json", "[1,2]", "{\"error_msg\":\"x\"}", "\"text\"",
                             "{\"error_code\":null}", "{\"error_code\":", "\xff\xfe"}) {
        CHECK_FALSE(parse_service_error(body));
    }
}

TEST_CASE("progress gives the status, including the service's null") {
    std::string problem;
    auto running =
        parse_progress(R"({"task_status":0,"progress":{"ratio":"50%","info":"running"}})", problem);
    REQUIRE(running);
    CHECK(running->status == 0);
    CHECK(running->ratio == "50%");
    auto never = parse_progress(R"({"task_status":null})", problem);
    REQUIRE(never);
    CHECK_FALSE(never->status.has_value());
}

TEST_CASE("progress of the wrong shape is a problem, not a crash") {
    for (const char* body : {"null", "oops", R"({"status":0})", R"({"task_status":"x"})",
                             R"({"task_status":7})", R"({"task_status":{}})", "[]"}) {
        std::string problem;
        CHECK_FALSE(parse_progress(body, problem));
        CHECK_FALSE(problem.empty());
    }
}

TEST_CASE("task_status counts only as a JSON integer from 0 to 3: anything else is unknown") {
    for (const char* body : {R"({"task_status":"0"})", R"({"task_status":"3"})", R"({"task_status":0.5})",
                             R"({"task_status":2.0})", R"({"task_status":true})", R"({"task_status":false})",
                             R"({"task_status":-0.1})", R"({"task_status":[0]})",
                             R"({"task_status":4294967296})", R"({"task_status":1e0})"}) {
        CAPTURE(body);
        std::string problem;
        CHECK_FALSE(parse_progress(body, problem));
        CHECK(problem == "the progress answer has an unknown task_status");
    }
    std::string problem;
    const auto stopped = parse_progress(R"({"task_status":3})", problem);
    REQUIRE(stopped);
    CHECK(stopped->status == 3);
}

TEST_CASE("an error_code is found in a body that is not valid UTF-8 or holds raw control characters") {
    for (const std::string& body :
         {std::string("{\"error_code\":\"CC.00050013\",\"error_msg\":\"bad \xff\xfe bytes\"}"),
          std::string("{\"error_code\":\"CC.00050013\",\"error_msg\":\"a\x01raw\ttab\nline\"}"),
          std::string("{\"error_msg\":\"\xc3\x28\",\"error_code\":\"CC.00050013\"}"),
          std::string("{\"error_code\":\"CC.00050013\",\"error_msg\":\"cut \xe4\xb8\"}")}) {
        CAPTURE(body);
        const auto error = parse_service_error(body);
        REQUIRE(error);
        CHECK(error->code == "CC.00050013");
        CHECK_FALSE(error->message.empty());
    }
}

TEST_CASE("an error_code that is not a string is an unusable error, not a printed value") {
    for (const char* body :
         {R"({"error_code":123,"error_msg":"m"})", R"({"error_code":{"a":[1,2]}})",
          R"({"error_code":["CC.00050013"]})", R"({"error_code":true})", R"({"error_code":1.5})"}) {
        CAPTURE(body);
        const auto error = parse_service_error(body);
        REQUIRE(error);
        CHECK(error->code.empty());
        CHECK(error->unusable_code);
        CHECK(error->message.find('{') == std::string::npos);
    }
}
