// `watch` end to end with real processes and real signals: the program runs a command, and stops the
// task in the emulator when the command times out or the program is interrupted.
#include <doctest/doctest.h>

#include <Poco/JSON/Object.h>

#include <algorithm>

#include "interrupt_helpers.h"
#include "program.h"
#include "support/json_result.h"
#include "support/temp_dir.h"

using namespace ccs::test;

namespace {

const std::string token = "tok-S3CR3T-watch-5be1c9";
const std::string task = "2b31ed520000000ebedb6e57000000a1";

EmulatorOptions running_task() {
    return one_running_task(token, task);
}

// watch, the emulator's flags, `options` (--task-id `task` unless they name a --task-id-file), --, `command`.
std::vector<std::string> watch_args(const Emulator& emulator, const std::vector<std::string>& options,
                                    const std::vector<std::string>& command) {
    std::vector<std::string> args = {"watch"};
    args = joined(args, emulator_flags(emulator, token));
    if (std::find(options.begin(), options.end(), "--task-id-file") == options.end()) {
        args = joined(args, {"--task-id", task});
    }
    args = joined(args, options);
    args.push_back("--");
    return joined(args, command);
}

// A command that records its pid, then becomes `sleep 60`.
std::vector<std::string> recorded_sleep(const TempDir& dir) {
    return {"/bin/sh", "-c", "echo $$ > '" + dir.file("pid") + "'; exec sleep 60"};
}

// A command that, on TERM, INT or HUP, writes a marker, takes a second to shut down, and writes the
// time it exits (unix ms) just before it does: later than anything that happened before its end.
std::vector<std::string> slow_to_stop(const TempDir& dir) {
    const std::string script = "trap 'echo got > \"" + dir.file("signalled") +
                               "\"; sleep 1; date +%s%3N > \"" + dir.file("exited") +
                               "\"; exit 0' TERM INT HUP\n"
                               "echo $$ > \"" +
                               dir.file("pid") +
                               "\"\n"
                               "while :; do sleep 0.1; done\n";
    return {"/bin/sh", "-c", script};
}

}  // namespace

TEST_CASE(
    "watch --timeout 1s -- sleep 60: the stop reaches the service within 1.5 s, the command is gone, exit "
    "124") {
    Emulator emulator(running_task());
    TempDir dir;
    const double started = unix_ms_now();
    const ProcessResult run = run_program(
        watch_args(emulator, {"--timeout", "1s", "--json"}, recorded_sleep(dir)), command_environment());
    INFO("stdout:\n" << run.out << "\nstderr:\n" << run.err);
    CHECK(run.exit_code == 124);
    const auto stops = requests_to(emulator, "/stop");
    REQUIRE(stops.size() == 1);
    CHECK(stops[0].received_unix_ms - started < 1500);
    CHECK(stops[0].received_unix_ms - started >= 1000);
    CHECK(emulator.task_status(task) == 3);
    // The stop is the first call: a look at the progress before it would only delay it.
    const auto requests = emulator.requests();
    REQUIRE(requests.size() >= 2);
    CHECK(requests.front().path == stops[0].path);
    CHECK(requests_to(emulator, "/progress").size() >= 1);  // and its effect is confirmed

    const pid_t command = static_cast<pid_t>(std::stol(file_text(dir.file("pid"))));
    CHECK_FALSE(process_exists(command));
    CHECK(contains(run.err, "--timeout"));
    const auto result = parse_json_object(run.out);
    CHECK(result->getValue<std::string>("result") == "success");
    CHECK(result->getValue<int>("exit-code") == 124);
}

TEST_CASE(
    "watch sent SIGTERM or SIGINT: the stop reaches the service before the command has ended; 128 + N") {
    for (const int signal : {SIGTERM, SIGINT}) {
        CAPTURE(signal);
        Emulator emulator(running_task());
        TempDir dir;
        BackgroundProgram program(watch_args(emulator, {}, slow_to_stop(dir)), command_environment());
        REQUIRE(eventually([&] { return !file_text(dir.file("pid")).empty(); }));
        REQUIRE(program.signal(signal));
        CHECK(program.finish() == 128 + signal);

        const auto stops = requests_to(emulator, "/stop");
        REQUIRE(stops.size() == 1);
        CHECK(file_text(dir.file("signalled")) == "got");  // the signal was passed on
        const std::string exited = file_text(dir.file("exited"));
        REQUIRE_FALSE(exited.empty());
        // The command took a second to end after the signal; the stop did not wait for it.
        CHECK(stops[0].received_unix_ms < std::stod(exited));
        CHECK(emulator.task_status(task) == 3);
        CHECK(contains(program.err(), "the command ended with exit code 0"));
    }
}

TEST_CASE(
    "as PID 1 of a PID namespace (no default signal action there), watch still stops the task on SIGTERM") {
    const std::vector<std::string> unshare = pid_namespace_unshare();
    if (unshare.empty()) {
        MESSAGE("unshare cannot make a PID namespace here (no privilege, no user namespaces): not tested");
        return;
    }
    Emulator emulator(running_task());
    TempDir dir;
    const std::vector<std::string> args =
        joined(joined(unshare, {program_path()}), watch_args(emulator, {}, recorded_sleep(dir)));
    BackgroundProgram program(args, command_environment(), "/usr/bin/unshare");
    REQUIRE(eventually([&] { return !file_text(dir.file("pid")).empty(); }));
    REQUIRE(::kill(namespace_init(program.pid()), SIGTERM) == 0);
    CHECK(program.finish() == 143);
    CHECK(requests_to(emulator, "/stop").size() == 1);
    CHECK(emulator.task_status(task) == 3);
}

TEST_CASE("watch reads --task-id-file when the stop is due: a build step may write it after the start") {
    Emulator emulator(running_task());
    TempDir dir;
    const std::string id_file = dir.file("task-id");
    const std::vector<std::string> command = {"/bin/sh", "-c",
                                              "sleep 0.2; echo " + task + " > '" + id_file + "'; sleep 60"};
    const ProcessResult run = run_program(
        watch_args(emulator, {"--task-id-file", id_file, "--timeout", "1s"}, command), command_environment());
    INFO("stdout:\n" << run.out << "\nstderr:\n" << run.err);
    CHECK(run.exit_code == 124);
    CHECK(emulator.task_status(task) == 3);
}

TEST_CASE("a watched command that ends by itself: its exit code, and no request is sent") {
    Emulator emulator(running_task());
    const ProcessResult run = run_program(
        watch_args(emulator, {"--timeout", "30s"}, {"/bin/sh", "-c", "exit 7"}), command_environment());
    INFO("stdout:\n" << run.out << "\nstderr:\n" << run.err);
    CHECK(run.exit_code == 7);
    CHECK(emulator.requests().empty());
    CHECK(emulator.task_status(task) == 0);
}

TEST_CASE("a watched command that cannot be started: exit 127, the message names it, nothing sent") {
    Emulator emulator(running_task());
    const ProcessResult run =
        run_program(watch_args(emulator, {}, {"no-such-command-ccs"}), command_environment());
    INFO("stdout:\n" << run.out << "\nstderr:\n" << run.err);
    CHECK(run.exit_code == 127);
    CHECK(contains(run.err, "no-such-command-ccs"));
    CHECK(emulator.requests().empty());
}

TEST_CASE("watch without a command after -- is invalid input") {
    const ProcessResult run =
        run_program({"watch", "--task-id", task, "--iam-token", token, "--region", "cn-north-4"});
    INFO("stdout:\n" << run.out << "\nstderr:\n" << run.err);
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "watch [options] -- COMMAND"));
}
