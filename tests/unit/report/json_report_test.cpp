#include <doctest/doctest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "report/json_report.h"
#include "report_samples.h"
#include "support/json_result.h"

using namespace ccs::report;
using Poco::JSON::Array;

namespace {

std::vector<std::string> strings(const Array::Ptr& array) {
    std::vector<std::string> values;
    for (std::size_t i = 0; i < array->size(); ++i) values.push_back(array->getElement<std::string>(i));
    return values;
}

}  // namespace

TEST_CASE("json: the documented keys, in order, on one line") {
    const std::string json = to_json(samples::mixed_report(), 3);
    CHECK(json.find('\n') == std::string::npos);
    CHECK(json.rfind(R"({"result":"failure","stopped":)", 0) == 0);
    const auto document = ccs::test::parse_json_object(json);
    for (const auto& key : {"result", "stopped", "not-running", "failed", "request-ids",
                            "request-ids-omitted", "exit-code", "duration-ms", "tasks", "tasks-omitted"}) {
        CHECK_MESSAGE(document->has(key), key);
    }
    CHECK_FALSE(document->has("skipped-reason"));
    CHECK(document->getValue<std::string>("result") == "failure");
    CHECK(strings(document->getArray("stopped")) == std::vector<std::string>{"aaa111"});
    CHECK(strings(document->getArray("not-running")) == std::vector<std::string>{"bbb222"});
    CHECK(strings(document->getArray("failed")) == std::vector<std::string>{"ccc333"});
    CHECK(strings(document->getArray("request-ids")) ==
          std::vector<std::string>{"req-aaa111-1", "req-aaa111-2", "req-bbb222", "req-ccc333"});
    CHECK(document->getValue<Poco::UInt64>("request-ids-omitted") == 0);
    CHECK(document->getValue<int>("exit-code") == 3);
    CHECK(document->getValue<Poco::Int64>("duration-ms") == 2345);
    CHECK(document->getValue<Poco::UInt64>("tasks-omitted") == 0);
}

TEST_CASE("json: a run over thousands of tasks lists every id, but caps the objects and the request ids") {
    ccs::RunReport report;
    for (int i = 0; i < 3000; ++i) {
        ccs::TaskResult task = samples::stopped("task" + std::to_string(i));
        task.request_ids = {"req-" + std::to_string(i) + "-a", "req-" + std::to_string(i) + "-b"};
        report.tasks.push_back(task);
    }
    const auto document = ccs::test::parse_json_object(to_json(report, 0));
    CHECK(document->getArray("stopped")->size() == 3000);
    CHECK(document->getArray("tasks")->size() == ccs::report::max_json_task_objects);
    CHECK(document->getValue<Poco::UInt64>("tasks-omitted") == 3000 - ccs::report::max_json_task_objects);
    const auto request_ids = strings(document->getArray("request-ids"));
    REQUIRE(request_ids.size() == ccs::report::max_json_request_ids);
    CHECK(request_ids.front() == "req-0-a");
    CHECK(request_ids.back() == "req-499-b");
    CHECK(document->getValue<Poco::UInt64>("request-ids-omitted") ==
          6000 - ccs::report::max_json_request_ids);
}

TEST_CASE("json: one object per task, every field present with one type") {
    const auto tasks = ccs::test::parse_json_object(to_json(samples::mixed_report(), 3))->getArray("tasks");
    REQUIRE(tasks->size() == 3);
    const auto failed = tasks->getObject(2);
    CHECK(failed->getValue<std::string>("task-id") == "ccc333");
    CHECK(failed->getValue<std::string>("outcome") == "failed");
    CHECK(failed->getValue<std::string>("detail") == "the stop call was refused");
    CHECK(failed->getValue<std::string>("error-code") == "CC.00000003");
    CHECK(failed->getValue<std::string>("error-message") == "认证信息过期");
    CHECK(failed->getValue<int>("http-status") == 401);
    CHECK(strings(failed->getArray("request-ids")) == std::vector<std::string>{"req-ccc333"});
    CHECK(failed->getValue<int>("attempts") == 1);
    CHECK(failed->getValue<Poco::Int64>("duration-ms") == 1500);
    const auto stopped = tasks->getObject(0);
    CHECK(stopped->getValue<std::string>("outcome") == "stopped");
    CHECK(stopped->getValue<std::string>("error-code") == "");
    CHECK(stopped->getValue<int>("http-status") == 0);
    CHECK(tasks->getObject(1)->getValue<std::string>("outcome") == "not-running");
}

TEST_CASE("json: awkward text survives the round trip") {
    ccs::RunReport report;
    auto task =
        samples::failed("t1", 400, "CC.00050000", "quote \" backslash \\ newline \n tab \t 网络 \x01");
    report.tasks = {task};
    const auto parsed = ccs::test::parse_json_object(to_json(report, 1))->getArray("tasks")->getObject(0);
    CHECK(parsed->getValue<std::string>("error-message") == task.error_message);
}

TEST_CASE("json: a skipped run carries its reason") {
    ccs::RunReport report;
    report.skipped_reason = "no task id was given";
    const auto document = ccs::test::parse_json_object(to_json(report, 0));
    CHECK(document->getValue<std::string>("result") == "skipped");
    CHECK(document->getValue<std::string>("skipped-reason") == "no task id was given");
    CHECK(document->getArray("tasks")->size() == 0);
    CHECK(document->getValue<int>("exit-code") == 0);
}
