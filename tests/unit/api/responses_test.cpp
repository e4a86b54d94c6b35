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

TEST_CASE("a run's answer gives its exec id; anything but a plain id gives none") {
    CHECK(parse_exec_id(R"({"exec_id":"0123456789abcdef0123456789abcdef"})") ==
          "0123456789abcdef0123456789abcdef");
    for (const char* body : {"", "null", "{}", "oops", "[]", R"({"exec_id":12})", R"({"exec_id":"a b"})",
                             R"({"exec_id":"x\n::set-output"})", R"({"exec_id":""})"}) {
        CAPTURE(body);
        CHECK(parse_exec_id(body).empty());
    }
    CHECK(parse_exec_id(R"({"exec_id":")" + std::string(65, 'a') + "\"}").empty());
}

TEST_CASE("a defects summary gives its counts (sent as strings) and is_access") {
    std::string problem;
    const auto summary = parse_defects_summary(
        R"({"task_id":"T1","critical_count":"2","major_count":"4","minor_count":"0","suggestion_count":"1",)"
        R"("issue_count":7,"is_access":"false"})",
        problem);
    REQUIRE(summary);
    REQUIRE(summary->counts);
    CHECK(summary->counts->critical == 2);
    CHECK(summary->counts->major == 4);
    CHECK(summary->counts->minor == 0);
    CHECK(summary->counts->suggestion == 1);
    CHECK(summary->is_access == false);

    // Numbers are taken as well; a JSON boolean is_access too.
    const auto numbers = parse_defects_summary(
        R"({"critical_count":0,"major_count":1,"minor_count":2,"suggestion_count":3,"is_access":true})",
        problem);
    REQUIRE(numbers);
    REQUIRE(numbers->counts);
    CHECK(numbers->counts->suggestion == 3);
    CHECK(numbers->is_access == true);
    CHECK(parse_defects_summary(R"({"is_access":"TRUE"})", problem)->is_access == true);
}

TEST_CASE("a summary that lacks counts or a verdict says so, without inventing zeros") {
    std::string problem;
    for (const char* body :
         {R"({"is_access":"true"})", R"({"critical_count":"1","major_count":"2"})",
          R"({"critical_count":null,"major_count":"0","minor_count":"0","suggestion_count":"0"})",
          R"({"critical_count":"","major_count":"0","minor_count":"0","suggestion_count":"0"})"}) {
        CAPTURE(body);
        const auto summary = parse_defects_summary(body, problem);
        REQUIRE(summary);
        CHECK_FALSE(summary->counts);
    }
    for (const char* body : {"{}", R"({"is_access":""})", R"({"is_access":null})"}) {
        CAPTURE(body);
        const auto summary = parse_defects_summary(body, problem);
        REQUIRE(summary);
        CHECK_FALSE(summary->is_access);
    }
}

TEST_CASE("a summary with an unusable count or verdict is a problem, not a zero") {
    for (const char* body :
         {"", "null", "oops", "[1]", "\"text\"", R"({"critical_count":"-1"})", R"({"major_count":"1.5"})",
          R"({"minor_count":" 3"})", R"({"minor_count":"3x"})", R"({"suggestion_count":-2})",
          R"({"suggestion_count":2.5})", R"({"critical_count":true})", R"({"critical_count":[1]})",
          R"({"critical_count":{}})", R"({"critical_count":"9999999999999999999999"})",
          R"({"critical_count":18446744073709551615})", R"({"is_access":"maybe"})", R"({"is_access":1})"}) {
        CAPTURE(body);
        std::string problem;
        CHECK_FALSE(parse_defects_summary(body, problem));
        CHECK_FALSE(problem.empty());
    }
    std::string problem;
    CHECK_FALSE(parse_defects_summary(R"({"major_count":"-1"})", problem));
    CHECK(problem == "the defects summary's major_count is not a non-negative whole number");
}

TEST_CASE("a defects statistic gives the severity counts, every one of them") {
    std::string problem;
    const auto counts = parse_defects_statistic(
        R"({"severity":{"critical":1,"major":2,"minor":3,"suggestion":4},"status":{"unresolved":10}})",
        problem);
    REQUIRE(counts);
    CHECK(counts->critical == 1);
    CHECK(counts->suggestion == 4);
    CHECK(parse_defects_statistic(R"({"severity":{"critical":"1","major":"0","minor":"0","suggestion":"0"}})",
                                  problem)
              ->critical == 1);
    for (const char* body : {"", "null", "x", "{}", R"({"severity":[]})", R"({"severity":{"critical":1}})",
                             R"({"severity":{"critical":-1,"major":0,"minor":0,"suggestion":0}})",
                             R"({"severity":{"critical":null,"major":0,"minor":0,"suggestion":0}})",
                             R"({"severity":{"critical":0.5,"major":0,"minor":0,"suggestion":0}})"}) {
        CAPTURE(body);
        std::string why;
        CHECK_FALSE(parse_defects_statistic(body, why));
        CHECK_FALSE(why.empty());
    }
}

