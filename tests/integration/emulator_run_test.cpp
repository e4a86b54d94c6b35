// Self-tests of the emulator's run mode, over real HTTP on loopback: a run started with POST /run follows
// its scenario's description over time, ends with its final status and leaves its results for
// defects-summary, defects-statistic and defects-detail; the fault rules reach those calls too. Every wait
// is a bounded poll; nothing here asserts on speed.
#include <doctest/doctest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "emulator/scenario.h"
#include "support/emulator.h"
#include "support/http_client.h"
#include "support/json_result.h"

using namespace ccs::test;
using namespace std::chrono_literals;

namespace {

const HeaderPairs token = {{"X-Auth-Token", "tok-1"}, {"Content-Type", "application/json"}};

std::string error_code_of(const HttpReply& reply) {
    return parse_json_object(reply.body)->optValue<std::string>("error_code", "");
}

std::string scenario_file(const std::string& name) {
    return std::string(CCS_SCENARIO_DIR) + "/" + name;
}

EmulatorOptions with_scenario(const std::string& name) {
    EmulatorOptions options;
    options.tls = false;
    options.scenario_file = scenario_file(name);
    return options;
}

HttpReply run(const Emulator& emulator, const std::string& task, const std::string& body = "{}") {
    return emulator.call("POST", "/v2/tasks/" + task + "/run", token, body);
}

HttpReply get(const Emulator& emulator, const std::string& task, const std::string& what) {
    return emulator.call("GET", "/v2/tasks/" + task + "/" + what, token);
}

struct Progress {
    std::optional<int> status;
    std::string ratio;
    std::string info;
};

Progress progress(const Emulator& emulator, const std::string& task) {
    const HttpReply reply = get(emulator, task, "progress");
    REQUIRE(reply.status == 200);
    const auto object = parse_json_object(reply.body);
    Progress seen;
    if (!object->isNull("task_status")) seen.status = object->getValue<int>("task_status");
    seen.ratio = object->getObject("progress")->getValue<std::string>("ratio");
    seen.info = object->getObject("progress")->getValue<std::string>("info");
    return seen;
}

// Polls the progress every 20 ms until `done` says so or 20 s have passed; returns everything seen.
std::vector<Progress> poll_progress(const Emulator& emulator, const std::string& task,
                                    const std::function<bool(const Progress&)>& done) {
    std::vector<Progress> seen;
    const auto until = std::chrono::steady_clock::now() + 20s;
    while (std::chrono::steady_clock::now() < until) {
        seen.push_back(progress(emulator, task));
        if (done(seen.back())) break;
        std::this_thread::sleep_for(20ms);
    }
    return seen;
}

bool finished(const Progress& seen) {
    return seen.status != 0;
}

}  // namespace

