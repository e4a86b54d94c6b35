// Self-tests of the test tooling: the emulator behaves like the service it stands in for, and the
// support library runs processes the way the integration tests rely on. If these fail, no other
// integration test result means anything.
#include <doctest/doctest.h>

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <future>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "emulator/scenario.h"
#include "support/emulator.h"
#include "support/http_client.h"
#include "support/json_result.h"
#include "support/process.h"
#include "support/temp_dir.h"

using namespace ccs::test;
using namespace std::chrono_literals;

namespace {

HeaderPairs with_token(const std::string& token) {
    return {{"X-Auth-Token", token}};
}

std::string error_code_of(const HttpReply& reply) {
    return parse_json_object(reply.body)->optValue<std::string>("error_code", "");
}

bool is_request_id(const std::string* id) {
    return id && std::regex_match(*id, std::regex("[0-9a-f]{32}"));
}

HttpReply stop(const Emulator& emulator, const std::string& task, const std::string& token = "tok") {
    return emulator.call("POST", "/v2/tasks/" + task + "/stop", with_token(token));
}

HttpReply progress(const Emulator& emulator, const std::string& task, const std::string& token = "tok") {
    return emulator.call("GET", "/v2/tasks/" + task + "/progress", with_token(token));
}

EmulatorOptions one_running_task(bool tls = true) {
    EmulatorOptions options;
    options.tls = tls;
    options.tokens = {"tok"};
    options.tasks = {{"T1", 0}};
    return options;
}

std::string scenario_file(const std::string& name) {
    return std::string(CCS_SCENARIO_DIR) + "/" + name;
}

}  // namespace

