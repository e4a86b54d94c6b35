// The program in a hostile process environment: closed standard descriptors, exhausted limits,
// paths that name FIFOs and devices, huge inputs, signal storms. Whatever it meets, the stop still
// happens (or is reported as not done), its outputs are written, and it exits with a documented code.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <Poco/JSON/Object.h>

#include <fstream>

#include "interrupt_helpers.h"
#include "program.h"
#include "support/github_file_commands.h"
#include "support/json_result.h"

using namespace ccs::test;
using Clock = std::chrono::steady_clock;

namespace {

const std::string token = "tok-S3CR3T-hostile-5c1e08";
const std::string task = "2b31ed520000000ebedb6e57000000c3";

// Runs the program through sh, so that `prelude` (redirections, ulimit) applies to it alone.
ProcessResult run_through_shell(const std::string& prelude, const std::vector<std::string>& args,
                                const Environment& env,
                                std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    std::vector<std::string> sh_args = {"-c", prelude + " \"$@\"", "sh", program_path()};
    sh_args.insert(sh_args.end(), args.begin(), args.end());
    ProcessResult result = run_process("/bin/sh", sh_args, with_sanitizer_settings(env), timeout);
    INFO("stdout:\n" << result.out << "\nstderr:\n" << result.err);
    REQUIRE_FALSE(result.timed_out);
    check_no_secret_leaked(result, args, env);
    return result;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A directory another user may read and write, with the emulator's certificate in it.
struct SharedDir {
    TempDir dir{"ccs-shared"};
    std::string cert;
    explicit SharedDir(const Emulator& emulator) {
        ::chmod(dir.path().c_str(), 0777);
        cert = dir.write("ca.pem", read_text_file(emulator.cert_file()));
        ::chmod(cert.c_str(), 0644);
    }
};

// Runs as an unprivileged user (one nothing else runs as), for limits root is exempt from and for
// /proc ownership.
const std::string as_nobody = "exec setpriv --reuid=54321 --regid=54321 --clear-groups";
// The same, allowed one process: itself, no thread more (sh's ulimit has no -u in dash).
const std::string as_nobody_without_threads =
    "exec prlimit --nproc=1:1 setpriv --reuid=54321 --regid=54321 --clear-groups";

// The sanitizers check memory through descriptors of their own: with none left, UBSan's vptr check
// reports errors that are not there. What needs every descriptor gone runs in builds without them.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized_build = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool sanitized_build = true;
#else
constexpr bool sanitized_build = false;
#endif
#else
constexpr bool sanitized_build = false;
#endif

// setpriv needs root; elsewhere the tests that use it say so and pass.
bool can_switch_user() {
    if (::geteuid() == 0) return true;
    MESSAGE("not run: switching to another user needs root");
    return false;
}

}  // namespace

TEST_CASE("with its standard descriptors closed, the program still stops the task and writes its files") {
    for (const std::string closed : {"<&-", ">&-", "2>&-", "<&- >&- 2>&-"}) {
        CAPTURE(closed);
        Emulator emulator(one_running_task(token, task));
        const TempDir dir;
        const std::string json_file = dir.file("result.json");
        Environment env = {{"GITHUB_ACTIONS", "true"}, {"GITHUB_OUTPUT", dir.file("output")}};
        const ProcessResult run = run_through_shell(
            "exec " + closed + " 3>&-",
            joined(emulator_flags(emulator, token), {"--task-id", task, "--json-file", json_file}), env);
        CHECK(run.exit_code == 0);
        CHECK(emulator.task_status(task) == 3);
        CHECK(task_outcome(read_text_file(json_file)) == "stopped");
        CHECK(read_file_commands(dir.file("output")).at("result") == "success");
    }
}

TEST_CASE(
    "when no thread can be created, the tasks are stopped one after the other, with outputs and exit code") {
    if (!can_switch_user()) return;
    Emulator emulator(one_running_task(token, task));
    const SharedDir shared(emulator);
    const std::string json_file = shared.dir.file("result.json");
    // LSan needs a thread of its own to look for leaks: not to be had here.
    Environment env = {{"ASAN_OPTIONS", "detect_leaks=0"}};
    const ProcessResult run = run_through_shell(
        as_nobody_without_threads,
        {"--endpoint", emulator.url(), "--iam-token", token, "--ca-file", shared.cert, "--task-id", task,
         "--task-id", "2b31ed520000000ebedb6e57000000c4", "--json-file", json_file},
        env);
    CHECK(run.exit_code == 1);  // the second task is unknown to the service: failed, as documented
    CHECK(emulator.task_status(task) == 3);
    CHECK(contains(read_text_file(json_file), "\"stopped\""));
    CHECK_FALSE(contains(run.err, "internal error"));
}

TEST_CASE(
    "when sockets run out, each task is reported failed with advice about the limit, the outputs are "
    "written, and "
    "the exit is 1") {
    if (sanitized_build) {
        MESSAGE("not run in a sanitizer build: the sanitizers need descriptors of their own");
        return;
    }
    Emulator emulator(one_running_task(token, task));
    const TempDir dir;
    const std::string json_file = dir.file("result.json");
    // 0-2, the signal pipe, and one more: the CA file can be read, but no connection made.
    const ProcessResult run =
        run_through_shell("ulimit -n 6 && exec",
                          joined(emulator_flags(emulator, token),
                                 {"--task-id", task, "--json-file", json_file, "--timeout", "5s"}),
                          {});
    CHECK(run.exit_code == 1);
    CHECK(task_outcome(read_text_file(json_file)) == "failed");
    CHECK_FALSE(contains(run.err, "internal error"));
    // The machine, not the network, is short: the advice says what to raise, not where to look.
    CHECK(contains(run.err, "out of local resources"));
    CHECK(contains(run.err, "raise the open-file limit"));
    CHECK_FALSE(contains(run.err, "check the endpoint"));
}

TEST_CASE("with one descriptor free, the run says signals go unwatched and still writes its result") {
    if (sanitized_build) {
        MESSAGE("not run in a sanitizer build: the sanitizers need descriptors of their own");
        return;
    }
    Emulator emulator(one_running_task(token, task));
    const TempDir dir;
    const std::string json_file = dir.file("result.json");
    // 0-2 and one more: no pipe for the signals, no connection, but the JSON file.
    const ProcessResult run =
        run_through_shell("ulimit -n 4 && exec",
                          joined(emulator_flags(emulator, token),
                                 {"--task-id", task, "--json-file", json_file, "--timeout", "5s"}),
                          {});
    CHECK(run.exit_code == 1);
    CHECK(task_outcome(read_text_file(json_file)) == "failed");
    CHECK(contains(run.err + run.out, "signals cannot be watched"));
    CHECK_FALSE(contains(run.err, "internal error"));
}

TEST_CASE("a low soft limit of open files is raised: the stop goes out") {
    Emulator emulator(one_running_task(token, task));
    const ProcessResult run = run_through_shell(
        "ulimit -Sn 5 && exec", joined(emulator_flags(emulator, token), {"--task-id", task}), {});
    CHECK(run.exit_code == 0);
    CHECK(emulator.task_status(task) == 3);
}

TEST_CASE("the process is not dumpable: no core file can hold its secrets") {
    if (!can_switch_user()) return;
    Emulator emulator(one_running_task(token, task));
    const SharedDir shared(emulator);
    // A non-dumpable process's /proc entries belong to root, whoever runs it; the watched command
    // (exec makes it dumpable again) looks at its parent's.
    const ProcessResult run = run_through_shell(
        as_nobody,
        {"watch", "--endpoint", emulator.url(), "--iam-token", token, "--ca-file", shared.cert, "--task-id",
         task, "--", "sh", "-c", "stat -c owner=%u /proc/$PPID/status"},
        command_environment());
    CHECK(run.exit_code == 0);
    CHECK(contains(run.out, "owner=0\n"));
}

TEST_CASE("a task id file that is a FIFO nobody writes ends by the deadline, with a message naming it") {
    Emulator emulator(one_running_task(token, task));
    const TempDir dir;
    const std::string fifo = dir.file("ids");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto started = Clock::now();
    const ProcessResult run =
        run_program(joined(emulator_flags(emulator, token),
                           {"--task-id-file", fifo, "--task-id", task, "--timeout", "2s"}),
                    {}, std::chrono::seconds(15));
    CHECK(seconds_since(started) < 6);
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "--task-id-file"));
    CHECK(request_lines(emulator).empty());
}