TEST_SUITE("emulator run mode") {
    TEST_CASE("a run advances through its steps to success and leaves its results") {
        Emulator emulator(with_scenario("run-passes.json"));
        CHECK(progress(emulator, "T1").status == std::nullopt);

        // Before any check: zero counts (as strings), no verdict, no findings.
        const auto before = parse_json_object(get(emulator, "T1", "defects-summary").body);
        CHECK(before->getValue<std::string>("critical_count") == "0");
        CHECK(before->getValue<std::string>("is_access") == "");
        CHECK(parse_json_object(get(emulator, "T1", "defects-detail").body)->getValue<int>("total") == 0);

        const HttpReply started = run(emulator, "T1", R"({"ref": "merge_request"})");
        REQUIRE(started.status == 200);
        const std::string exec_id = parse_json_object(started.body)->getValue<std::string>("exec_id");
        CHECK(std::regex_match(exec_id, std::regex("[0-9a-f]{32}")));

        const auto seen = poll_progress(emulator, "T1", finished);
        REQUIRE_FALSE(seen.empty());
        CHECK(seen.back().status == 2);
        CHECK(seen.back().ratio == "100%");
        CHECK(seen.back().info == "check succeeded");
        // Every running answer is one of the steps, in their order.
        const std::vector<std::string> steps = {"0%", "30%", "60%", "90%"};
        std::size_t at = 0;
        for (const auto& each : seen) {
            if (each.status != 0) continue;
            const auto found = std::find(steps.begin(), steps.end(), each.ratio);
            REQUIRE(found != steps.end());
            CHECK(static_cast<std::size_t>(found - steps.begin()) >= at);
            at = static_cast<std::size_t>(found - steps.begin());
        }

        const auto summary = parse_json_object(get(emulator, "T1", "defects-summary").body);
        CHECK(summary->getValue<std::string>("task_id") == "T1");
        CHECK(summary->getValue<std::string>("task_name") == "demo-app-check");
        CHECK(summary->getValue<int>("code_line_total") == 12400);
        CHECK(summary->get("minor_count").isString());
        CHECK(summary->getValue<std::string>("minor_count") == "3");
        CHECK(summary->getValue<std::string>("suggestion_count") == "5");
        CHECK(summary->getValue<std::string>("critical_count") == "0");
        CHECK(summary->getValue<int>("issue_count") == 8);
        CHECK(summary->getValue<std::string>("is_access") == "true");
        CHECK_FALSE(summary->getValue<std::string>("last_check_time").empty());

        const auto statistic = parse_json_object(get(emulator, "T1", "defects-statistic").body);
        CHECK(statistic->getObject("severity")->getValue<int>("minor") == 3);
        CHECK(statistic->getObject("severity")->getValue<int>("suggestion") == 5);
        CHECK(statistic->getObject("status")->getValue<int>("unresolved") == 8);
        CHECK(statistic->getObject("status")->getValue<int>("resolved") == 0);

        // Made-up findings page by offset and limit.
        const auto page = parse_json_object(get(emulator, "T1", "defects-detail?offset=6&limit=5").body);
        CHECK(page->getValue<int>("total") == 8);
        REQUIRE(page->getArray("defects")->size() == 2);
        CHECK(page->getArray("defects")->getObject(0)->getValue<std::string>("defect_level") == "3");

        const EmulatedTask task = emulator.task("T1");
        CHECK(task.exec_ids == std::vector<std::string>{exec_id});
        CHECK(task.last_run_body == R"({"ref": "merge_request"})");
        CHECK(task.has_results);
    }

    TEST_CASE("a run that ends in a gate failure, a check failure or a stop elsewhere") {
        SUBCASE("gate fails: the listed findings, is_access false") {
            Emulator emulator(with_scenario("run-gate-fails.json"));
            REQUIRE(run(emulator, "T1").status == 200);
            CHECK(poll_progress(emulator, "T1", finished).back().status == 2);
            const auto summary = parse_json_object(get(emulator, "T1", "defects-summary").body);
            CHECK(summary->getValue<std::string>("is_access") == "false");
            CHECK(summary->getValue<std::string>("critical_count") == "2");
            CHECK(summary->getValue<std::string>("major_count") == "4");
            const auto statistic = parse_json_object(get(emulator, "T1", "defects-statistic").body);
            CHECK(statistic->getObject("status")->getValue<int>("unresolved") == 6);
            CHECK(statistic->getObject("status")->getValue<int>("resolved") == 1);
            const auto defects =
                parse_json_object(get(emulator, "T1", "defects-detail?offset=0&limit=100").body);
            CHECK(defects->getValue<int>("total") == 2);
            CHECK(defects->getArray("defects")->getObject(0)->getValue<std::string>("file_path") ==
                  "src/parser.cpp");
        }
        SUBCASE("check fails: status 1, its own final progress, no results") {
            Emulator emulator(with_scenario("run-check-fails.json"));
            REQUIRE(run(emulator, "T1").status == 200);
            const Progress last = poll_progress(emulator, "T1", finished).back();
            CHECK(last.status == 1);
            CHECK(last.info == "git clone failed: repository not found");
            CHECK(parse_json_object(get(emulator, "T1", "defects-summary").body)
                      ->getValue<std::string>("is_access") == "");
            CHECK_FALSE(emulator.task("T1").has_results);
        }
        SUBCASE("stopped elsewhere: status 3 at the last step's ratio; the earlier results stay") {
            Emulator emulator(with_scenario("run-stopped-elsewhere.json"));
            CHECK(progress(emulator, "T1").status == 2);
            REQUIRE(run(emulator, "T1").status == 200);
            const Progress last = poll_progress(emulator, "T1", finished).back();
            CHECK(last.status == 3);
            CHECK(last.ratio == "45%");
            CHECK(last.info == "stopped");
            const auto summary = parse_json_object(get(emulator, "T1", "defects-summary").body);
            CHECK(summary->getValue<std::string>("minor_count") == "1");
            CHECK(summary->getValue<std::string>("is_access") == "true");
        }
    }

    TEST_CASE("starting a running task answers CC.00050015, with HTTP 400 or as configured 200") {
        Emulator emulator(with_scenario("run-already-running.json"));
        // Seeded as running with a run description: it follows it from the emulator's start.
        const Progress now = progress(emulator, "T1");
        CHECK(now.status == 0);
        CHECK(now.ratio == "20%");
        CHECK(now.info == "scanning (started elsewhere)");
        const HttpReply refused = run(emulator, "T1");
        CHECK(refused.status == 400);
        CHECK(error_code_of(refused) == "CC.00050015");
        CHECK(emulator.task("T1").exec_ids.empty());

        emulator.load_scenario(R"({"run_conflict_status": 200})");
        const HttpReply refused_200 = run(emulator, "T1");
        CHECK(refused_200.status == 200);
        CHECK(error_code_of(refused_200) == "CC.00050015");

        // A run POST /run started is just as running.
        emulator.setup_task(R"({"id": "T2", "status": 1})");
        REQUIRE(run(emulator, "T2").status == 200);
        CHECK(error_code_of(run(emulator, "T2")) == "CC.00050015");
        CHECK(emulator.task("T2").exec_ids.size() == 1);
        CHECK(emulator.task("T2").status == 0);
    }

    TEST_CASE("the run body is validated: JSON, and ref only pull or merge_request") {
        Emulator emulator(with_scenario("run-passes.json"));
        for (const std::string body : {"", "not json", "[]", R"({"ref": "push"})", R"({"ref": 1})"}) {
            CAPTURE(body);
            const HttpReply reply = run(emulator, "T1", body);
            CHECK(reply.status == 400);
            CHECK(error_code_of(reply) == "CC.00050000");
        }
        CHECK(progress(emulator, "T1").status == std::nullopt);
        CHECK(emulator.task("T1").exec_ids.empty());
        REQUIRE(run(emulator, "T1", R"({"ref":"pull"})").status == 200);
        CHECK(emulator.task("T1").last_run_body == R"({"ref":"pull"})");
        const auto requests = emulator.requests();
        CHECK(requests.back().body == R"({"ref":"pull"})");
        CHECK(requests.back().status == 200);
        CHECK(error_code_of(run(emulator, "NOPE")) == "CC.00050013");
        CHECK(error_code_of(get(emulator, "NOPE", "defects-summary")) == "CC.00050013");
        CHECK(error_code_of(get(emulator, "NOPE", "defects-statistic")) == "CC.00050013");
        CHECK(get(emulator, "T1", "defects-detail?limit=500").status == 400);
    }

    TEST_CASE("a stop during a run ends it at 3 and freezes its progress; a new run starts afresh") {
        EmulatorOptions options;
        options.tls = false;
        options.tokens = {"tok-1"};
        Emulator emulator(options);
        emulator.setup_task(R"({"id": "T1", "status": null, "run": {
            "steps": [{"after_ms": 0, "ratio": "0%", "info": "queued"},
                      {"after_ms": 300, "ratio": "40%", "info": "scanning"},
                      {"after_ms": 600000, "ratio": "90%", "info": "never reached"}],
            "duration_ms": 600000, "final_status": 2,
            "results": {"severity": {"major": 1}, "is_access": "false"}}})");
        const std::string first =
            parse_json_object(run(emulator, "T1").body)->getValue<std::string>("exec_id");
        const auto seen = poll_progress(emulator, "T1", [](const Progress& p) { return p.ratio == "40%"; });
        REQUIRE(seen.back().ratio == "40%");
        CHECK(emulator.call("POST", "/v2/tasks/T1/stop", token).body == "null");
        for (int look = 0; look < 3; ++look) {
            const Progress frozen = progress(emulator, "T1");
            CHECK(frozen.status == 3);
            CHECK(frozen.ratio == "40%");
            CHECK(frozen.info == "scanning");
            std::this_thread::sleep_for(100ms);
        }
        CHECK_FALSE(emulator.task("T1").has_results);  // a stopped run leaves none

        const std::string second =
            parse_json_object(run(emulator, "T1").body)->getValue<std::string>("exec_id");
        CHECK(second != first);
        CHECK(progress(emulator, "T1").status == 0);
        CHECK(emulator.task("T1").exec_ids == std::vector<std::string>{first, second});
    }

    TEST_CASE("fault rules apply to run, summary, statistic and defects") {
        Emulator emulator(with_scenario("run-passes.json"));
        emulator.load_scenario(R"({"rules": [
            {"call": "run", "task": "T1", "times": 1, "status": 400,
             "body": {"error_code": "CC.00000000", "error_msg": "网络繁忙,请稍后再试"}},
            {"call": "summary", "times": 1, "status": 503, "raw_body": "<html>busy</html>",
             "headers": {"Content-Type": "text/html"}},
            {"call": "summary", "times": 1, "fault": "reset"},
            {"call": "statistic", "times": 1, "status": 200,
             "body": {"error_code": "CC.00050012", "error_msg": "retry later"}},
            {"call": "defects", "times": 1, "fault": "hang"}]})");

        const HttpReply busy = run(emulator, "T1");
        CHECK(busy.status == 400);
        CHECK(error_code_of(busy) == "CC.00000000");
        CHECK(emulator.task("T1").exec_ids.empty());  // a canned answer changes nothing
        CHECK(progress(emulator, "T1").status == std::nullopt);
        CHECK(run(emulator, "T1").status == 200);  // the rule is used up

        const HttpReply unavailable = get(emulator, "T1", "defects-summary");
        CHECK(unavailable.status == 503);
        CHECK(unavailable.body == "<html>busy</html>");
        const HttpReply reset = get(emulator, "T1", "defects-summary");
        CHECK_FALSE(reset.ok());
        CHECK(get(emulator, "T1", "defects-summary").status == 200);

        CHECK(error_code_of(get(emulator, "T1", "defects-statistic")) == "CC.00050012");
        CHECK(get(emulator, "T1", "defects-statistic").body.find("\"severity\"") != std::string::npos);

        HttpCall hanging;
        hanging.base_url = emulator.url();
        hanging.target = "/v2/tasks/T1/defects-detail";
        hanging.headers = token;
        hanging.timeout = 500ms;
        CHECK_FALSE(http_call(hanging).ok());
        CHECK(get(emulator, "T1", "defects-detail").status == 200);
    }
}

