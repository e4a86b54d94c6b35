// Run mode's flow with the real client against the emulator on loopback: checks started (or found
// running) and followed over HTTP to their end, their results read and gated, and a check still
// running at the deadline stopped. Polls are 50 to 100 ms apart, so each case takes about as long as
// its emulated checks or its deadline (a second or two).
#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "api/codearts_check_client.h"
#include "auth/authorizer.h"
#include "flow/run_flow.h"
#include "http/tls_context.h"
#include "http/transport.h"
#include "support/emulator.h"

using namespace ccs;
using namespace ccs::test;
using namespace std::chrono_literals;

namespace {

const TaskResult& task(const RunReport& report, const std::string& id) {
    for (const TaskResult& each : report.tasks) {
        if (each.task_id == id) return each;
    }
    FAIL("no result for " << id);
    return report.tasks.front();
}

}  // namespace

TEST_CASE("run_checks with the real client: passed, gate failed, followed, and stopped at the deadline") {
    http::initialize_transport();
    EmulatorOptions options;
    options.tls = false;
    options.scenario_file = std::string(CCS_SCENARIO_DIR) + "/run-passes.json";  // T1: passes after 1.2 s
    Emulator emulator(options);
    // T2: succeeds after 400 ms with 2 critical findings, and its own gate fails.
    emulator.setup_task(R"({"id": "T2", "status": null, "run": {
        "steps": [{"after_ms": 0, "ratio": "0%", "info": "queued"}, {"after_ms": 200, "ratio": "50%", "info": "scanning"}],
        "duration_ms": 400, "final_status": 2,
        "results": {"severity": {"critical": 2, "major": 1}, "is_access": "false"}}})");
    // T3: running already (started elsewhere), ends well after 500 ms.
    emulator.setup_task(R"({"id": "T3", "status": 0, "run": {
        "steps": [{"after_ms": 0, "ratio": "10%", "info": "started elsewhere"}],
        "duration_ms": 500, "final_status": 2, "results": {"severity": {"minor": 1}, "is_access": "true"}}})");
    // T4: runs until stopped.
    emulator.setup_task(R"({"id": "T4", "status": null, "run": {
        "steps": [{"after_ms": 0, "ratio": "5%", "info": "never ends"}]}})");

    const auth::TokenAuthorizer authorizer("tok-1");
    api::ClientSettings client_settings;
    client_settings.endpoints = {parse_service_url(emulator.url())};
    client_settings.tls = std::make_shared<const http::TlsContext>(http::TlsOptions{});
    client_settings.max_attempts = 3;
    std::mutex mutex;
    std::vector<std::string> lines;
    const flow::Log log = [&](const std::string& line) {
        const std::lock_guard<std::mutex> lock(mutex);
        lines.push_back(line);
    };
    const flow::ApiFactory make_api = [&]() {
        return std::make_unique<api::CodeArtsCheckClient>(client_settings, authorizer, log);
    };
    flow::RunSettings settings;
    settings.ref = "merge_request";
    settings.backoff = flow::PollBackoff{50ms, 100ms};
    settings.concurrency = 4;
    // Long enough for T1 (1.2 s) with room to spare on a busy machine; T4 never ends on its own, so
    // the run lasts this long.
    const Deadline follow = Deadline::in(2500ms);
    const flow::StopDeadline stop_deadline = [] { return Deadline::in(5s); };

    const RunReport report =
        flow::run_checks({"T1", "T2", "T3", "T4"}, settings, make_api, follow, stop_deadline, log);
    REQUIRE(report.tasks.size() == 4);

    const TaskResult& passed = task(report, "T1");
    CAPTURE(passed.detail);
    REQUIRE(passed.check);
    CHECK(passed.check->status == CheckStatus::Passed);
    CHECK(passed.check->gate == GateVerdict::Passed);
    CHECK(passed.outcome == Outcome::NotRunning);
    CHECK(passed.check->exec_id.size() == 32);
    REQUIRE(passed.check->counts);
    CHECK(passed.check->counts->minor == 3);
    CHECK(passed.check->counts->suggestion == 5);
    CHECK(emulator.task("T1").exec_ids == std::vector<std::string>{passed.check->exec_id});
    CHECK(emulator.task("T1").last_run_body == R"({"ref":"merge_request"})");

    const TaskResult& gate_failed = task(report, "T2");
    CAPTURE(gate_failed.detail);
    REQUIRE(gate_failed.check);
    CHECK(gate_failed.check->status == CheckStatus::GateFailed);
    CHECK(gate_failed.check->gate == GateVerdict::Failed);
    CHECK(gate_failed.check->counts->critical == 2);

    const TaskResult& followed = task(report, "T3");
    CAPTURE(followed.detail);
    REQUIRE(followed.check);
    CHECK(followed.check->followed_only);
    CHECK(followed.check->exec_id.empty());
    CHECK(followed.check->status == CheckStatus::Passed);
    CHECK(emulator.task("T3").exec_ids.empty());

    const TaskResult& stopped = task(report, "T4");
    CAPTURE(stopped.detail);
    REQUIRE(stopped.check);
    CHECK(stopped.check->status == CheckStatus::Stopped);
    CHECK(stopped.outcome == Outcome::Stopped);
    CHECK(emulator.task_status("T4") == 3);

    // Every task's request ids are those the emulator answered with.
    for (const TaskResult& each : report.tasks) CHECK_FALSE(each.request_ids.empty());
    bool said_following = false;
    for (const auto& line : lines)
        said_following |= line.find("task T3: already running") != std::string::npos;
    CHECK(said_following);
}

TEST_CASE("run_checks with the real client: thresholds counted from the summary's strings") {
    http::initialize_transport();
    EmulatorOptions options;
    options.tls = false;
    options.scenario_file = std::string(CCS_SCENARIO_DIR) + "/run-gate-fails.json";  // 2 critical, 4 major
    Emulator emulator(options);
    const auth::TokenAuthorizer authorizer("tok-1");
    api::ClientSettings client_settings;
    client_settings.endpoints = {parse_service_url(emulator.url())};
    client_settings.tls = std::make_shared<const http::TlsContext>(http::TlsOptions{});
    const flow::ApiFactory make_api = [&]() {
        return std::make_unique<api::CodeArtsCheckClient>(client_settings, authorizer, flow::Log{});
    };
    flow::RunSettings settings;
    settings.backoff = flow::PollBackoff{50ms, 100ms};
    SUBCASE("major>4 and critical>2 are not exceeded: passed, though the task's own gate failed") {
        settings.fail_on = *parse_fail_on("major>4,critical>2").fail_on;
        const RunReport report =
            flow::run_checks({"T1"}, settings, make_api, Deadline::in(5s), {}, [](const std::string&) {});
        CAPTURE(report.tasks[0].detail);
        CHECK(report.tasks[0].check->status == CheckStatus::Passed);
        CHECK(report.tasks[0].check->counts->major == 4);
    }
    SUBCASE("major>3 is") {
        settings.fail_on = *parse_fail_on("major>3").fail_on;
        const RunReport report =
            flow::run_checks({"T1"}, settings, make_api, Deadline::in(5s), {}, [](const std::string&) {});
        CAPTURE(report.tasks[0].detail);
        CHECK(report.tasks[0].check->status == CheckStatus::GateFailed);
        CHECK(emulator.task("T1").last_run_body == "{}");
    }
}