TEST_SUITE("emulator") {
    TEST_CASE("--port 0 prints one base URL line, and SIGTERM ends it cleanly") {
        for (const bool tls : {false, true}) {
            CAPTURE(tls);
            std::vector<std::string> args = {"--port", "0"};
            if (tls) args.push_back("--tls");
            BackgroundProcess emulator(emulator_path(), args, {});
            const auto line = emulator.read_line(10s);
            REQUIRE(line);
            CHECK(std::regex_match(*line, std::regex(tls ? "https://127\\.0\\.0\\.1:[1-9][0-9]*"
                                                         : "http://127\\.0\\.0\\.1:[1-9][0-9]*")));
            REQUIRE(emulator.send_signal(SIGTERM));
            CHECK(emulator.wait(5s) == 0);
            CHECK_FALSE(emulator.read_line(100ms));  // nothing else was ever printed on stdout
        }
    }

    TEST_CASE("over HTTPS with its generated certificate, a running task is stopped and the call is logged") {
        Emulator emulator(one_running_task());
        REQUIRE(emulator.url().rfind("https://127.0.0.1:", 0) == 0);

        const HttpReply stopped = stop(emulator, "T1");
        REQUIRE(stopped.ok());
        CHECK(stopped.status == 200);
        CHECK(stopped.body == "null");
        CHECK(is_request_id(stopped.header("X-Request-Id")));
        CHECK(*stopped.header("Content-Type") == "application/json");

        const HttpReply status = progress(emulator, "T1");
        REQUIRE(status.ok());
        CHECK(parse_json_object(status.body)->getValue<int>("task_status") == 3);
        CHECK(emulator.task_status("T1") == 3);

        const auto requests = emulator.requests();
        REQUIRE(requests.size() == 2);
        CHECK(requests[0].seq == 1);
        CHECK(requests[0].method == "POST");
        CHECK(requests[0].path == "/v2/tasks/T1/stop");
        REQUIRE(requests[0].header("x-auth-token"));
        CHECK(*requests[0].header("x-auth-token") == "tok");
        CHECK(requests[0].status == 200);
        CHECK(requests[0].request_id == *stopped.header("X-Request-Id"));
        CHECK(requests[0].received_unix_ms > 1.6e12);
        CHECK(requests[1].path == "/v2/tasks/T1/progress");
        CHECK(requests[0].request_id != requests[1].request_id);
    }

    TEST_CASE("a client that does not trust the generated certificate is refused") {
        Emulator emulator(one_running_task());
        HttpCall call;
        call.method = "POST";
        call.base_url = emulator.url();
        call.target = "/v2/tasks/T1/stop";
        call.headers = with_token("tok");
        call.ca_file = "";  // the system's CAs only
        CHECK_FALSE(http_call(call).ok());
        CHECK(emulator.task_status("T1") == 0);
    }

    TEST_CASE("stop is idempotent; unknown tasks answer 200 with CC.00050013") {
        Emulator emulator(one_running_task(false));
        emulator.set_task("T2", 2);
        CHECK(stop(emulator, "T2").body == "null");
        CHECK(emulator.task_status("T2") == 2);
        const HttpReply unknown = stop(emulator, "NOPE");
        CHECK(unknown.status == 200);
        CHECK(error_code_of(unknown) == "CC.00050013");
        CHECK(error_code_of(progress(emulator, "NOPE")) == "CC.00050013");
        CHECK(emulator.call("GET", "/v2/nowhere", with_token("tok")).status == 404);
    }

    TEST_CASE("run and create follow the service") {
        Emulator emulator(one_running_task(false));
        CHECK(error_code_of(emulator.call("POST", "/v2/tasks/T1/run", with_token("tok"), "{}")) ==
              "CC.00050015");
        const HttpReply created =
            emulator.call("POST", "/v2/0123456789abcdef0123456789abcdef/task", with_token("tok"));
        REQUIRE(created.status == 200);
        const std::string id = parse_json_object(created.body)->getValue<std::string>("task_id");
        CHECK(std::regex_match(id, std::regex("[0-9a-f]{32}")));
        CHECK(emulator.task_status(id) == std::nullopt);
        CHECK(progress(emulator, id).body.find("\"task_status\":null") != std::string::npos);
        const HttpReply run = emulator.call("POST", "/v2/tasks/" + id + "/run", with_token("tok"), "{}");
        CHECK(parse_json_object(run.body)->getValue<std::string>("exec_id").size() == 32);
        CHECK(emulator.task_status(id) == 0);
    }

    TEST_CASE("tokens: unknown, missing and expired ones are refused with the service's codes") {
        EmulatorOptions options = one_running_task(false);
        options.expired_tokens = {"old"};
        Emulator emulator(options);
        const HttpReply unknown = stop(emulator, "T1", "someone-else");
        CHECK(unknown.status == 401);
        CHECK(error_code_of(unknown) == "APIGW.0301");
        CHECK(emulator.call("POST", "/v2/tasks/T1/stop").status == 401);
        const HttpReply expired = stop(emulator, "T1", "old");
        CHECK(expired.status == 401);
        CHECK(error_code_of(expired) == "CC.00000003");
        CHECK(emulator.task_status("T1") == 0);
    }

    TEST_CASE("with no tokens configured, any non-empty token is accepted; long tokens are fine") {
        EmulatorOptions options;
        options.tls = false;
        options.tasks = {{"T1", 0}};
        Emulator emulator(options);
        const std::string long_token(60000, 'k');  // beyond Poco's 8 KB header limit on purpose
        CHECK(stop(emulator, "T1", long_token).body == "null");
        CHECK(*emulator.requests().at(0).header("X-Auth-Token") == long_token);
    }

    TEST_CASE("a rule with times: 2 answers 400 twice, then the service answers normally") {
        EmulatorOptions options;
        options.scenario_file = scenario_file("busy-then-ok.json");
        Emulator emulator(options);
        for (int attempt = 0; attempt < 2; ++attempt) {
            const HttpReply busy = stop(emulator, "T1", "tok-1");
            CHECK(busy.status == 400);
            CHECK(error_code_of(busy) == "CC.00000000");
            CHECK(parse_json_object(busy.body)->getValue<std::string>("error_msg") == "网络繁忙,请稍后再试");
            CHECK(*busy.header("Retry-After") == "1");
            CHECK(emulator.task_status("T1") == 0);
        }
        CHECK(stop(emulator, "T1", "tok-1").body == "null");
        CHECK(emulator.task_status("T1") == 3);
    }

    TEST_CASE("a canned 200 with an error_code leaves the task running") {
        Emulator emulator(one_running_task());
        emulator.load_scenario(R"({"rules": [{"call": "stop", "task": "T1", "status": 200,
            "body": {"error_code": "CC.00050012", "error_msg": "retry later"}}]})");
        const HttpReply reply = stop(emulator, "T1");
        CHECK(reply.status == 200);
        CHECK(error_code_of(reply) == "CC.00050012");
        CHECK(emulator.task_status("T1") == 0);
        CHECK(emulator.requests().at(0).status == 200);
    }

    TEST_CASE("the reset fault gives the client a connection error, and no answer is logged") {
        Emulator emulator(one_running_task());
        emulator.load_scenario(R"({"rules": [{"call": "stop", "times": 1, "fault": "reset"}]})");
        const HttpReply reply = stop(emulator, "T1");
        CHECK_FALSE(reply.ok());
        CHECK(reply.status == 0);
        CHECK(emulator.task_status("T1") == 0);
        const auto requests = emulator.requests();
        REQUIRE(requests.size() == 1);
        CHECK(requests[0].status == 0);
        CHECK(stop(emulator, "T1").body == "null");  // the rule is used up
    }

    TEST_CASE("truncate, redirect and raw bodies reach the client as described") {
        Emulator emulator(one_running_task(false));
        emulator.load_scenario(R"({"rules": [
            {"call": "stop", "times": 1, "fault": "truncate"},
            {"call": "progress", "times": 1, "fault": "redirect"},
            {"call": "progress", "times": 1, "status": 502, "raw_body": "<html>bad gateway</html>",
             "headers": {"Content-Type": "text/html"}}]})");
        const HttpReply truncated = stop(emulator, "T1");
        CHECK(truncated.error.find("truncated") != std::string::npos);
        CHECK(emulator.task_status("T1") == 3);  // the stop happened; only its answer was cut
        const HttpReply redirected = progress(emulator, "T1");
        CHECK(redirected.status == 302);
        CHECK(*redirected.header("Location") == "http://198.51.100.7/v2/tasks/T1/progress");
        const HttpReply raw = progress(emulator, "T1");
        CHECK(raw.status == 502);
        CHECK(raw.body == "<html>bad gateway</html>");
        CHECK(*raw.header("Content-Type") == "text/html");
    }

    TEST_CASE("drip and huge deliver complete answers, slowly or at length") {
        Emulator emulator(one_running_task(false));
        emulator.load_scenario(R"({"rules": [
            {"call": "stop", "times": 1, "fault": "drip", "drip_ms": 2},
            {"call": "progress", "times": 1, "fault": "huge"}]})");
        const auto start = std::chrono::steady_clock::now();
        const HttpReply dripped = stop(emulator, "T1");
        CHECK(dripped.ok());
        CHECK(dripped.body == "null");
        CHECK(std::chrono::steady_clock::now() - start > 100ms);  // ~150 bytes, 2 ms apart
        const HttpReply huge = progress(emulator, "T1");
        CHECK(huge.ok());
        CHECK(huge.body.size() == 50u << 20);
        CHECK(huge.body.rfind("{\"task_status\":0,", 0) == 0);
    }

    TEST_CASE("a hanging call blocks neither other clients nor the shutdown") {
        Emulator emulator(one_running_task());
        emulator.load_scenario(R"({"rules": [{"task": "HANG", "fault": "hang"}]})");
        auto hanging = std::async(std::launch::async, [&emulator] { return progress(emulator, "HANG"); });
        std::this_thread::sleep_for(200ms);
        CHECK(stop(emulator, "T1").body == "null");
        CHECK(emulator.requests().size() == 2);  // the hanging one is logged on arrival
        const auto start = std::chrono::steady_clock::now();
        CHECK(emulator.stop(5s) == 0);
        CHECK(std::chrono::steady_clock::now() - start < 3s);
        CHECK_FALSE(hanging.get().ok());
    }

    TEST_CASE("latency and delays apply to API calls only") {
        EmulatorOptions options = one_running_task(false);
        options.latency_ms = 150;
        Emulator emulator(options);
        auto start = std::chrono::steady_clock::now();
        emulator.requests();
        CHECK(std::chrono::steady_clock::now() - start < 150ms);
        start = std::chrono::steady_clock::now();
        CHECK(progress(emulator, "T1").status == 200);
        CHECK(std::chrono::steady_clock::now() - start >= 150ms);
    }

    TEST_CASE("--log appends one JSON line per API request") {
        TempDir dir;
        EmulatorOptions options = one_running_task(false);
        options.log_file = dir.file("requests.jsonl");
        Emulator emulator(options);
        stop(emulator, "T1");
        progress(emulator, "T1");
        emulator.requests();  // admin calls are not logged
        const std::string log = read_text_file(options.log_file);
        CHECK(std::count(log.begin(), log.end(), '\n') == 2);
        CHECK(parse_json_object(log.substr(0, log.find('\n')))->getValue<std::string>("path") ==
              "/v2/tasks/T1/stop");
    }

    TEST_CASE("admin: reset clears the log, tasks and rules; a bad scenario is refused") {
        Emulator emulator(one_running_task(false));
        emulator.load_scenario(R"({"rules": [{"fault": "reset"}]})");
        emulator.reset();
        CHECK(emulator.requests().empty());
        CHECK(error_code_of(stop(emulator, "T1")) == "CC.00050013");  // no rule, no task
        CHECK_THROWS_AS(emulator.load_scenario(R"({"rules": [{"fault": "explode"}]})"), std::runtime_error);
        CHECK_THROWS_AS(emulator.task_status("T1"), std::runtime_error);
    }
}

