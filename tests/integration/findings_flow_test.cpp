// The findings fetch with the real client against the emulator over HTTPS on loopback: the pages of
// tests/scenarios/run-with-findings.json (duplicates across pages, resolved findings the emulator
// sends anyway, hostile paths and messages) read in full, a first page that fails once asked again,
// and a page refused for good leaving the task partial.
#include <doctest/doctest.h>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "api/codearts_check_client.h"
#include "auth/authorizer.h"
#include "flow/findings_flow.h"
#include "http/tls_context.h"
#include "http/transport.h"
#include "support/emulator.h"

using namespace ccs;
using namespace ccs::test;
using namespace std::chrono_literals;

namespace {

// The emulator with the scenario's T1 run to its end (300 ms), so its findings are there to read.
struct FindingsService {
    Emulator emulator;
    auth::TokenAuthorizer authorizer{"tok-1"};
    api::ClientSettings client;
    std::mutex mutex;
    std::vector<std::string> lines;

    FindingsService() : emulator(options()) {
        http::initialize_transport();
        emulator.set_task("T1", 0);  // follows the scenario's run from now
        for (int look = 0; look < 100 && emulator.task_status("T1") != 2; ++look)
            std::this_thread::sleep_for(50ms);
        REQUIRE(emulator.task("T1").has_results);
        client.endpoints = {parse_service_url(emulator.url())};
        client.tls = std::make_shared<const http::TlsContext>(http::TlsOptions{emulator.cert_file(), "", ""});
        client.max_attempts = 1;  // a page that fails is the flow's to ask again, not the client's
    }

    static EmulatorOptions options() {
        EmulatorOptions options;
        options.scenario_file = std::string(CCS_SCENARIO_DIR) + "/run-with-findings.json";
        return options;
    }

    FindingsReport fetch(const flow::FindingsSettings& settings, std::chrono::milliseconds budget = 20s) {
        const flow::Log log = [this](const std::string& line) {
            const std::lock_guard<std::mutex> lock(mutex);
            lines.push_back(line);
        };
        const flow::ApiFactory make_api = [this, log]() {
            return std::make_unique<api::CodeArtsCheckClient>(client, authorizer, log);
        };
        return flow::fetch_findings({"T1"}, settings, make_api, Deadline::in(budget), log);
    }

    // The queries of the defects-detail requests, in order, with the status each got.
    std::vector<std::string> page_requests() const {
        std::vector<std::string> pages;
        for (const RecordedRequest& request : emulator.requests()) {
            if (request.path == "/v2/tasks/T1/defects-detail")
                pages.push_back(request.query + " -> " + std::to_string(request.status));
        }
        return pages;
    }

    bool logged(const std::string& part) {
        const std::lock_guard<std::mutex> lock(mutex);
        for (const auto& line : lines) {
            if (line.find(part) != std::string::npos) return true;
        }
        return false;
    }
};

std::map<std::string, Finding> by_id(const FindingsReport& report) {
    std::map<std::string, Finding> findings;
    for (const Finding& finding : report.findings) findings[finding.defect_id] = finding;
    return findings;
}

}  // namespace

TEST_CASE("findings from the emulator: three pages, the first failing once, duplicates and resolved out") {
    FindingsService service;
    service.emulator.load_scenario(R"({"rules": [{"call": "defects", "task": "T1", "times": 1, "status": 400,
        "body": {"error_code": "CC.00000000", "error_msg": "网络繁忙,请稍后再试"}}]})");
    flow::FindingsSettings settings;
    settings.path_prefix = "/workspace/app";
    settings.backoff = flow::PollBackoff{50ms, 100ms};

    const FindingsReport report = service.fetch(settings);

    CHECK(service.page_requests() == std::vector<std::string>{"offset=0&limit=100&status_ids=0 -> 400",
                                                              "offset=0&limit=100&status_ids=0 -> 200",
                                                              "offset=100&limit=100&status_ids=0 -> 200",
                                                              "offset=200&limit=100&status_ids=0 -> 200"});
    REQUIRE(report.tasks.size() == 1);
    const TaskFindings& task = report.tasks[0];
    CHECK(task.complete);
    CHECK(task.problem.empty());
    CHECK(task.total == 253);
    CHECK(task.kept == 220);
    CHECK(report.findings.size() == 220);
    const SeverityCounts counts = report.counts();  // as the scenario's summary says
    CHECK(counts.critical == 3);
    CHECK(counts.major == 27);
    CHECK(counts.minor == 70);
    CHECK(counts.suggestion == 120);
    const auto findings = by_id(report);
    CHECK(findings.size() == 220);       // each once
    CHECK(findings.count("d012") == 0);  // resolved
    CHECK(findings.count("d001") == 0);  // dismissed
    CHECK(service.logged("page at offset 0 failed for now"));
    CHECK(service.logged(
        "task T1: 220 findings (of 253) read in 3 pages (3 duplicates, 30 resolved or dismissed left out)"));

    // Hostile text arrives as sent, and gives no location.
    REQUIRE(findings.count("d004") == 1);
    CHECK(findings.at("d004").service_path == "src/\x1b[31mansi.c");
    CHECK_FALSE(findings.at("d004").path);
    CHECK(findings.at("d003").message.find("\x1b[31mred ANSI") == 0);
    CHECK(findings.at("d002").message == "::error file=/etc/passwd::injected annotation");
    for (const char* hostile : {"d002", "d003", "d005", "d006", "d008", "d009", "d010", "d011", "d015"}) {
        CAPTURE(hostile);
        CHECK_FALSE(findings.at(hostile).path);
    }
    CHECK(findings.at("d013").path == "src/prefixed_1.cpp");
    CHECK(findings.at("d014").path == "include/prefixed_2.h");
    CHECK(findings.at("d016").line == 0);
    CHECK(findings.at("d020").line == 750);
    CHECK(findings.at("d020").path == "src/module_6.cpp");
    CHECK(report.findings.front().severity == Severity::Critical);
}

TEST_CASE("findings from the emulator: all of them when asked, and a page refused for good") {
    SUBCASE("resolved and dismissed too") {
        FindingsService service;
        flow::FindingsSettings settings;
        settings.unresolved_only = false;
        settings.page_size = 120;  // asked for 100 at most
        const FindingsReport report = service.fetch(settings);
        CHECK(report.tasks[0].complete);
        CHECK(report.findings.size() == 250);
        CHECK(service.page_requests().front() == "offset=0&limit=100 -> 200");
    }
    SUBCASE("refused for good") {
        FindingsService service;
        service.emulator.load_scenario(R"({"rules": [{"call": "defects", "task": "T1", "status": 400,
            "body": {"error_code": "CC.00050000", "error_msg": "parameters not valid"}}]})");
        const FindingsReport report = service.fetch(flow::FindingsSettings{});
        CHECK_FALSE(report.complete());
        CHECK(report.findings.empty());
        CHECK(report.tasks[0].problem ==
              "the page at offset 0 could not be read: HTTP 400 CC.00050000: parameters not valid; 0 of an "
              "unknown number of findings kept");
        CHECK(service.page_requests().size() == 1);
    }
}