TEST_SUITE("emulator scenario parser") {
    using namespace ccs::emu;

    TEST_CASE("tasks: a status, or an object with a run description and results") {
        const Scenario scenario = parse_scenario(R"({"run_conflict_status": 200, "tasks": {
            "T1": 0, "T2": {"status": null}, "T3": {"status": 2, "results": {"severity": {"major": 2}}},
            "T4": {"status": null, "run": {
                "steps": [{"after_ms": 0, "ratio": "0%", "info": "queued"}, {"after_ms": 100, "ratio": "50%"}],
                "duration_ms": 200, "final_status": 2,
                "results": {"severity": {"critical": 1}, "status": {"resolved": 4}, "is_access": "false",
                            "summary": {"code_quality": "C", "critical_count": 1}, "defects": [{"defect_id": "x"}]}}}}})");
        CHECK(scenario.run_conflict_status == 200);
        const auto& tasks = *scenario.tasks;
        CHECK(tasks.at("T1").status == 0);
        CHECK_FALSE(tasks.at("T1").run);
        CHECK(tasks.at("T2").status == std::nullopt);
        REQUIRE(tasks.at("T3").results);
        CHECK(tasks.at("T3").results->major == 2);
        CHECK(tasks.at("T3").results->unresolved == 2);
        CHECK(tasks.at("T3").results->is_access == "true");
        const RunPlan& plan = *tasks.at("T4").run;
        REQUIRE(plan.steps.size() == 2);
        CHECK(plan.steps[1].progress.ratio == "50%");
        CHECK(plan.steps[1].progress.info == "");
        CHECK(plan.duration_ms == 200);
        CHECK(plan.progress_at(150).ratio == "50%");
        CHECK(plan.final_progress_of().ratio == "100%");
        REQUIRE(plan.results);
        CHECK(plan.results->unresolved == 0);
        CHECK(plan.results->resolved == 4);
        CHECK(plan.results->summary.at(1).second == "1");  // as given: a number, to test odd shapes
        CHECK(plan.results->defects->size() == 1);
    }

    TEST_CASE("run description mistakes are named") {
        const auto error_for = [](const std::string& run) {
            try {
                parse_scenario(R"({"tasks": {"T1": {"status": null, "run": )" + run + "}}}");
            } catch (const ScenarioError& error) {
                return std::string(error.what());
            }
            return std::string("accepted");
        };
        CHECK(error_for(R"({"steps": []})").find("tasks.T1.run.steps") != std::string::npos);
        CHECK(error_for(R"({"steps": [{"after_ms": 5, "ratio": "0%"}]})").find("first step") !=
              std::string::npos);
        CHECK(error_for(R"({"steps": [{"after_ms": 0, "ratio": "0%"}, {"after_ms": 0}]})").find("ratio") !=
              std::string::npos);
        CHECK(error_for(R"({"steps": [{"after_ms": 0, "ratio": "0%"}, {"after_ms": 9, "ratio": "1%"},
                                      {"after_ms": 5, "ratio": "2%"}]})")
                  .find("ascending") != std::string::npos);
        CHECK(error_for(R"({"final_status": 2})").find("duration_ms") != std::string::npos);
        CHECK(error_for(R"({"duration_ms": 10, "final_status": 4})").find("final_status") !=
              std::string::npos);
        CHECK(error_for(R"({"duration_ms": 10, "final_status": 1, "results": {}})").find("results") !=
              std::string::npos);
        CHECK(error_for(R"({"duration_ms": 10, "results": {"severity": {"blocker": 1}}})").find("blocker") !=
              std::string::npos);
        CHECK(error_for(R"({"duration": 10})").find("unknown field \"duration\"") != std::string::npos);
        CHECK(error_for(R"({"steps": [{"after_ms": 0, "ratio": "0%"}, {"after_ms": 50, "ratio": "9%"}],
                            "duration_ms": 20})")
                  .find("never be seen") != std::string::npos);
        CHECK_THROWS_AS(parse_scenario(R"({"run_conflict_status": 500})"), ScenarioError);
        CHECK_THROWS_AS(parse_scenario(R"({"tasks": {"T1": {"state": 0}}})"), ScenarioError);
    }
}
