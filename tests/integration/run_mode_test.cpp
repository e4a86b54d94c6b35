// Run mode end to end: the real program against the emulator over HTTPS on loopback. Each case starts
// checks whose emulated runs last a few hundred milliseconds; with --poll-interval 1s (the least
// allowed) the first look at a check's progress comes after a second, so a case takes about that
// long. No timing is asserted: only what was sent, the exit code and the outputs.
#include <doctest/doctest.h>

#include <signal.h>
#include <unistd.h>

#include <string>
#include <thread>
#include <vector>

#include "interrupt_helpers.h"
#include "program.h"
#include "support/github_file_commands.h"
#include "support/json_result.h"
#include "support/temp_dir.h"

using namespace ccs::test;

namespace {

const std::string token = "tok-S3CR3T-run-5d21c7";
const std::string task = "3c41fe520000000ebedb6e57000000d4";
const std::string other_task = "3c41fe520000000ebedb6e57000000d5";

// A check that is not running; started, it ends after 300 ms with `final_status` and `results`.
std::string check(const std::string& id, int final_status, const std::string& results,
                  const std::string& status = "null") {
    std::string run = R"({"steps": [{"after_ms": 0, "ratio": "0%", "info": "queued"},
        {"after_ms": 100, "ratio": "50%", "info": "scanning"}], "duration_ms": 300, "final_status": )" +
                      std::to_string(final_status);
    if (!results.empty()) run += R"(, "results": )" + results;
    return R"({"id": ")" + id + R"(", "status": )" + status + R"(, "run": )" + run + "}}";
}

const std::string passing = R"({"severity": {"minor": 3, "suggestion": 5}, "is_access": "true"})";

// A check that runs until it is stopped.
std::string endless(const std::string& id) {
    return R"({"id": ")" + id +
           R"(", "status": null, "run": {"steps": [{"after_ms": 0, "ratio": "5%", "info": "scanning"}]}})";
}

EmulatorOptions with_token() {
    EmulatorOptions options;
    options.tokens = {token};
    return options;
}

std::vector<std::string> run_args(const Emulator& emulator, const std::vector<std::string>& more) {
    return joined(joined({"run"}, emulator_flags(emulator, token)), joined({"--poll-interval", "1s"}, more));
}

std::string value_of(const FileCommandValues& values, const std::string& name) {
    const auto found = values.find(name);
    return found == values.end() ? std::string("<absent>") : found->second;
}

}  // namespace

TEST_CASE("run: a check that passes its gate: exit 0, and the outputs say so") {
    Emulator emulator(with_token());
    emulator.setup_task(check(task, 2, passing));
    const StepFiles files;
    const ProcessResult result =
        run_program(run_args(emulator, {"--task-id", task, "--ref", "merge_request"}), files.environment());
    CHECK(result.exit_code == 0);
    CHECK(requests_to(emulator, "/run").size() == 1);
    const EmulatedTask emulated = emulator.task(task);
    REQUIRE(emulated.exec_ids.size() == 1);
    CHECK(emulated.last_run_body.value_or("") == R"({"ref":"merge_request"})");
    const FileCommandValues outputs = read_file_commands(files.output);
    CHECK(value_of(outputs, "result") == "success");
    CHECK(value_of(outputs, "exec-ids") == emulated.exec_ids.front());
    CHECK(contains(value_of(outputs, "task-status"), task));
    CHECK(contains(value_of(outputs, "task-status"), "passed"));
    CHECK(value_of(outputs, "minor") == "3");
    CHECK(value_of(outputs, "suggestion") == "5");
    CHECK(value_of(outputs, "critical") == "0");
    CHECK(value_of(outputs, "gate") == "passed");
    CHECK(requests_to(emulator, "/stop").empty());
}

TEST_CASE(
    "run: a gate that fails (the task's own, or --fail-on's), a check that fails, one stopped elsewhere: "
    "exit 1") {
    Emulator emulator(with_token());
    std::string expected_status;
    std::vector<std::string> more{"--task-id", task};
    SUBCASE("the service's gate: is_access false") {
        emulator.setup_task(check(task, 2, R"({"severity": {"major": 2}, "is_access": "false"})"));
        expected_status = "gate-failed";
    }
    SUBCASE("--fail-on major>1, though the service's gate passes") {
        emulator.setup_task(check(task, 2, R"({"severity": {"major": 2}, "is_access": "true"})"));
        more = joined(more, {"--fail-on", "major>1"});
        expected_status = "gate-failed";
    }
    SUBCASE("the check fails") {
        emulator.setup_task(check(task, 1, ""));
        expected_status = "check-failed";
    }
    SUBCASE("someone else stops it") {
        emulator.setup_task(check(task, 3, ""));
        expected_status = "stopped-elsewhere";
    }
    const StepFiles files;
    const ProcessResult result = run_program(run_args(emulator, more), files.environment());
    CHECK(result.exit_code == 1);
    const FileCommandValues outputs = read_file_commands(files.output);
    CHECK(value_of(outputs, "result") == "failure");
    CHECK(contains(value_of(outputs, "task-status"), expected_status));
    CHECK(requests_to(emulator, "/stop").empty());
}

