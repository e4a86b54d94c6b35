// The fault matrix (tests/faults/matrix.json, shown as docs/fault-matrix.md): every scenario is run
// against the emulator, and must end with its outcome and exit code within its time bound. A
// scenario stops one running task (mode "stop", the default), reads one finished task's findings
// (mode "findings"), or starts and follows one check
// (mode "run": `codearts-check-stop run`, the emulated check described by its "check").
#include <doctest/doctest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/ServerSocket.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "program.h"
#include "support/connect_proxy.h"
#include "support/json_result.h"

using namespace ccs::test;

namespace {

const std::string token = "tok-S3CR3T-faults-5e2b7c";  // distinctive: scanned for in every output
const std::string task = "fault-matrix-task-01";

std::string matrix_path() {
    return std::string(CCS_SCENARIO_DIR) + "/../faults/matrix.json";
}
std::string markdown_path() {
    return std::string(CCS_SCENARIO_DIR) + "/../../docs/fault-matrix.md";
}

struct Expectation {
    std::string outcome;           // the task's "outcome"; in run mode optional ("" : not checked)
    std::string status;            // run mode: the check's status ("check"."status", as in "task-status")
    std::optional<bool> followed;  // run mode: a check found running was followed, not started
    std::string findings;          // findings mode: "complete" or "partial" (the document's findings)
    int exit_code = 0;
    double max_seconds = 0;
    double min_seconds = 0;
    std::vector<std::string> detail;      // fragments the task's detail must contain
    std::map<std::string, int> requests;  // "stop"/"progress" -> how many the emulator must have received
};

struct FaultScenario {
    std::string name;
    std::string mode;               // "stop" (the default), "run" or "findings"
    std::string check;              // run mode: the task's emulated check (a task object's "run"), as JSON;
                                    // findings mode: the results of its last check (a task's "results")
    std::vector<std::string> args;  // more arguments for the program (--fail-on ...)
    std::string fault;              // what goes wrong, for people
    std::string setup;  // emulator, refused, redirect, untrusted, wrong-host, unresolvable, proxy-*-once
    std::string rules;  // the emulator rules, as JSON; "" for none
    std::string timeout;
    std::string why;
    Expectation expect;
};

using Poco::JSON::Object;

std::string condensed(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(value, out);
    return out.str();
}

Expectation expectation(const Object& json) {
    Expectation expect;
    if (json.has("outcome")) expect.outcome = json.getValue<std::string>("outcome");
    if (json.has("status")) expect.status = json.getValue<std::string>("status");
    if (json.has("followed")) expect.followed = json.getValue<bool>("followed");
    if (json.has("findings")) expect.findings = json.getValue<std::string>("findings");
    expect.exit_code = json.getValue<int>("exit_code");
    expect.max_seconds = json.getValue<double>("max_seconds");
    if (json.has("min_seconds")) expect.min_seconds = json.getValue<double>("min_seconds");
    if (json.has("detail")) {
        for (const auto& fragment : *json.getArray("detail")) expect.detail.push_back(fragment.toString());
    }
    if (json.has("requests")) {
        const auto counts = json.getObject("requests");
        for (const auto& call : counts->getNames()) expect.requests[call] = counts->getValue<int>(call);
    }
    return expect;
}

// What a row of each mode must expect: the task's outcome, the check's status, the findings' read.
const char* verdict_name(const std::string& mode) {
    if (mode == "run") return "status";
    if (mode == "findings") return "findings";
    return "outcome";
}

const std::string& verdict(const FaultScenario& scenario) {
    if (scenario.mode == "run") return scenario.expect.status;
    if (scenario.mode == "findings") return scenario.expect.findings;
    return scenario.expect.outcome;
}

std::vector<FaultScenario> load_matrix() {
    std::ifstream file(matrix_path());
    REQUIRE_MESSAGE(file, "cannot read " << matrix_path());
    Poco::JSON::Parser parser;
    const auto document = parser.parse(file).extract<Object::Ptr>();
    std::vector<FaultScenario> scenarios;
    for (const auto& entry : *document->getArray("scenarios")) {
        const auto& json = entry.extract<Object::Ptr>();
        FaultScenario scenario;
        scenario.name = json->getValue<std::string>("name");
        scenario.mode = json->has("mode") ? json->getValue<std::string>("mode") : "stop";
        REQUIRE_MESSAGE((scenario.mode == "stop" || scenario.mode == "run" || scenario.mode == "findings"),
                        scenario.name << ": mode");
        if (json->has("check")) scenario.check = condensed(json->get("check"));
        if (json->has("args")) {
            for (const auto& arg : *json->getArray("args")) scenario.args.push_back(arg.toString());
        }
        scenario.fault = json->getValue<std::string>("fault");
        scenario.setup = json->has("setup") ? json->getValue<std::string>("setup") : "emulator";
        if (json->has("rules")) scenario.rules = condensed(json->get("rules"));
        scenario.timeout = json->getValue<std::string>("timeout");
        scenario.why = json->getValue<std::string>("why");
        scenario.expect = expectation(*json->getObject("expect"));
        // Each mode's verdict must be asked for: a row that checks nothing cannot fail.
        REQUIRE_MESSAGE(!verdict(scenario).empty(),
                        scenario.name << ": expect needs " << verdict_name(scenario.mode));
        scenarios.push_back(std::move(scenario));
    }
    return scenarios;
}

std::string seconds_text(const Expectation& expect) {
    std::ostringstream text;
    if (expect.min_seconds > 0) text << expect.min_seconds << "–";
    text << expect.max_seconds << " s";
    return text.str();
}

std::string render_rows(const std::vector<FaultScenario>& scenarios, const std::string& mode) {
    std::ostringstream md;
    const std::map<std::string, std::string> verdict_heading = {
        {"stop", "outcome"}, {"run", "task status"}, {"findings", "findings"}};
    md << "| scenario | what goes wrong | `--timeout` | " << verdict_heading.at(mode)
       << " | exit code | run time | why |\n"
          "|---|---|---|---|---|---|---|\n";
    for (const auto& s : scenarios) {
        if (s.mode != mode) continue;
        md << "| `" << s.name << "` | " << s.fault << " | " << s.timeout << " | " << verdict(s) << " | "
           << s.expect.exit_code << " | " << seconds_text(s.expect) << " | " << s.why << " |\n";
    }
    return md.str();
}

std::string render_markdown(const std::vector<FaultScenario>& scenarios) {
    std::ostringstream md;
    md << "# Fault matrix\n\n"
          "What `codearts-check-stop` does when the network or the service misbehaves, against the test\n"
          "emulator set up to fail that way, with the `--timeout` given. \"Run time\" is the time from "
          "start\n"
          "to exit the run must stay within (and, where given, at least take: a `Retry-After` is honoured,\n"
          "a wait is not ended early).\n\n"
          "Generated from `tests/faults/matrix.json`; `tests/integration/fault_matrix_test.cpp` runs every "
          "row\n"
          "and checks that this file matches (`CCS_UPDATE_FAULT_MATRIX=1` makes it rewrite the file).\n\n"
          "## Stop\n\n"
          "Each row stops one running task (`codearts-check-stop --task-id ID --json`).\n\n"
       << render_rows(scenarios, "stop")
       << "\n## Run\n\n"
          "Each row starts one check and follows it (`codearts-check-stop run --task-id ID --poll-interval "
          "1s\n"
          "--json`); the emulated check ends 300 ms after it starts. \"Task status\" is the task's status "
          "in\n"
          "the JSON document (`check.status`, as in `task-status`).\n\n"
       << render_rows(scenarios, "run")
       << "\n## Findings\n\n"
          "Each row reads the findings of one task whose check has ended (`codearts-check-stop findings "
          "--task-id\n"
          "ID --json`): 250 of them, three pages of 100. \"Findings\" is whether the JSON document says "
          "they\n"
          "were read in full (`findings.complete`): a partial read must never say complete.\n\n"
       << render_rows(scenarios, "findings");
    return md.str();
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// A loopback port nobody listens on (bound, then released: nothing else on this machine takes it
// between here and the run but by a rare chance).
int unused_port() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    const int port = socket.address().port();
    socket.close();
    return port;
}

// The servers one scenario needs, and the arguments that point the program at them.
struct Stage {
    std::unique_ptr<Emulator> service;
    std::unique_ptr<Emulator> other_host;  // where a redirect points; must receive nothing
    std::unique_ptr<ConnectProxy> proxy;   // HTTPS_PROXY, misbehaving on its first CONNECT
    std::vector<std::string> args;
    Environment env;
};

// A run-mode check unless the row describes its own: not running, started it ends after 300 ms
// with success and findings that pass the task's gate.
const std::string default_check =
    R"({"steps": [{"after_ms": 0, "ratio": "0%", "info": "queued"}, {"after_ms": 100, "ratio": "50%",)"
    R"( "info": "scanning"}], "duration_ms": 300, "final_status": 2, "results": {"severity": {"minor": 3},)"
    R"( "is_access": "true"}})";

// A findings-mode task unless the row gives its own results: a check that ended with 250 findings,
// which the emulator makes up from the counts.
const std::string default_results =
    R"({"severity": {"critical": 10, "major": 140, "minor": 100}, "is_access": "true"})";

EmulatorOptions service_options(const FaultScenario& scenario) {
    EmulatorOptions options;
    options.tokens = {token};
    if (scenario.mode == "stop") options.tasks = {{task, 0}};
    return options;
}

Stage stage_for(const FaultScenario& scenario) {
    Stage stage;
    const std::string& setup = scenario.setup;
    if (setup == "refused") {
        stage.args = {"--endpoint", "https://127.0.0.1:" + std::to_string(unused_port()), "--iam-token",
                      token};
    } else if (setup == "unresolvable") {
        stage.args = {"--endpoint", "https://codearts-check.invalid", "--iam-token", token};
    } else {
        EmulatorOptions options = service_options(scenario);
        if (setup == "wrong-host") options.extra_args = {"--cert-host", "codearts-check.example.com"};
        stage.service = std::make_unique<Emulator>(options);
        if (scenario.mode == "run") {
            const std::string check = scenario.check.empty() ? default_check : scenario.check;
            stage.service->setup_task(R"({"id": ")" + task + R"(", "status": null, "run": )" + check + "}");
        }
        if (scenario.mode == "findings") {
            const std::string results = scenario.check.empty() ? default_results : scenario.check;
            stage.service->setup_task(R"({"id": ")" + task + R"(", "status": 2, "results": )" + results +
                                      "}");
        }
        std::string rules = scenario.rules;
        if (setup == "redirect") {
            EmulatorOptions other;
            other.tls = false;
            other.extra_args = {"--host", "127.0.0.2"};
            stage.other_host = std::make_unique<Emulator>(other);
            rules = replace_all(rules, "{other_host}", stage.other_host->url());
        }
        if (!rules.empty()) stage.service->load_scenario("{\"rules\":" + rules + "}");
        if (setup == "proxy-drip-once" || setup == "proxy-silent-once") {
            const std::chrono::milliseconds drip(setup == "proxy-drip-once" ? 300 : 0);
            stage.proxy = std::make_unique<ConnectProxy>(drip, 1);
            stage.env["HTTPS_PROXY"] = "http://127.0.0.1:" + std::to_string(stage.proxy->port());
        }
        stage.args = emulator_flags(*stage.service, token);
        if (setup == "untrusted") stage.args.resize(4);  // --endpoint URL --token T: no --ca-file
    }
    if (scenario.mode == "findings") stage.args.insert(stage.args.begin(), "findings");
    if (scenario.mode == "run") {
        // The least poll interval allowed: the first look at the progress after a second.
        stage.args.insert(stage.args.begin(), "run");
        stage.args.insert(stage.args.end(), {"--poll-interval", "1s"});
    }
    stage.args.insert(stage.args.end(), {"--task-id", task, "--timeout", scenario.timeout, "--json"});
    stage.args.insert(stage.args.end(), scenario.args.begin(), scenario.args.end());
    return stage;
}

std::map<std::string, int> requests_by_call(const Emulator& emulator) {
    std::map<std::string, int> counts;
    for (const auto& request : emulator.requests()) {
        const std::string call = request.path.substr(request.path.rfind('/') + 1);
        ++counts[call];
    }
    return counts;
}

Object::Ptr task_result(const ProcessResult& run) {
    try {
        return parse_json_object(run.out)->getArray("tasks")->getObject(0);
    } catch (const std::exception&) {
        return nullptr;
    }
}

void check_requests(const Expectation& expect, const Emulator& service) {
    const auto counts = requests_by_call(service);
    for (const auto& expected : expect.requests) {
        const std::string& call = expected.first;  // a structured binding cannot be captured (clang 14)
        const auto found = counts.find(call);
        CHECK_MESSAGE((found == counts.end() ? 0 : found->second) == expected.second, call << " requests");
    }
}

// Findings mode: the document's findings say complete or partial, and the problem says why.
void check_findings(const ProcessResult& run, const Expectation& expect, const Stage& stage) {
    Object::Ptr findings;
    try {
        findings = parse_json_object(run.out)->getObject("findings");
    } catch (const std::exception&) {
    }
    REQUIRE_MESSAGE(findings, "stdout is not a --json document with findings");
    CHECK((findings->getValue<bool>("complete") ? "complete" : "partial") == expect.findings);
    const std::string problem = findings->getArray("tasks")->getObject(0)->getValue<std::string>("problem");
    for (const auto& fragment : expect.detail) {
        CHECK_MESSAGE(contains(problem, fragment),
                      "problem \"" << problem << "\" lacks \"" << fragment << "\"");
    }
    if (stage.service) check_requests(expect, *stage.service);
}

void run_scenario(const FaultScenario& scenario) {
    INFO("scenario " << scenario.name << ": " << scenario.fault);
    Stage stage = stage_for(scenario);
    const Expectation& expect = scenario.expect;
    const auto limit = std::chrono::milliseconds(static_cast<long>(expect.max_seconds * 1000) + 10000);
    const ProcessResult run =
        run_process(program_path(), stage.args, with_sanitizer_settings(stage.env), limit);
    INFO("stdout:\n" << run.out << "\nstderr:\n" << run.err);
    REQUIRE_FALSE(run.timed_out);
    check_no_secret_leaked(run, stage.args, {});

    CHECK(run.exit_code == expect.exit_code);
    CHECK(run.seconds <= expect.max_seconds);
    CHECK(run.seconds >= expect.min_seconds);
    if (scenario.mode == "findings") return check_findings(run, expect, stage);
    const auto result = task_result(run);
    REQUIRE_MESSAGE(result, "stdout is not the --json document");
    if (!expect.outcome.empty()) CHECK(result->getValue<std::string>("outcome") == expect.outcome);
    if (!expect.status.empty()) {
        const auto check = result->getObject("check");
        REQUIRE_MESSAGE(check, "the task has no \"check\" object");
        CHECK(check->getValue<std::string>("status") == expect.status);
        if (expect.followed) CHECK(check->getValue<bool>("followed") == *expect.followed);
    }
    const std::string detail = result->getValue<std::string>("detail");
    for (const auto& fragment : expect.detail) {
        CHECK_MESSAGE(contains(detail, fragment), "detail \"" << detail << "\" lacks \"" << fragment << "\"");
    }
    if (stage.service) {
        check_requests(expect, *stage.service);
        // A stopped task is stopped in the service too, not only in the report.
        if (expect.outcome == "stopped" || expect.status == "stopped")
            CHECK(stage.service->task_status(task) == 3);
    }
    if (stage.other_host) CHECK(stage.other_host->requests().empty());
}

}  // namespace

TEST_CASE("the fault matrix document is the table in tests/faults/matrix.json") {
    const std::string expected = render_markdown(load_matrix());
    if (std::getenv("CCS_UPDATE_FAULT_MATRIX") != nullptr) {
        std::ofstream(markdown_path(), std::ios::binary | std::ios::trunc) << expected;
    }
    const std::string actual = read_file_if_present(markdown_path()).value_or("");
    CHECK_MESSAGE(actual == expected,
                  "docs/fault-matrix.md is out of date: run this test with CCS_UPDATE_FAULT_MATRIX=1");
}

TEST_CASE("fault matrix: every scenario ends with its outcome and exit code within its time bound") {
    const auto scenarios = load_matrix();
    REQUIRE(scenarios.size() >= 20);
    const char* only = std::getenv("CCS_FAULT_SCENARIO");  // run one row while working on it
    for (const auto& scenario : scenarios) {
        if (only != nullptr && scenario.name != only) continue;
        SUBCASE(scenario.name.c_str()) {
            run_scenario(scenario);
        }
    }
}
