// The guard's main-to-post state: what the main run writes to $GITHUB_STATE comes back to the post
// run as STATE_* variables, read with the runner's own rules; a missing or garbled value.
#include <doctest/doctest.h>

#include "inputs/config.h"
#include "inputs/guard_state.h"
#include "report/github_commands.h"
#include "support/github_file_commands.h"

using namespace ccs::inputs;

namespace {

// The main run's $GITHUB_STATE text, as guard mode writes it.
std::string state_file_text(const std::vector<std::string>& task_ids) {
    std::string text;
    for (const auto& [name, value] : guard_state_entries(task_ids)) {
        text += ccs::report::github::output_entry(name, value);
    }
    return text;
}

// The post run's environment: the runner reads the file and sets STATE_<name> for each entry.
Environment post_environment(const std::string& state_file) {
    Environment env = {{"INPUT_TASK-ID", "ignored"}};
    for (const auto& [name, value] : ccs::test::parse_file_commands(state_file)) env["STATE_" + name] = value;
    return env;
}

}  // namespace

TEST_CASE("main to post: the saved task ids come back through the runner's state file") {
    const Environment env = post_environment(state_file_text({"t1", "t2"}));
    CHECK(env.at("STATE_armed") == "true");
    CHECK(env.at("STATE_task-ids") == "t1 t2");
    CHECK(guard_armed(env));
    const GuardState state = read_guard_state(env);
    CHECK(state.armed);
    CHECK(state.task_ids == std::vector<std::string>{"t1", "t2"});
    CHECK(armed_task_ids(state, {"given"}) == std::vector<std::string>{"t1", "t2"});
}

TEST_CASE("main to post without task ids: armed, and the post run's own inputs say which tasks") {
    const std::string text = state_file_text({});
    const Environment env = post_environment(text);
    CHECK(env.count("STATE_task-ids") == 0);
    const GuardState state = read_guard_state(env);
    CHECK(state.armed);
    CHECK(state.task_ids.empty());
    CHECK(armed_task_ids(state, {"from-inputs"}) == std::vector<std::string>{"from-inputs"});
}

TEST_CASE("the variables are the state names with the runner's STATE_ prefix") {
    CHECK(guard_state_variable(guard_state_names::armed) == "STATE_armed");
    CHECK(guard_state_variable(guard_state_names::task_ids) == "STATE_task-ids");
}

TEST_CASE("no saved state, or an armed value other than \"true\": not armed, and the ids are not read") {
    CHECK_FALSE(guard_armed({}));
    CHECK_FALSE(read_guard_state({}).armed);
    for (const std::string armed : {"", "True", "yes", "true ", "1"}) {
        const Environment env = {{"STATE_armed", armed}, {"STATE_task-ids", "../x"}};
        CHECK_FALSE(guard_armed(env));
        const GuardState state = read_guard_state(env);  // the garbled ids are not even looked at
        CHECK_FALSE(state.armed);
        CHECK(state.task_ids.empty());
    }
}

TEST_CASE("garbled saved task ids are invalid input naming the variable") {
    const Environment env = {{"STATE_armed", "true"}, {"STATE_task-ids", "t1 ../x"}};
    try {
        read_guard_state(env);
        FAIL("garbled task ids accepted");
    } catch (const InvalidInput& error) {
        CHECK(std::string(error.what()).find("STATE_task-ids") == 0);
    }
    CHECK(read_guard_state({{"STATE_armed", "true"}, {"STATE_task-ids", "  "}}).task_ids.empty());
}

namespace {

std::string text_of(const StateEntries& entries) {
    std::string text;
    for (const auto& [name, value] : entries) text += ccs::report::github::output_entry(name, value);
    return text;
}

}  // namespace

TEST_CASE(
    "run mode: armed before the start, then disarmed or narrowed once the checks end (last value wins)") {
    const std::string armed = text_of(run_state_entries({"t1", "t2"}));
    Environment env = post_environment(armed);
    CHECK(guard_armed(env));
    CHECK(armed_by_run(env));
    CHECK(read_guard_state(env).task_ids == std::vector<std::string>{"t1", "t2"});

    env = post_environment(armed + text_of(run_state_after({})));
    CHECK_FALSE(guard_armed(env));

    env = post_environment(armed + text_of(run_state_after({"t2"})));
    CHECK(guard_armed(env));
    CHECK(armed_by_run(env));
    CHECK(read_guard_state(env).task_ids == std::vector<std::string>{"t2"});
}