TEST_CASE("run: --fail-on never passes a check whose gate failed") {
    Emulator emulator(with_token());
    emulator.setup_task(check(task, 2, R"({"severity": {"critical": 4}, "is_access": "false"})"));
    const ProcessResult result = run_program(run_args(emulator, {"--task-id", task, "--fail-on", "never"}));
    CHECK(result.exit_code == 0);
}

TEST_CASE("run: a check already running is followed, not restarted") {
    Emulator emulator(with_token());
    emulator.setup_task(check(task, 2, passing, "0"));
    const ProcessResult result = run_program(run_args(emulator, {"--task-id", task}));
    CHECK(result.exit_code == 0);
    const std::vector<RecordedRequest> runs = requests_to(emulator, "/run");
    REQUIRE(runs.size() == 1);
    CHECK(contains(runs.front().body, "{}"));
    CHECK(emulator.task(task).exec_ids.empty());
    CHECK_FALSE(requests_to(emulator, "/progress").empty());
    CHECK(contains(result.err + result.out, "already running"));
}

TEST_CASE("run: two tasks at once, one fails: both followed, exit 1") {
    Emulator emulator(with_token());
    emulator.setup_task(check(task, 2, passing));
    emulator.setup_task(check(other_task, 1, ""));
    const ProcessResult result = run_program(run_args(emulator, {"--task-id", task + "," + other_task}));
    CHECK(result.exit_code == 1);
    CHECK(emulator.task(task).exec_ids.size() == 1);
    CHECK(emulator.task(other_task).exec_ids.size() == 1);
}

TEST_CASE("run: the timeout stops the checks: a stop is sent, exit 124") {
    Emulator emulator(with_token());
    emulator.setup_task(endless(task));
    const StepFiles files;
    const ProcessResult result =
        run_program(run_args(emulator, {"--task-id", task, "--timeout", "1s"}), files.environment());
    CHECK(result.exit_code == 124);
    CHECK(contains(result.err + result.out, "--timeout (1 s) passed"));
    CHECK(requests_to(emulator, "/stop").size() >= 1);
    CHECK(emulator.task_status(task) == 3);
    const FileCommandValues outputs = read_file_commands(files.output);
    CHECK(value_of(outputs, "stopped") == task);
    CHECK(contains(value_of(outputs, "task-status"), "stopped"));
    // Its check ended by our stop: the post run has nothing left to do.
    CHECK(value_of(read_file_commands(files.state), "armed") == "false");
}

TEST_CASE("run mode: SIGTERM, SIGINT or SIGHUP stops the checks: exit 128 + N, status stopped") {
    int signal = SIGTERM;
    SUBCASE("SIGTERM") {
        signal = SIGTERM;
    }
    SUBCASE("SIGINT") {
        signal = SIGINT;
    }
    SUBCASE("SIGHUP (the terminal or the session went away)") {
        signal = SIGHUP;
    }
    Emulator emulator(with_token());
    emulator.setup_task(endless(task));
    const StepFiles files;
    BackgroundProgram program(run_args(emulator, {"--task-id", task}), files.environment());
    REQUIRE(eventually([&] { return !requests_to(emulator, "/run").empty(); }));
    REQUIRE(program.signal(signal));
    CHECK(program.finish() == 128 + signal);
    CHECK(requests_to(emulator, "/stop").size() == 1);
    CHECK(emulator.task_status(task) == 3);
    const FileCommandValues outputs = read_file_commands(files.output);
    CHECK(value_of(outputs, "stopped") == task);
    CHECK(value_of(outputs, "task-status") == "{\"" + task + "\":\"stopped\"}");
    CHECK(value_of(outputs, "result") == "failure");
}