TEST_CASE("a defects page gives its total and its findings, fields as the service sends them") {
    std::string problem;
    const auto page = parse_defects_page(R"({"total": 250, "defects": [
        {"defect_id": "d1", "file_path": "src/a.cpp", "line_number": "42", "defect_level": "0",
         "defect_status": "0", "rule_name": "G.MEM.01", "defect_checker_name": "checker",
         "defect_content": "leak", "events": [{"path": "x"}]},
        {"defect_id": "d2", "line_number": 7, "defect_level": 2, "defect_status": 1,
         "defect_checker_name": "only-checker"}]})",
                                         problem);
    REQUIRE(page);
    CHECK(page->total == 250);
    CHECK(page->entries == 2);
    CHECK(page->unusable == 0);
    REQUIRE(page->defects.size() == 2);
    const ccs::Finding& first = page->defects[0].finding;
    CHECK(first.defect_id == "d1");
    CHECK(first.severity == ccs::Severity::Critical);
    CHECK(first.rule == "G.MEM.01");
    CHECK(first.message == "leak");
    CHECK(first.service_path == "src/a.cpp");
    CHECK_FALSE(first.path);  // the flow decides the location
    CHECK(first.task_id.empty());
    CHECK(first.line == 42);
    CHECK(page->defects[0].status == "0");
    const ccs::Finding& second = page->defects[1].finding;
    CHECK(second.severity == ccs::Severity::Minor);
    CHECK(second.rule == "only-checker");  // no rule_name: the checker names it
    CHECK(second.line == 7);
    CHECK(second.service_path.empty());
    CHECK(page->defects[1].status == "1");
}

TEST_CASE("a defects page's entries: missing fields have defaults, unusable entries are counted") {
    std::string problem;
    const auto page = parse_defects_page(
        R"({"total": "3", "defects": [{}, 7, "text", null, [1],
            {"defect_id": "d9", "defect_level": "4", "line_number": "12a"},
            {"defect_level": "high", "line_number": "-3", "defect_status": true},
            {"defect_level": "1", "line_number": "2147483648", "defect_id": 5}]})",
        problem);
    REQUIRE(page);
    CHECK(page->total == 3);  // a count sent as a string, as the summary's
    CHECK(page->entries == 8);
    CHECK(page->unusable == 4);  // 7, "text", null, [1]
    REQUIRE(page->defects.size() == 4);
    const ccs::Finding& empty = page->defects[0].finding;
    CHECK(empty.defect_id.empty());  // kept, with nothing to de-duplicate it by
    CHECK(empty.severity == ccs::Severity::Suggestion);
    CHECK(empty.line == 0);
    CHECK(page->defects[0].status.empty());
    CHECK(page->defects[1].finding.severity == ccs::Severity::Suggestion);  // "4": unknown weight
    CHECK(page->defects[1].finding.line == 0);
    CHECK(page->defects[2].finding.line == 0);
    CHECK(page->defects[2].status.empty());
    CHECK(page->defects[3].finding.severity == ccs::Severity::Major);
    CHECK(page->defects[3].finding.line == 0);          // beyond what a location can hold
    CHECK(page->defects[3].finding.defect_id.empty());  // a number is not taken as an id
}

TEST_CASE("a defects page with no list is empty; a page of the wrong shape is a problem") {
    std::string problem;
    for (const char* body :
         {R"({"total": 0})", R"({"total": 0, "defects": null})", R"({"total":0,"defects":[]})"}) {
        CAPTURE(body);
        const auto page = parse_defects_page(body, problem);
        REQUIRE(page);
        CHECK(page->defects.empty());
    }
    for (const char* body :
         {"", "null", "[]", "oops", "{}", R"({"defects": []})", R"({"total": null})",
          R"({"total": -1, "defects": []})", R"({"total": 1.5})", R"({"total": "ten"})", R"({"total": true})",
          R"({"total": "99999999999999999999"})", R"({"total": 1, "defects": {"defect_id": "d1"}})",
          R"({"total": 1, "defects": "d1"})"}) {
        CAPTURE(body);
        std::string why;
        CHECK_FALSE(parse_defects_page(body, why));
        CHECK_FALSE(why.empty());
    }
    std::string why;
    CHECK_FALSE(parse_defects_page(R"({"total": -4})", why));
    CHECK(why == "the defects page's total is missing or not a non-negative whole number");
}

TEST_CASE("a defects page keeps hostile text as sent, for each writer to escape") {
    std::string problem;
    const auto page = parse_defects_page(
        "{\"total\":1,\"defects\":[{\"defect_id\":\"d\\u0000x\",\"file_path\":\"../../etc/passwd\","
        "\"defect_content\":\"::error::\\u001b[31mred\\n<b>x</b> \xff\"}]}",
        problem);
    REQUIRE(page);
    REQUIRE(page->defects.size() == 1);
    CHECK(page->defects[0].finding.service_path == "../../etc/passwd");
    CHECK(page->defects[0].finding.message.find("::error::\x1b[31mred\n<b>x</b>") == 0);
    CHECK(page->defects[0].finding.defect_id == std::string("d\0x", 3));
}
