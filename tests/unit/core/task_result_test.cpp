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

namespace {
TaskResult checked(const std::string& id, CheckStatus status, bool refused = false) {
    TaskResult result =
        task(id, status == CheckStatus::Stopped ? Outcome::Stopped : Outcome::NotRunning, refused);
    result.check = CheckRun{};
    result.check->status = status;
    return result;
}
}  // namespace

TEST_CASE("run mode: a report whose tasks carry a check") {
    RunReport report;
    report.tasks = {task("a", Outcome::Stopped)};
    CHECK_FALSE(report.is_run_mode());
    report.tasks.push_back(checked("b", CheckStatus::Passed));
    CHECK(report.is_run_mode());
}

TEST_CASE("run mode: success and exit 0 only when every check passed") {
    RunReport report;
    report.tasks = {checked("a", CheckStatus::Passed), checked("b", CheckStatus::Passed)};
    CHECK(report.result() == RunResult::Success);
    CHECK(exit_code_for(report) == 0);
    for (const auto status : {CheckStatus::GateFailed, CheckStatus::CheckFailed, CheckStatus::Stopped,
                              CheckStatus::StoppedElsewhere, CheckStatus::Failed}) {
        CAPTURE(to_string(status));
        RunReport one = report;
        one.tasks.push_back(checked("c", status));
        CHECK(one.result() == RunResult::Failure);
        CHECK(exit_code_for(one) == 1);
    }
}

TEST_CASE("run mode: a task without a check has not passed") {
    RunReport report;
    report.tasks = {checked("a", CheckStatus::Passed), task("b", Outcome::NotRunning)};
    CHECK(report.result() == RunResult::Failure);
}

TEST_CASE("run mode: refused credentials give 3; the mode's own exit code wins") {
    RunReport report;
    report.tasks = {checked("a", CheckStatus::GateFailed), checked("b", CheckStatus::Failed, true)};
    CHECK(report.credentials_refused());
    CHECK(exit_code_for(report) == 3);
    // A flag on a task that passed is not a refusal that failed the run.
    RunReport passed;
    passed.tasks = {checked("a", CheckStatus::Passed, true)};
    CHECK_FALSE(passed.credentials_refused());
    CHECK(exit_code_for(passed) == 0);
    report.exit_code = 124;  // the timeout stopped the tasks
    CHECK(exit_code_for(report) == 124);
    report.exit_code = 130;
    CHECK(exit_code_for(report) == 130);
}

TEST_CASE("run mode: status and gate names") {
    CHECK(std::string(to_string(CheckStatus::GateFailed)) == "gate-failed");
    CHECK(std::string(to_string(CheckStatus::StoppedElsewhere)) == "stopped-elsewhere");
    CHECK(std::string(to_string(GateVerdict::None)) == "none");
}

TEST_CASE("findings mode: success when every task's findings were read in full; 3 when a page was refused") {
    RunReport report;
    CHECK(report.result() == RunResult::Skipped);
    report.findings = FindingsReport{};
    report.findings->tasks.resize(2);
    report.findings->tasks[0].complete = true;
    report.findings->tasks[1].complete = true;
    CHECK(report.result() == RunResult::Success);
    CHECK(exit_code_for(report) == exit_code::ok);
    report.findings->tasks[1].complete = false;
    CHECK(report.result() == RunResult::Failure);
    CHECK(exit_code_for(report) == exit_code::task_failed);
    report.findings->tasks[1].credentials_refused = true;
    CHECK(exit_code_for(report) == exit_code::credentials_refused);
}
