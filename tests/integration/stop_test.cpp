// The stop mode end to end: the program and the emulator as real processes over HTTPS on loopback.
#include <doctest/doctest.h>

#include <Poco/JSON/Object.h>

#include <set>

#include "program.h"
#include "support/github_file_commands.h"
#include "support/json_result.h"
#include "support/temp_dir.h"

using namespace ccs::test;

namespace {

const std::string token = "tok-S3CR3T-integration-7f3a91";  // distinctive: searched for in everything printed
const std::string running = "2b31ed520000000ebedb6e5700000001";
const std::string finished = "2b31ed520000000ebedb6e5700000002";

EmulatorOptions with_tasks(std::vector<std::pair<std::string, std::optional<int>>> tasks) {
    EmulatorOptions options;
    options.tokens = {token};
    options.tasks = std::move(tasks);
    return options;
}

std::vector<std::string> args_for(const Emulator& emulator, std::vector<std::string> extra) {
    std::vector<std::string> args = emulator_flags(emulator, token);
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

}  // namespace

TEST_CASE("a running task is stopped: exit 0, stopped, and the service says so") {
    Emulator emulator(with_tasks({{running, 0}}));
    const ProcessResult run = run_program(args_for(emulator, {"--task-id", running, "--json"}));
    CHECK(run.exit_code == 0);
    const auto result = parse_json_object(run.out);
    CHECK(result->getValue<std::string>("result") == "success");
    CHECK(joined_strings(result, "stopped") == running);
    CHECK(joined_strings(result, "failed").empty());
    CHECK(emulator.task_status(running) == 3);

    const auto requests = emulator.requests();
    CHECK(request_lines(emulator) == std::vector<std::string>{"GET /v2/tasks/" + running + "/progress",
                                                              "POST /v2/tasks/" + running + "/stop",
                                                              "GET /v2/tasks/" + running + "/progress"});
    for (const auto& request : requests) {
        REQUIRE(request.header("X-Auth-Token"));
        CHECK(*request.header("X-Auth-Token") == token);
        CHECK(joined_strings(result, "request-ids").find(request.request_id) != std::string::npos);
    }
    CHECK_FALSE(leaks(run.out + run.err, token));
}

TEST_CASE("an already finished task is not-running: exit 0 and no stop is sent") {
    Emulator emulator(with_tasks({{finished, 2}}));
    const ProcessResult run = run_program(args_for(emulator, {"--task-id", finished, "--json"}));
    CHECK(run.exit_code == 0);
    CHECK(joined_strings(parse_json_object(run.out), "not-running") == finished);
    CHECK(request_lines(emulator) == std::vector<std::string>{"GET /v2/tasks/" + finished + "/progress"});
    CHECK(emulator.task_status(finished) == 2);
}

TEST_CASE("several tasks in one call, given as a list with duplicates, each get their outcome") {
    Emulator emulator(with_tasks({{"t1", 0}, {"t2", 0}, {"t3", 3}, {"t4", std::nullopt}, {"t5", 0}}));
    const ProcessResult run =
        run_program(args_for(emulator, {"--task-id", "t1,t2 t3\nt4", "--task-id", "t5,t1", "--json"}));
    CHECK(run.exit_code == 0);
    const auto result = parse_json_object(run.out);
    CHECK(joined_strings(result, "stopped") == "t1 t2 t5");
    CHECK(joined_strings(result, "not-running") == "t3 t4");
    int stops = 0;
    for (const auto& line : request_lines(emulator)) stops += contains(line, "/stop") ? 1 : 0;
    CHECK(stops == 3);
}

TEST_CASE("a 200 answer carrying an error_code is a failure, with the code shown: exit 1") {
    Emulator emulator(with_tasks({{running, 0}}));
    emulator.load_scenario(R"({"rules":[{"call":"stop","status":200,
        "body":{"error_code":"CC.00050000","error_msg":"parameters not valid"}}]})");
    const ProcessResult run = run_program(args_for(emulator, {"--task-id", running, "--json"}));
    CHECK(run.exit_code == 1);
    const auto result = parse_json_object(run.out);
    CHECK(result->getValue<std::string>("result") == "failure");
    CHECK(joined_strings(result, "failed") == running);
    const auto task = result->getArray("tasks")->getObject(0);
    CHECK(task->getValue<std::string>("error-code") == "CC.00050000");
    CHECK(contains(run.err, "CC.00050000"));
    CHECK(contains(run.err, "parameters not valid"));
    CHECK(emulator.task_status(running) == 0);
}

TEST_CASE("a transient error is retried and the stop still succeeds") {
    Emulator emulator(with_tasks({{running, 0}}));
    emulator.load_scenario(R"({"rules":[{"call":"stop","times":2,"status":400,
        "body":{"error_code":"CC.00000000","error_msg":"network busy"}}]})");
    const ProcessResult run = run_program(args_for(emulator, {"--task-id", running}));
    CHECK(run.exit_code == 0);
    int stops = 0;
    for (const auto& line : request_lines(emulator)) stops += contains(line, "/stop") ? 1 : 0;
    CHECK(stops == 3);
    CHECK(emulator.task_status(running) == 3);
    CHECK(contains(run.err, "retrying"));
}

