// The program run the way a GitHub runner runs a container action: inputs as INPUT_* variables,
// results through the file commands, read back with a parser that follows the runner's rules.
#include <doctest/doctest.h>

#include "program.h"
#include "support/github_file_commands.h"
#include "support/temp_dir.h"

using namespace ccs::test;

namespace {

const std::string token = "ghs-S3CR3T-runner-0c41d2";
const std::string stopped_id = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
const std::string finished_id = "finished-task_01";
const std::string failing_id = "failing-task-02";

}  // namespace

TEST_CASE("a GitHub container action run: outputs, annotations, masks and summary as the runner reads them") {
    EmulatorOptions options;
    options.tokens = {token};
    options.tasks = {{stopped_id, 0}, {finished_id, 2}, {failing_id, 0}};
    Emulator emulator(options);
    // An error message with every character the toolkit escapes in annotations.
    emulator.load_scenario(R"({"rules":[{"call":"stop","task":"failing-task-02","status":200,
        "body":{"error_code":"CC.00050000","error_msg":"bad value: 100%, see\nline two\r\nend"}}]})");

    StepFiles runner;
    Environment env = runner.environment();
    env["INPUT_TASK-ID"] = stopped_id + "\n" + finished_id + "\n" + failing_id + "\n";
    env["INPUT_ENDPOINT"] = emulator.url();
    env["INPUT_IAM-TOKEN"] = token;
    env["INPUT_CA-FILE"] = emulator.cert_file();
    env["INPUT_REGION"] = "";  // declared inputs arrive empty when not set: the same as absent
    env["INPUT_DRY-RUN"] = "false";
    const ProcessResult run = run_program({}, env);
    CHECK(run.exit_code == 1);

    const auto outputs = read_file_commands(runner.output);
    CHECK(outputs.at("result") == "failure");
    CHECK(outputs.at("stopped") == stopped_id);
    CHECK(outputs.at("not-running") == finished_id);
    CHECK(outputs.at("failed") == failing_id);
    for (const auto& request : emulator.requests()) {
        CHECK(contains(outputs.at("request-ids"), request.request_id));
    }

    const auto commands = parse_workflow_commands(run.out);
    REQUIRE_FALSE(commands.empty());
    CHECK(commands.front().name == "add-mask");
    CHECK(commands.front().message == token);
    bool error_with_original_text = false;
    for (const auto& command : commands) {
        if (command.name != "error") continue;
        CHECK(command.properties.count("title") == 1);
        // Line breaks survive as LF; the service's raw CR does not (issue 13: it would rewrite the line).
        if (contains(command.message, "bad value: 100%, see\nline two\nend")) error_with_original_text = true;
    }
    CHECK(error_with_original_text);

    const std::string summary = read_text_file(runner.summary);
    CHECK(contains(summary, "| Task"));
    CHECK(contains(summary, stopped_id));
    CHECK(contains(summary, "CC.00050000"));
    CHECK_FALSE(leaks(run.out + run.err + runner.everything(), token));
}

TEST_CASE("a GitHub run with invalid input: an error annotation naming the input, exit 2, nothing sent") {
    Emulator emulator;
    StepFiles runner;
    Environment env = runner.environment();
    env["INPUT_TASK-ID"] = "ok,bad%id";
    env["INPUT_ENDPOINT"] = emulator.url();
    env["INPUT_IAM-TOKEN"] = token;
    const ProcessResult run = run_program({}, env);
    CHECK(run.exit_code == 2);
    bool named = false;
    for (const auto& command : parse_workflow_commands(run.out)) {
        if (command.name == "error" && contains(command.message, "INPUT_TASK-ID")) named = true;
    }
    CHECK(named);
    CHECK(emulator.requests().empty());
    CHECK_FALSE(leaks(run.out + run.err + runner.everything(), token));
}

// What a workflow written before the rename sends: `with: token:` (declared as deprecated in action.yml).
TEST_CASE("the former input `token` still stops the task, masked like the new one") {
    Emulator emulator(one_running_task(token, stopped_id));
    StepFiles runner;
    Environment env = runner.environment();
    env["INPUT_TASK-ID"] = stopped_id;
    env["INPUT_ENDPOINT"] = emulator.url();
    env["INPUT_TOKEN"] = token;
    env["INPUT_IAM-TOKEN"] = "";  // declared in action.yml, not set: arrives empty
    env["INPUT_CA-FILE"] = emulator.cert_file();
    const ProcessResult run = run_program({}, env);
    CHECK(run.exit_code == 0);
    CHECK(emulator.task_status(stopped_id) == 3);
    const auto commands = parse_workflow_commands(run.out);
    REQUIRE_FALSE(commands.empty());
    CHECK(commands.front().name == "add-mask");
    CHECK(commands.front().message == token);
    CHECK_FALSE(leaks(run.out + run.err + runner.everything(), token));
}

TEST_CASE("`token` and `iam-token` both given with different values: exit 2, nothing sent, neither shown") {
    Emulator emulator(one_running_task(token, stopped_id));
    StepFiles runner;
    Environment env = runner.environment();
    env["INPUT_TASK-ID"] = stopped_id;
    env["INPUT_ENDPOINT"] = emulator.url();
    env["INPUT_TOKEN"] = token;
    env["INPUT_IAM-TOKEN"] = token + "-other";
    const ProcessResult run = run_program({}, env);
    CHECK(run.exit_code == 2);
    CHECK(contains(run.out, "INPUT_IAM-TOKEN and INPUT_TOKEN are both given"));
    CHECK(emulator.requests().empty());
    CHECK_FALSE(leaks(run.out + run.err + runner.everything(), token));
}

TEST_CASE("the former flag --token and variable CODEARTS_CHECK_TOKEN still stop the task") {
    SUBCASE("--token") {
        Emulator emulator(one_running_task(token, stopped_id));
        const ProcessResult run =
            run_program({"--endpoint", emulator.url(), "--ca-file", emulator.cert_file(), "--task-id",
                         stopped_id, "--token", token});
        CHECK(run.exit_code == 0);
        CHECK(emulator.task_status(stopped_id) == 3);
    }
    SUBCASE("CODEARTS_CHECK_TOKEN") {
        Emulator emulator(one_running_task(token, stopped_id));
        const ProcessResult run = run_program(
            {"--endpoint", emulator.url(), "--ca-file", emulator.cert_file(), "--task-id", stopped_id},
            {{"CODEARTS_CHECK_TOKEN", token}});
        CHECK(run.exit_code == 0);
        CHECK(emulator.task_status(stopped_id) == 3);
    }
}
