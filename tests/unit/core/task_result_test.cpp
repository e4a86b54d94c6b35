#include <doctest/doctest.h>

#include "core/task_result.h"

using namespace ccs;

namespace {
TaskResult task(const std::string& id, Outcome outcome, bool refused = false) {
    TaskResult result;
    result.task_id = id;
    result.outcome = outcome;
    result.credentials_refused = refused;
    result.request_ids = {"rid-" + id};
    return result;
}
}  // namespace

TEST_CASE("no task: skipped, exit 0") {
    const RunReport report;
    CHECK(report.result() == RunResult::Skipped);
    CHECK(exit_code_for(report) == 0);
}

TEST_CASE("stopped and not-running are both success") {
    RunReport report;
    report.tasks = {task("a", Outcome::Stopped), task("b", Outcome::NotRunning)};
    CHECK(report.result() == RunResult::Success);
    CHECK(exit_code_for(report) == 0);
    CHECK(report.ids_with(Outcome::Stopped) == std::vector<std::string>{"a"});
    CHECK(report.request_ids() == std::vector<std::string>{"rid-a", "rid-b"});
}

TEST_CASE("one failure fails the run; refused credentials win the exit code") {
    RunReport report;
    report.tasks = {task("a", Outcome::Stopped), task("b", Outcome::Failed)};
    CHECK(report.result() == RunResult::Failure);
    CHECK(exit_code_for(report) == 1);
    report.tasks.push_back(task("c", Outcome::Failed, true));
    CHECK(exit_code_for(report) == 3);
}

TEST_CASE("status names") {
    CHECK(describe_status(std::nullopt) == "never run");
    CHECK(describe_status(0) == "running");
    CHECK(describe_status(3) == "stopped");
    CHECK(std::string(to_string(Outcome::NotRunning)) == "not-running");
}