TEST_CASE("HTTP 501 is transient like every 5xx: retried, and the stop still succeeds") {
    Emulator emulator(with_tasks({{running, 0}}));
    emulator.load_scenario(R"({"rules":[{"call":"stop","times":1,"status":501}]})");
    const ProcessResult run = run_program(args_for(emulator, {"--task-id", running}));
    CHECK(run.exit_code == 0);
    int stops = 0;
    for (const auto& line : request_lines(emulator)) stops += contains(line, "/stop") ? 1 : 0;
    CHECK(stops == 2);
    CHECK(emulator.task_status(running) == 3);
    CHECK(contains(run.err, "HTTP 501"));
    CHECK(contains(run.err, "retrying"));
}

TEST_CASE("expired credentials (401 CC.00000003): exit 3 and an annotation that says to renew them") {
    EmulatorOptions options = with_tasks({{running, 0}});
    options.tokens = {};
    options.expired_tokens = {token};
    Emulator emulator(options);
    TempDir files;
    const std::string output = files.write("output", "");
    const std::string summary = files.write("summary", "");
    const Environment env = {
        {"GITHUB_ACTIONS", "true"}, {"GITHUB_OUTPUT", output}, {"GITHUB_STEP_SUMMARY", summary}};
    const ProcessResult run = run_program(args_for(emulator, {"--task-id", running}), env);
    CHECK(run.exit_code == 3);
    bool renew_annotation = false;
    for (const auto& command : parse_workflow_commands(run.out)) {
        if (command.name == "error" && contains(command.message, "renew")) renew_annotation = true;
    }
    CHECK(renew_annotation);
    CHECK(request_lines(emulator).size() == 1);  // authentication errors are not retried
    CHECK(read_file_commands(output).at("result") == "failure");
    CHECK_FALSE(leaks(run.out + run.err + read_text_file(output) + read_text_file(summary), token));
}

TEST_CASE("a bad task id: exit 2, the message names it, and nothing is sent") {
    Emulator emulator(with_tasks({{running, 0}}));
    for (const std::string& bad :
         std::vector<std::string>{"../x", "a%b", std::string(33, 'a'), "t\xc3\xa9"}) {
        CAPTURE(bad);
        const ProcessResult run = run_program(args_for(emulator, {"--task-id", "ok-id," + bad}));
        CHECK(run.exit_code == 2);
        CHECK(contains(run.err, "--task-id"));
        CHECK(run.out.empty());
    }
    const ProcessResult from_input =
        run_program(emulator_flags(emulator, token), {{"INPUT_TASK-ID", "x y ../z"}});
    CHECK(from_input.exit_code == 2);
    CHECK(contains(from_input.err, "INPUT_TASK-ID"));
    CHECK(contains(from_input.err, "../z"));
    CHECK(emulator.requests().empty());
}

TEST_CASE("--dry-run sends nothing and shows the requests with the token redacted") {
    Emulator emulator(with_tasks({{running, 0}}));
    const ProcessResult run = run_program(args_for(emulator, {"--task-id", running, "--dry-run"}));
    CHECK(run.exit_code == 0);
    CHECK(contains(run.out, "POST " + emulator.url() + "/v2/tasks/" + running + "/stop"));
    CHECK(contains(run.out, "X-Auth-Token: ***"));
    CHECK_FALSE(leaks(run.out + run.err, token));
    CHECK(emulator.requests().empty());
    CHECK(emulator.task_status(running) == 0);
}

TEST_CASE("--help and --version") {
    const ProcessResult help = run_program({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(contains(help.out, "--task-id"));
    CHECK(contains(help.out, "INPUT_TASK-ID"));
    const ProcessResult version = run_program({"--version"});
    CHECK(version.exit_code == 0);
    CHECK(contains(version.out, "codearts-check-stop "));
}

TEST_CASE("many tasks are stopped concurrently, at most --concurrency at once, over reused connections") {
    std::vector<std::pair<std::string, std::optional<int>>> tasks;
    std::string list;
    for (int i = 0; i < 12; ++i) {
        tasks.push_back({"many-" + std::to_string(i), 0});
        list += "many-" + std::to_string(i) + ",";
    }
    EmulatorOptions options = with_tasks(tasks);
    options.latency_ms = 100;  // each answer takes 100 ms: 36 calls one after another would take 3.6 s
    Emulator emulator(options);
    const ProcessResult run =
        run_program(args_for(emulator, {"--task-id", list, "--concurrency", "4", "--json"}));
    CHECK(run.exit_code == 0);
    CHECK(parse_json_object(run.out)->getArray("stopped")->size() == 12);
    const auto requests = emulator.requests();
    CHECK(requests.size() == 36);
    std::set<long> connections;
    for (const auto& request : requests) connections.insert(request.connection);
    CHECK(connections.size() == 4);  // one keep-alive connection per worker, never more
    CHECK(run.seconds < 3.0);        // bounded concurrency works: 4 workers, 3 tasks each, 3 calls a task
}
