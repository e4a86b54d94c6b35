// Run mode's progress as a user sees it: on a terminal (a pseudo-terminal from util-linux's `script`)
// one row per task redrawn in place, its final state left on the screen; in a log (stderr not a
// terminal, or a CI's log even on a pty) plain lines. The real program against the emulator.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "interrupt_helpers.h"
#include "program.h"

using namespace ccs::test;

namespace {

const std::string token = "tok-S3CR3T-terminal-7a1e90";
const std::string task = "3c41fe520000000ebedb6e5700000a11";
const std::string script_path = "/usr/bin/script";

// A check that reads "10%" queued, then "50%" with an info that tries to clear the screen and move
// the cursor, and succeeds after 3 s: with --poll-interval 1s, the looks after 1 s and 2 s see it
// running, one at each step.
const std::string check = R"({"id": ")" + task + R"(", "status": null, "run": {"steps": [
    {"after_ms": 0, "ratio": "10%", "info": "queued"},
    {"after_ms": 1500, "ratio": "50%", "info": "scanning\u001b[2J\u001b[H\r"}],
    "duration_ms": 3000, "final_status": 2, "results": {"severity": {"minor": 1}, "is_access": "true"}}})";

EmulatorOptions with_token() {
    EmulatorOptions options;
    options.tokens = {token};
    return options;
}

std::vector<std::string> run_args(const Emulator& emulator) {
    return joined(joined({"run"}, emulator_flags(emulator, token)),
                  {"--poll-interval", "1s", "--timeout", "60s", "--task-id", task});
}

std::string quoted(const std::string& word) {
    std::string text = "'";
    for (const char c : word) text += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return text + "'";
}

// The program on a pseudo-terminal `columns` wide: its stdout and stderr both go to the terminal,
// whose bytes come back as `script`'s stdout (line ends as CRLF).
ProcessResult run_on_terminal(const std::vector<std::string>& args, Environment env, int columns) {
    std::string command =
        "stty cols " + std::to_string(columns) + " rows 24 && exec " + quoted(program_path());
    for (const auto& arg : args) command += " " + quoted(arg);
    env["TERM"] = "xterm";
    env["PATH"] = "/usr/bin:/bin";
    env["SHELL"] = "/bin/sh";
    ProcessResult result = run_process(script_path, {"-qec", command, "/dev/null"},
                                       with_sanitizer_settings(env), std::chrono::seconds(60));
    INFO("terminal:\n" << result.out << "\nstderr:\n" << result.err);
    REQUIRE_FALSE(result.timed_out);
    check_no_secret_leaked(result, args, env);
    return result;
}

}  // namespace

TEST_CASE("run on a terminal: one row per task, redrawn in place; the final state stays") {
    Emulator emulator(with_token());
    emulator.setup_task(check);
    const ProcessResult result = run_on_terminal(run_args(emulator), {}, 60);
    INFO("terminal:\n" << result.out);
    CHECK(result.exit_code == 0);
    const std::string& screen = result.out;
    CHECK(contains(screen, "\r\x1b[2K" + task + "  started"));
    CHECK(contains(screen, "\x1b[1A"));  // the row is redrawn where it was
    CHECK(contains(screen, "\r\x1b[2K" + task + "  passed"));
    CHECK(contains(screen, "\r\x1b[2K" + task + "  running  10%  queued"));
    // 60 columns, 59 used: the info's control characters are spaces, and it is cut to fit.
    CHECK(contains(screen, "\r\x1b[2K" + task + "  running  50%  scanning […\r\n"));
    // The service's text never reaches the terminal as control sequences.
    CHECK_FALSE(contains(screen, "\x1b[2J"));
    CHECK_FALSE(contains(screen, "\x1b[H"));
    // Log lines are printed above the block, the results under it, as lines.
    CHECK(contains(screen, "codearts-check-stop: task " + task + ": check started"));
    CHECK(contains(screen, "codearts-check-stop: result: success"));
    // The looks are the block's: no log line for them.
    CHECK_FALSE(contains(screen, "codearts-check-stop: task " + task + ": 10% queued"));
}

TEST_CASE("run in a log: the looks are log lines, no cursor movement") {
    Emulator emulator(with_token());
    emulator.setup_task(check);
    std::string text;
    SUBCASE("stderr is not a terminal") {
        const ProcessResult result = run_program(run_args(emulator));
        CHECK(result.exit_code == 0);
        text = result.err;
    }
    SUBCASE("Jenkins runs it under a pty: its log is still no terminal") {
        const ProcessResult result =
            run_on_terminal(run_args(emulator), {{"JENKINS_URL", "https://jenkins.example.com/"}}, 80);
        CHECK(result.exit_code == 0);
        text = result.out;
    }
    INFO("output:\n" << text);
    CHECK(contains(text, "codearts-check-stop: task " + task + ": 10% queued"));
    CHECK(contains(text, "codearts-check-stop: task " + task + ": 50% scanning"));
    CHECK_FALSE(contains(text, "\x1b[2K"));
    CHECK_FALSE(contains(text, "\x1b[1A"));
    CHECK_FALSE(contains(text, "\x1b[2J"));
}
