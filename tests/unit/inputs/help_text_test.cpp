// --help lists every option with all its names, defaults, usage and exit codes.
#include "input_test_helpers.h"
#include "inputs/options.h"

using namespace ccs::inputs;
using namespace ccs::inputs::testing;

TEST_CASE("help has the usage line and the exit codes") {
    const std::string help = help_text();
    CHECK(help.find("codearts-check-stop [options] --task-id ID...") != std::string::npos);
    for (const char* code : {"0 no task failed", "1 at least one task", "2 invalid input", "3 credentials"}) {
        CHECK(help.find(code) != std::string::npos);
    }
}

TEST_CASE("help lists every option with its input, variable and default") {
    const std::string help = help_text();
    for (const auto& spec : option_table()) {
        CAPTURE(spec.name);
        CHECK(help.find(flag_name(spec)) != std::string::npos);
        if (!spec.command_line_only) {
            CHECK(help.find(github_input_variable(spec)) != std::string::npos);
            CHECK(help.find(environment_variable(spec)) != std::string::npos);
        }
        if (!spec.default_shown.empty())
            CHECK(help.find("Default: " + spec.default_shown) != std::string::npos);
    }
}

TEST_CASE("help has no trailing spaces") {
    CHECK(help_text().find(" \n") == std::string::npos);
}

TEST_CASE("the defaults help shows are the Config defaults") {
    const Config defaults;
    CHECK(find_option("concurrency")->default_shown == std::to_string(defaults.concurrency));
    CHECK(find_option("retries")->default_shown == std::to_string(defaults.retries));
    CHECK(find_option("timeout")->default_shown == "30s");
    CHECK(defaults.timeout == std::chrono::seconds(30));
    CHECK(find_option("dry-run")->default_shown == (defaults.dry_run ? "true" : "false"));
    CHECK(find_option("json")->default_shown == (defaults.json ? "true" : "false"));
    CHECK(find_option("poll-interval")->default_shown == "15s");
    CHECK(defaults.poll_interval == std::chrono::seconds(15));
    CHECK(find_option("fail-on")->default_shown == defaults.fail_on.describe());
}

TEST_CASE("help documents run mode: its usage line, its options and its exit codes") {
    // Words only: the formatter breaks lines and indents where it likes.
    std::string help;
    for (const char c : help_text()) {
        const char each = c == '\n' ? ' ' : c;
        if (each != ' ' || help.empty() || help.back() != ' ') help += each;
    }
    CHECK(help.find("codearts-check-stop run [options] --task-id ID...") != std::string::npos);
    CHECK(help.find("codearts-check-stop findings [options] --task-id ID...") != std::string::npos);
    CHECK(help.find("1 when a reading is partial") != std::string::npos);
    for (const char* part : {"--ref", "--poll-interval", "--fail-on", "INPUT_FAIL-ON",
                             "CODEARTS_CHECK_POLL_INTERVAL", "124 when --timeout"}) {
        CAPTURE(part);
        CHECK(help.find(part) != std::string::npos);
    }
}