TEST_CASE("outputs that are FIFOs with no reader or devices do not hold the run up, and the stop happens") {
    Emulator emulator(one_running_task(token, task));
    const TempDir dir;
    const std::string fifo = dir.file("out");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    Environment env = {
        {"GITHUB_ACTIONS", "true"}, {"GITHUB_OUTPUT", fifo}, {"GITHUB_STEP_SUMMARY", "/dev/full"}};
    const auto started = Clock::now();
    // Not run_program: its look for leaked secrets would read the FIFO, and wait for a writer forever.
    const std::vector<std::string> args =
        joined(emulator_flags(emulator, token), {"--task-id", task, "--json-file", fifo, "--timeout", "5s"});
    const ProcessResult run =
        run_process(program_path(), args, with_sanitizer_settings(env), std::chrono::seconds(20));
    INFO("stdout:\n" << run.out << "\nstderr:\n" << run.err);
    REQUIRE_FALSE(run.timed_out);
    CHECK_FALSE(leaks(run.out + run.err, token));
    CHECK(seconds_since(started) < 8);
    CHECK(run.exit_code == 0);
    CHECK(emulator.task_status(task) == 3);
    CHECK(contains(run.err + run.out, "could not write"));
}

TEST_CASE("CA and id-token files that are huge or sparse are refused by their size, not read") {
    Emulator emulator(one_running_task(token, task));
    const TempDir dir;
    const std::string sparse = dir.file("sparse");
    { std::ofstream file(sparse); }
    REQUIRE(::truncate(sparse.c_str(), 64LL * 1024 * 1024 * 1024) == 0);  // 64 GiB, no blocks
    const auto started = Clock::now();
    const ProcessResult run = run_program(
        {"--endpoint", emulator.url(), "--iam-token", token, "--ca-file", sparse, "--task-id", task}, {},
        std::chrono::seconds(15));
    CHECK(seconds_since(started) < 5);
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "too large"));
    CHECK(request_lines(emulator).empty());
}

