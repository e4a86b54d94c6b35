// Running codearts-check-stop as a real process, and checking what it printed and wrote.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/emulator.h"
#include "support/process.h"

namespace ccs::test {

inline std::string program_path() { return CCS_PROGRAM_PATH; }

// Runs the program with exactly `env` (nothing inherited), bounded in time.
inline ProcessResult run_program(const std::vector<std::string>& args, const Environment& env = {},
                                 std::chrono::milliseconds timeout = std::chrono::seconds(40)) {
    ProcessResult result = run_process(program_path(), args, env, timeout);
    INFO("stdout:\n" << result.out << "\nstderr:\n" << result.err);
    REQUIRE_FALSE(result.timed_out);
    return result;
}

// Flags that point the program at `emulator` with `token`.
inline std::vector<std::string> emulator_flags(const Emulator& emulator, const std::string& token) {
    return {"--endpoint", emulator.url(), "--token", token, "--ca-file", emulator.cert_file()};
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

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