TEST_SUITE("emulator scenario parser") {
    using namespace ccs::emu;

    TEST_CASE("a full rule") {
        const Scenario scenario = parse_scenario(R"({
            "tokens": ["tok-1"], "expired_tokens": ["old"], "tasks": {"T1": 0, "T2": null},
            "latency_ms": 5,
            "rules": [{"call": "stop", "task": "T1", "times": 2, "status": 400, "delay_ms": 100,
                       "body": {"error_code": "CC.00000000", "error_msg": "网络繁忙,请稍后再试"},
                       "headers": {"Retry-After": "1"}},
                      {"fault": "drip", "drip_ms": 10}]})");
        CHECK(scenario.tokens == std::vector<std::string>{"tok-1"});
        CHECK(scenario.tasks->at("T1").status == 0);
        CHECK(scenario.tasks->at("T2").status == std::nullopt);
        CHECK(scenario.latency_ms == 5);
        REQUIRE(scenario.rules->size() == 2);
        const Rule& busy = scenario.rules->at(0);
        CHECK(busy.call == CallKind::Stop);
        CHECK(busy.task == "T1");
        CHECK(busy.times == 2);
        CHECK(busy.delay_ms == 100);
        REQUIRE(busy.canned);
        CHECK(busy.canned->status == 400);
        CHECK(busy.canned->body == R"({"error_code":"CC.00000000","error_msg":"网络繁忙,请稍后再试"})");
        const Rule& drip = scenario.rules->at(1);
        CHECK_FALSE(drip.call);
        CHECK_FALSE(drip.times);
        CHECK(drip.fault == Fault::Drip);
        CHECK(drip.drip_ms == 10);
    }

    TEST_CASE("absent parts stay absent, so they leave the emulator's state alone") {
        const Scenario scenario = parse_scenario(R"({"rules": []})");
        CHECK_FALSE(scenario.tokens);
        CHECK_FALSE(scenario.tasks);
        CHECK(scenario.rules->empty());
    }

    TEST_CASE("mistakes are named") {
        const auto error_for = [](const std::string& json) {
            try {
                parse_scenario(json);
            } catch (const ScenarioError& error) {
                return std::string(error.what());
            }
            return std::string("accepted");
        };
        CHECK(error_for("{").find("not valid JSON") != std::string::npos);
        CHECK(error_for(R"({"rulez": []})").find("unknown field \"rulez\"") != std::string::npos);
        CHECK(error_for(R"({"rules": [{"call": "halt"}]})").find("rules[0].call") != std::string::npos);
        CHECK(error_for(R"({"rules": [{"fault": "reset", "status": 500}]})").find("not both") !=
              std::string::npos);
        CHECK(error_for(R"({"rules": [{"body": {}, "raw_body": "x"}]})").find("not both") !=
              std::string::npos);
        CHECK(error_for(R"({"rules": [{"times": -1}]})").find("rules[0].times") != std::string::npos);
        CHECK(error_for(R"({"tasks": {"T1": "running"}})").find("tasks.T1") != std::string::npos);
        CHECK(error_for(R"({"rules": [{"drip_ms": 5}]})").find("drip_ms") != std::string::npos);
    }

    TEST_CASE("every scenario file in tests/scenarios parses") {
        int files = 0;
        for (const auto& entry : std::filesystem::directory_iterator(CCS_SCENARIO_DIR)) {
            if (entry.path().extension() != ".json") continue;
            CAPTURE(entry.path().string());
            CHECK_NOTHROW(parse_scenario(read_text_file(entry.path().string())));
            ++files;
        }
        CHECK(files >= 3);
    }
}