TEST_CASE("100,000 task ids from a file are read and de-duplicated at once, and the outputs stay capped") {
    Emulator emulator(one_running_task(token, task));
    const TempDir dir;
    std::string ids;
    for (int i = 0; i < 100000; ++i) {
        const std::string number = std::to_string(i % 60000);  // 40,000 duplicates
        ids +=
            std::string(6 - number.size(), '0') + number + "-0123456789abcdef012345678\n";  // 32 characters
    }
    const std::string file = dir.write("ids", ids);
    Environment env = {{"GITHUB_ACTIONS", "true"},
                       {"GITHUB_OUTPUT", dir.file("output")},
                       {"GITHUB_STEP_SUMMARY", dir.file("summary")}};
    const auto started = Clock::now();
    // Every call fails at once (nothing listens on the port), so the deadline is what ends the run.
    const ProcessResult run =
        run_program({"--endpoint", "https://127.0.0.1:9", "--iam-token", token, "--task-id-file", file,
                     "--timeout", "3s", "--retries", "1", "--json-file", dir.file("result.json")},
                    env, std::chrono::seconds(30));
    const double took = seconds_since(started);
    CHECK(took < 6);  // generous: the deadline is 3 s and the ids take well under one
    CHECK(run.exit_code == 1);
    CHECK(read_text_file(dir.file("output")).size() < 1024 * 1024);
    CHECK(read_text_file(dir.file("summary")).size() < 1024 * 1024);
    CHECK(read_text_file(dir.file("result.json")).size() < 64 * 1024 * 1024);
    CHECK(run.out.size() + run.err.size() < 4 * 1024 * 1024);
    const FileCommandValues outputs = read_file_commands(dir.file("output"));
    CHECK(outputs.at("request-ids").size() < 64 * 1024);
}

TEST_CASE("a storm of signals ends the stop with its documented code, and one line for the second signal") {
    Emulator emulator(one_running_task(token, task));
    emulator.load_scenario(R"({"rules":[{"call":"stop","fault":"hang"}]})");
    BackgroundProgram program(joined(emulator_flags(emulator, token),
                                     {"--task-id", task, "--timeout", "60s", "--grace", "5s", "--json"}),
                              {});
    REQUIRE(eventually([&] { return !requests_to(emulator, "/stop").empty(); }));
    // The storm goes on until the program has exited (at most 10 s), so it also meets the last writes
    // and the return from main: no signal there may replace the exit code (once, one did: 129).
    const auto storm_until = Clock::now() + std::chrono::seconds(10);
    while (!program.exited() && Clock::now() < storm_until) {
        for (const int signal : {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGPIPE}) program.signal(signal);
    }
    CHECK(program.finish() == 1);
    CHECK(task_outcome(program.out()) == "failed");
    const std::string err = program.err();
    std::size_t second = 0;
    for (auto at = err.find("a second signal"); at != std::string::npos;
         at = err.find("a second signal", at + 1))
        ++second;
    CHECK(second == 1);
}
