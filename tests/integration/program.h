// Running codearts-check-stop as a real process, and checking what it printed and wrote.
#pragma once

#include <doctest/doctest.h>

#include <Poco/Environment.h>

#include <string>
#include <utility>
#include <vector>

#include "support/emulator.h"
#include "support/process.h"
#include "support/secret_hygiene.h"
#include "support/temp_dir.h"

namespace ccs::test {

// The program this build made, or another build of it that CCS_TEST_PROGRAM names (.ci/run points it
// at the statically linked one a prebuilt image ships, so that it passes the suite too).
inline std::string program_path() {
    const std::string other = Poco::Environment::get("CCS_TEST_PROGRAM", "");
    return other.empty() ? CCS_PROGRAM_PATH : other;
}

// Fails the test for every secret of this run found in what it printed, or in the files a GitHub
// runner gives it to write. Every run_program() call does this; tests that give the program other
// files to write check them with secret_findings() too.
inline void check_no_secret_leaked(const ProcessResult& result, const std::vector<std::string>& args,
                                   const Environment& env) {
    const std::vector<std::string> secrets = secrets_in(args, env);
    std::vector<std::string> findings = secret_findings(result.out, secrets, "stdout");
    for (auto& finding : secret_findings(result.err, secrets, "stderr"))
        findings.push_back(std::move(finding));
    for (const auto& file : written_files(env)) {
        for (auto& finding : secret_findings(read_text_file(file), secrets, file))
            findings.push_back(std::move(finding));
    }
    for (const auto& finding : findings) FAIL_CHECK("a secret leaked: " << finding);
}

// `env` plus the sanitizer settings this test runs with (a sanitizer build's suite passes them down, so
// a finding in the program is reported and fails the run the same way as one in the test).
inline Environment with_sanitizer_settings(Environment env) {
    return with_inherited(std::move(env), {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"});
}

// Runs the program with exactly `env` (nothing inherited but sanitizer settings), bounded in time,
// and checks that no secret leaked from it.
inline ProcessResult run_program(const std::vector<std::string>& args, const Environment& env = {},
                                 std::chrono::milliseconds timeout = std::chrono::seconds(40)) {
    ProcessResult result = run_process(program_path(), args, with_sanitizer_settings(env), timeout);
    INFO("stdout:\n" << result.out << "\nstderr:\n" << result.err);
    REQUIRE_FALSE(result.timed_out);
    check_no_secret_leaked(result, args, env);
    return result;
}

// One step's files, fresh as a GitHub runner makes them for each step (the main run and the post run
// of an action are two steps, each with its own), and the variables that point the program at them.
struct StepFiles {
    TempDir dir{"ccs-step"};
    std::string output = dir.write("set_output", "");
    std::string summary = dir.write("step_summary", "");
    std::string state = dir.write("save_state", "");

    Environment environment() const {
        return {{"GITHUB_ACTIONS", "true"},
                {"GITHUB_OUTPUT", output},
                {"GITHUB_STEP_SUMMARY", summary},
                {"GITHUB_STATE", state},
                {"GITHUB_WORKSPACE", dir.path()}};
    }
    // All three files' content, for a search (a secret that must not be in any of them).
    std::string everything() const {
        return read_text_file(output) + read_text_file(summary) + read_text_file(state);
    }
};

// Flags that point the program at `emulator` with `token`.
inline std::vector<std::string> emulator_flags(const Emulator& emulator, const std::string& token) {
    return {"--endpoint", emulator.url(), "--iam-token", token, "--ca-file", emulator.cert_file()};
}

// An emulator that accepts `token` and has `task` running: what most signal and CI tests start from.
inline EmulatorOptions one_running_task(const std::string& token, const std::string& task) {
    EmulatorOptions options;
    options.tokens = {token};
    options.tasks = {{task, 0}};
    return options;
}

inline bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

inline std::vector<std::string> request_lines(const Emulator& emulator) {
    std::vector<std::string> lines;
    for (const auto& request : emulator.requests()) lines.push_back(request.method + " " + request.path);
    return lines;
}

// Every place `secret` appears in `text`, except in `::add-mask::` commands (which must name it).
inline bool leaks(const std::string& text, const std::string& secret) {
    std::size_t from = 0;
    while ((from = text.find(secret, from)) != std::string::npos) {
        const std::size_t line_start = text.rfind('\n', from);
        const std::size_t start = line_start == std::string::npos ? 0 : line_start + 1;
        if (text.compare(start, 12, "::add-mask::") != 0) return true;
        from += secret.size();
    }
    return false;
}

}  // namespace ccs::test