TEST_SUITE("test support: processes") {
    TEST_CASE("run_process gives the child exactly the environment it was handed") {
        const ProcessResult result = run_process("/usr/bin/env", {}, {{"ONLY", "this"}}, 5s);
        CHECK(result.exit_code == 0);
        CHECK(result.out == "ONLY=this\n");
        CHECK_FALSE(result.timed_out);
    }

    TEST_CASE("run_process feeds stdin and captures both outputs without deadlocking") {
        const std::string big(1 << 20, 'x');  // larger than any pipe buffer, both ways
        const ProcessResult result =
            run_process("/bin/sh", {"-c", "cat; head -c 1048576 /dev/zero | tr '\\0' y >&2; exit 7"},
                        {{"PATH", "/usr/bin:/bin"}}, 10s, big);
        CHECK(result.exit_code == 7);
        CHECK(result.out == big);
        CHECK(result.err == std::string(1 << 20, 'y'));
    }

    TEST_CASE("run_process kills the whole process group on timeout") {
        const ProcessResult result = run_process("/bin/sh", {"-c", "sleep 30 & sleep 30"}, {}, 300ms);
        CHECK(result.timed_out);
        CHECK(result.exit_code == 128 + SIGKILL);
        CHECK(result.seconds < 5);
    }

    TEST_CASE("run_process reports a program that cannot be started") {
        CHECK_THROWS_AS(run_process("/nonexistent/program", {}, {}, 1s), std::runtime_error);
    }

    TEST_CASE("BackgroundProcess reads lines, signals and waits") {
        BackgroundProcess process("/bin/sh", {"-c", "echo one; echo two >&2; echo three; exec sleep 30"}, {});
        CHECK(process.read_line(5s) == "one");
        CHECK(process.read_line(5s) == "three");
        CHECK_FALSE(process.read_line(50ms));
        CHECK_FALSE(process.wait(50ms));
        CHECK(process.send_signal(SIGTERM));
        CHECK(process.wait(5s) == 128 + SIGTERM);
        CHECK(process.stderr_text() == "two\n");
    }
}
