// The program in a GitLab job's after_script: CI_JOB_STATUS decides whether to stop (--stop-on), the
// log uses collapsible sections, and the results go to a dotenv report GitLab accepts.
#include <doctest/doctest.h>

#include "interrupt_helpers.h"
#include "program.h"
#include "support/gitlab_dotenv.h"
#include "support/temp_dir.h"

using namespace ccs::test;

namespace {

const std::string token = "glpat-S3CR3T-after-script-81f4";
const std::string task = "2b31ed520000000ebedb6e57000000d4";

EmulatorOptions running_task() {
    return one_running_task(token, task);
}

// after_script's environment: GitLab's variables, the token from a masked CI/CD variable.
Environment after_script(const std::string& job_status) {
    return {{"GITLAB_CI", "true"}, {"CI_JOB_STATUS", job_status}, {"CODEARTS_CHECK_IAM_TOKEN", token}};
}

std::vector<std::string> args_for(const Emulator& emulator, const std::string& dotenv) {
    return {"--endpoint", emulator.url(), "--ca-file", emulator.cert_file(),
            "--task-id",  task,           "--dotenv",  dotenv};
}

}  // namespace

TEST_CASE("GitLab: CI_JOB_STATUS=success skips the stop: exit 0, result skipped, one line saying why") {
    Emulator emulator(running_task());
    TempDir dir;
    const std::string dotenv = dir.file("codearts.env");
    const ProcessResult run = run_program(args_for(emulator, dotenv), after_script("success"));
    INFO("stderr:\n" << run.err);
    CHECK(run.exit_code == 0);
    CHECK(emulator.requests().empty());
    CHECK(run.err ==
          "codearts-check-stop: result: skipped (CI_JOB_STATUS is success, and --stop-on is "
          "canceled,timedout,failed: nothing to stop)\n");
    const auto variables = parse_gitlab_dotenv(read_text_file(dotenv));
    CHECK(variables.at("CODEARTS_CHECK_RESULT") == "skipped");
    CHECK(variables.at("CODEARTS_CHECK_EXIT_CODE") == "0");
}

TEST_CASE("GitLab: canceled and timedout stop the task; the dotenv report passes GitLab's rules") {
    for (const std::string status : {"canceled", "timedout", "failed"}) {
        CAPTURE(status);
        Emulator emulator(running_task());
        TempDir dir;
        const std::string dotenv = dir.write("codearts.env", "TASK_ID=" + task + "\n");  // the job's own line
        const ProcessResult run = run_program(args_for(emulator, dotenv), after_script(status));
        INFO("stderr:\n" << run.err);
        CHECK(run.exit_code == 0);
        CHECK(emulator.task_status(task) == 3);

        const std::string text = read_text_file(dotenv);
        CHECK_FALSE(leaks(text, token));
        const auto variables = parse_gitlab_dotenv(text);
        CHECK(variables.at("TASK_ID") == task);
        CHECK(variables.at("CODEARTS_CHECK_RESULT") == "success");
        CHECK(variables.at("CODEARTS_CHECK_STOPPED") == task);
        CHECK(variables.at("CODEARTS_CHECK_FAILED").empty());
        CHECK(variables.at("CODEARTS_CHECK_REQUEST_IDS").size() >= 3 * 32);

        // The requests sit in one collapsed section; the outcome is visible below it.
        const auto end = run.err.find("section_end:");
        CHECK(run.err.find("\x1b[0Ksection_start:") != std::string::npos);
        CHECK(run.err.find("[collapsed=true]") != std::string::npos);
        REQUIRE(end != std::string::npos);
        CHECK(run.err.find("POST /v2/tasks/" + task + "/stop") < end);
        CHECK(run.err.find("task " + task + ": stopped") > end);
    }
}

TEST_CASE("GitLab: --stop-on narrows the statuses; without CI_JOB_STATUS the stop always runs") {
    Emulator emulator(running_task());
    TempDir dir;
    std::vector<std::string> args = args_for(emulator, dir.file("a.env"));
    args.insert(args.end(), {"--stop-on", "canceled"});
    CHECK(run_program(args, after_script("failed")).exit_code == 0);
    CHECK(emulator.requests().empty());
    CHECK(run_program(args, {{"GITLAB_CI", "true"}, {"CODEARTS_CHECK_IAM_TOKEN", token}}).exit_code == 0);
    CHECK(emulator.task_status(task) == 3);
}

TEST_CASE("GitLab: a job cancelled before it wrote the task id file has nothing to stop") {
    Emulator emulator(running_task());
    TempDir dir;
    const std::vector<std::string> args = {"--endpoint",         emulator.url(),   "--ca-file",
                                           emulator.cert_file(), "--task-id-file", dir.file("task-id")};
    const ProcessResult run = run_program(args, after_script("canceled"));
    CHECK(run.exit_code == 0);
    CHECK(contains(run.err, "result: skipped"));
    CHECK(emulator.requests().empty());
}