TEST_CASE(
    "run mode: a second signal while the stop is in flight ends the run now: 128 + N of the first, one "
    "line for it, the JSON still written") {
    Emulator emulator(with_token());
    emulator.setup_task(endless(task));
    // The stop hangs (the emulator holds it up to 120 s): only the second signal ends the wait for it,
    // the first gives it --grace 30s.
    emulator.load_scenario(R"({"rules": [{"call": "stop", "fault": "hang"}]})");
    const TempDir dir;
    const std::string json_file = dir.file("result.json");
    BackgroundProgram program(
        run_args(emulator, {"--task-id", task, "--grace", "30s", "--json-file", json_file}), {});
    REQUIRE(eventually([&] { return !requests_to(emulator, "/run").empty(); }));
    REQUIRE(program.signal(SIGTERM));
    REQUIRE(eventually([&] { return !requests_to(emulator, "/stop").empty(); }));  // sent, unanswered
    REQUIRE(program.signal(SIGINT));
    // Two signals pending at once are delivered lowest number first (SIGHUP before SIGINT): let the
    // second be taken before the third is sent.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    REQUIRE(program.signal(SIGHUP));  // a third: no more news, no more lines
    // Well inside the 30 s the first signal left: the second cut it short.
    CHECK(program.finish(std::chrono::seconds(5)) == 128 + SIGTERM);
    const std::string log = program.out() + program.err();
    std::size_t second_signal_lines = 0;
    for (std::size_t at = log.find("a second signal"); at != std::string::npos;
         at = log.find("a second signal", at + 1)) {
        ++second_signal_lines;
    }
    CHECK(second_signal_lines == 1);
    CHECK(contains(log, "received SIGINT, a second signal"));
    // Said when it happened: before the result it brought about, not after it.
    CHECK(log.find("a second signal") < log.find("result: failure"));
    CHECK_FALSE(contains(log, "received SIGHUP"));
    const auto result = parse_json_object(file_text(json_file));
    CHECK(result->getValue<int>("exit-code") == 128 + SIGTERM);
    CHECK(result->getValue<std::string>("result") == "failure");
    // Its stop was cut off unanswered: not known to be stopped, so `failed`, not `stopped`.
    CHECK(joined_strings(result, "failed") == task);
    CHECK(task_outcome(file_text(json_file)) == "failed");
}

TEST_CASE(
    "run mode as PID 1 of a PID namespace (no default signal action there): SIGTERM still stops the check, "
    "exit 143") {
    const std::vector<std::string> unshare = pid_namespace_unshare();
    if (unshare.empty()) {
        MESSAGE("unshare cannot make a PID namespace here (no privilege, no user namespaces): not tested");
        return;
    }
    Emulator emulator(with_token());
    emulator.setup_task(endless(task));
    BackgroundProgram program(
        joined(joined(unshare, {program_path()}), run_args(emulator, {"--task-id", task})),
        command_environment(), "/usr/bin/unshare");
    REQUIRE(eventually([&] { return !requests_to(emulator, "/run").empty(); }));
    REQUIRE(::kill(namespace_init(program.pid()), SIGTERM) == 0);
    CHECK(program.finish() == 143);
    CHECK(requests_to(emulator, "/stop").size() == 1);
    CHECK(emulator.task_status(task) == 3);
}

TEST_CASE("run on GitHub: the post run is armed before the first /run, and disarmed once the checks end") {
    Emulator emulator(with_token());
    emulator.setup_task(check(task, 2, passing));
    // The start is answered late: while it is pending, the state file is what a killed job would leave.
    emulator.load_scenario(R"({"rules": [{"call": "run", "times": 1, "delay_ms": 1500}]})");
    const StepFiles files;
    BackgroundProgram program(run_args(emulator, {"--task-id", task}), files.environment());
    REQUIRE(eventually([&] { return !requests_to(emulator, "/run").empty(); }));
    const FileCommandValues armed = read_file_commands(files.state);
    CHECK(value_of(armed, "armed") == "true");
    CHECK(value_of(armed, "task-ids") == task);
    CHECK(value_of(armed, "mode") == "run");
    CHECK(program.finish() == 0);
    CHECK(value_of(read_file_commands(files.state), "armed") == "false");
}

TEST_CASE("run: progress that is busy a few times is tried again; the check still passes") {
    Emulator emulator(with_token());
    emulator.setup_task(check(task, 2, passing));
    emulator.load_scenario(R"({"rules": [{"call": "progress", "times": 2, "status": 503,
        "body": {"error_code": "CC.00000000", "error_msg": "网络繁忙,请稍后再试"}}]})");
    const ProcessResult result = run_program(run_args(emulator, {"--task-id", task, "--retries", "1"}));
    CHECK(result.exit_code == 0);
    CHECK(requests_to(emulator, "/progress").size() >= 3);
}

