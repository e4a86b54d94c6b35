// The GitHub guard as the runner drives it: the main run (`mode: guard`) checks the inputs and saves
// its state; the post run (a new container, argv[0] codearts-check-stop-post, the inputs again and the
// state as STATE_* variables) stops the task. Files are read back with the runner's own rules.
#include <doctest/doctest.h>

#include <unistd.h>

#include "interrupt_helpers.h"
#include "program.h"
#include "support/github_file_commands.h"
#include "support/temp_dir.h"

using namespace ccs::test;

namespace {

const std::string token = "ghs-S3CR3T-guard-3e9a70";
const std::string task = "2b31ed520000000ebedb6e57000000c3";

// What the runner exports for the action's inputs: every declared input, "" when not given.
Environment action_inputs(const Emulator& emulator, const std::string& mode, const std::string& task_id) {
    return {{"INPUT_MODE", mode},
            {"INPUT_TASK-ID", task_id},
            {"INPUT_TASK-ID-FILE", ""},
            {"INPUT_REGION", ""},
            {"INPUT_ENDPOINT", emulator.url()},
            {"INPUT_IAM-TOKEN", token},
            {"INPUT_CA-FILE", emulator.cert_file()},
            {"INPUT_TIMEOUT", ""},
            {"INPUT_GRACE", ""},
            {"INPUT_JSON", "false"},
            {"INPUT_DRY-RUN", "false"}};
}

Environment step_environment(const Environment& inputs, const StepFiles& files) {
    Environment env = inputs;
    const Environment step = files.environment();
    env.insert(step.begin(), step.end());
    return env;
}

// The post run's environment: the inputs again, and STATE_<name> for what the main run saved.
Environment post_environment(const Environment& inputs, const StepFiles& post_files,
                             const std::string& main_state) {
    Environment env = step_environment(inputs, post_files);
    for (const auto& [name, value] : read_file_commands(main_state)) env["STATE_" + name] = value;
    return env;
}

// The image's /usr/bin/codearts-check-stop-post: a symlink to the program.
struct PostEntrypoint {
    TempDir dir{"ccs-image"};
    std::string path = dir.file("codearts-check-stop-post");
    PostEntrypoint() { REQUIRE(::symlink(program_path().c_str(), path.c_str()) == 0); }
};

ProcessResult run_post(const PostEntrypoint& entrypoint, const Environment& env) {
    ProcessResult result = run_process(entrypoint.path, {}, env, std::chrono::seconds(40));
    REQUIRE_FALSE(result.timed_out);
    check_no_secret_leaked(result, {}, env);
    return result;
}

EmulatorOptions running_task() {
    return one_running_task(token, task);
}

}  // namespace

TEST_CASE("guard: the main run arms without a request; the post run stops the task") {
    Emulator emulator(running_task());
    const Environment inputs = action_inputs(emulator, "guard", task);
    StepFiles main_files;
    const ProcessResult main_run = run_program({}, step_environment(inputs, main_files));
    INFO("main stdout:\n" << main_run.out);
    CHECK(main_run.exit_code == 0);
    CHECK(emulator.requests().empty());
    const FileCommandValues state = read_file_commands(main_files.state);
    CHECK(state.at("armed") == "true");
    CHECK(state.at("task-ids") == task);
    CHECK(read_text_file(main_files.state).find(token) == std::string::npos);

    PostEntrypoint entrypoint;
    StepFiles post_files;
    const ProcessResult post = run_post(entrypoint, post_environment(inputs, post_files, main_files.state));
    INFO("post stdout:\n" << post.out);
    CHECK(post.exit_code == 0);
    CHECK(emulator.task_status(task) == 3);
    const FileCommandValues outputs = read_file_commands(post_files.output);
    CHECK(outputs.at("result") == "success");
    CHECK(outputs.at("stopped") == task);
}

TEST_CASE("guard: a post run whose main run never armed does nothing, whatever its inputs") {
    Emulator emulator(running_task());
    PostEntrypoint entrypoint;
    StepFiles post_files;
    // The main run failed on these inputs (a malformed task id), so it saved no state.
    const Environment inputs = action_inputs(emulator, "guard", "../bad");
    const ProcessResult post = run_post(entrypoint, step_environment(inputs, post_files));
    CHECK(post.exit_code == 0);
    CHECK(contains(post.out, "not armed"));
    CHECK(emulator.requests().empty());
    CHECK(read_text_file(post_files.output).empty());
    CHECK(emulator.task_status(task) == 0);
}

TEST_CASE("guard: invalid inputs fail the main run (exit 2) and arm nothing") {
    Emulator emulator(running_task());
    StepFiles main_files;
    const ProcessResult main_run =
        run_program({}, step_environment(action_inputs(emulator, "guard", "../bad"), main_files));
    CHECK(main_run.exit_code == 2);
    CHECK(read_text_file(main_files.state).empty());
}

TEST_CASE("guard: the post subcommand is the post run too, for use outside the image") {
    Emulator emulator(running_task());
    const Environment inputs = action_inputs(emulator, "guard", task);
    StepFiles main_files;
    REQUIRE(run_program({}, step_environment(inputs, main_files)).exit_code == 0);
    StepFiles post_files;
    const ProcessResult post = run_program({"post"}, post_environment(inputs, post_files, main_files.state));
    CHECK(post.exit_code == 0);
    CHECK(emulator.task_status(task) == 3);
}

TEST_CASE("a cancelled step's stop, then the post run: stopped, then not-running, both exit 0") {
    Emulator emulator(running_task());
    const Environment guard_inputs = action_inputs(emulator, "guard", task);
    StepFiles main_files;
    REQUIRE(run_program({}, step_environment(guard_inputs, main_files)).exit_code == 0);

    StepFiles cleanup_files;  // a step with `if: cancelled()` running mode: stop
    const ProcessResult first =
        run_program({}, step_environment(action_inputs(emulator, "stop", task), cleanup_files));
    CHECK(first.exit_code == 0);
    CHECK(read_file_commands(cleanup_files.output).at("stopped") == task);

    PostEntrypoint entrypoint;
    StepFiles post_files;
    const ProcessResult second =
        run_post(entrypoint, post_environment(guard_inputs, post_files, main_files.state));
    CHECK(second.exit_code == 0);
    const FileCommandValues outputs = read_file_commands(post_files.output);
    CHECK(outputs.at("result") == "success");
    CHECK(outputs.at("stopped").empty());
    CHECK(outputs.at("not-running") == task);
    int stops = 0;
    for (const auto& line : request_lines(emulator)) stops += contains(line, "/stop") ? 1 : 0;
    CHECK(stops == 1);  // the second run saw the task stopped and sent nothing more
}