TEST_CASE("run with AK/SK: every call signed, the check passes") {
    const std::string ak = "RUNAK0000000000000000";
    const std::string sk = "runSK-S3CR3T-0000000000000000000000000";
    const std::string project = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    Emulator emulator;
    emulator.load_scenario(R"({"credentials": {"access_keys": [{"ak": ")" + ak + R"(", "sk": ")" + sk +
                           R"(", "project_id": ")" + project + R"("}]}, "tokens": []})");
    emulator.setup_task(check(task, 2, passing));
    const ProcessResult result =
        run_program({"run", "--endpoint", emulator.url(), "--ca-file", emulator.cert_file(), "--ak", ak,
                     "--sk", sk, "--project-id", project, "--poll-interval", "1s", "--task-id", task});
    CHECK(result.exit_code == 0);
    const std::vector<RecordedRequest> requests = emulator.requests();
    REQUIRE_FALSE(requests.empty());
    for (const RecordedRequest& request : requests) {
        const std::string* authorization = request.header("Authorization");
        REQUIRE(authorization != nullptr);
        CHECK(contains(*authorization, "Access=" + ak));
        CHECK(request.status == 200);
    }
}

TEST_CASE("run: bad input is refused before any request, exit 2") {
    Emulator emulator(with_token());
    emulator.setup_task(check(task, 2, passing));
    std::vector<std::string> more{"--task-id", task};
    std::string named;
    SUBCASE("--fail-on blocker") {
        more = joined(more, {"--fail-on", "blocker"});
        named = "--fail-on";
    }
    SUBCASE("--ref main") {
        more = joined(more, {"--ref", "main"});
        named = "--ref";
    }
    SUBCASE("--poll-interval 500ms") {
        more = joined(more, {"--poll-interval", "500ms"});
        named = "--poll-interval";
    }
    std::vector<std::string> args = joined(joined({"run"}, emulator_flags(emulator, token)), more);
    const ProcessResult result = run_program(args);
    CHECK(result.exit_code == 2);
    CHECK(contains(result.err + result.out, named));
    CHECK(emulator.requests().empty());
}

TEST_CASE("run: --dry-run shows the start of each check and sends nothing") {
    Emulator emulator(with_token());
    const ProcessResult result =
        run_program(joined(joined({"--mode", "run"}, emulator_flags(emulator, token)),
                           {"--task-id", task, "--ref", "pull", "--dry-run"}));
    CHECK(result.exit_code == 0);
    CHECK(contains(result.out, "POST " + emulator.url() + "/v2/tasks/" + task + "/run"));
    CHECK(contains(result.out, R"({"ref":"pull"})"));
    CHECK(emulator.requests().empty());
}

TEST_CASE("run on GitHub: a main run killed while it follows leaves the post run to stop the check") {
    Emulator emulator(with_token());
    emulator.setup_task(endless(task));
    const Environment inputs = {{"INPUT_MODE", "run"},
                                {"INPUT_TASK-ID", task},
                                {"INPUT_ENDPOINT", emulator.url()},
                                {"INPUT_IAM-TOKEN", token},
                                {"INPUT_CA-FILE", emulator.cert_file()},
                                {"INPUT_TIMEOUT", "90m"},
                                {"INPUT_FAIL-ON", "critical"},
                                {"INPUT_POLL-INTERVAL", "1s"},
                                {"INPUT_REF", ""}};
    const StepFiles main_files;
    Environment main_env = main_files.environment();
    main_env.insert(inputs.begin(), inputs.end());
    BackgroundProgram main_run({}, main_env);
    REQUIRE(eventually([&] { return !requests_to(emulator, "/run").empty(); }));
    REQUIRE(main_run.signal(SIGKILL));  // the container is gone: no stop from the main run
    CHECK(main_run.finish() == 128 + SIGKILL);
    CHECK(requests_to(emulator, "/stop").empty());

    // The post run: argv[0] codearts-check-stop-post, the inputs again, the state as STATE_*.
    const TempDir image{"ccs-image"};
    const std::string post = image.file("codearts-check-stop-post");
    REQUIRE(::symlink(program_path().c_str(), post.c_str()) == 0);
    const StepFiles post_files;
    Environment post_env = post_files.environment();
    post_env.insert(inputs.begin(), inputs.end());
    for (const auto& [name, value] : read_file_commands(main_files.state)) post_env["STATE_" + name] = value;
    const ProcessResult result =
        run_process(post, {}, with_sanitizer_settings(post_env), std::chrono::seconds(40));
    INFO("stdout:\n" << result.out << "\nstderr:\n" << result.err);
    REQUIRE_FALSE(result.timed_out);
    CHECK(result.exit_code == 0);
    CHECK(requests_to(emulator, "/stop").size() == 1);
    CHECK(emulator.task_status(task) == 3);
    CHECK(value_of(read_file_commands(post_files.output), "stopped") == task);
}
