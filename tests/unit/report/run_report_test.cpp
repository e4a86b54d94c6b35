// Run mode (issue 14): every reporter renders the checks' statuses, findings and gate, from one
// place (report/run_text), escaped for each format, within each format's limits, with secrets
// redacted; a stop-mode report renders as before (the other report tests).
#include <doctest/doctest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <map>
#include <sstream>

#include "captured_reporter.h"
#include "report/github_reporter.h"
#include "report/gitlab_reporter.h"
#include "report/json_report.h"
#include "report/reporter.h"
#include "report/run_text.h"
#include "report/summary_markdown.h"
#include "report/task_text.h"
#include "report_samples.h"
#include "support/github_file_commands.h"
#include "support/gitlab_dotenv.h"
#include "support/json_result.h"
#include "support/temp_dir.h"

using namespace ccs;
using namespace ccs::report;
using ccs::test::parse_file_commands;
using ccs::test::parse_gitlab_dotenv;
using ccs::test::parse_workflow_commands;
using ccs::test::WorkflowCommand;

namespace {

struct GitHubRun {
    ccs::test::TempDir dir{"ccs-run-report"};
    ReportSettings settings;
    std::ostringstream out;
    std::ostringstream err;
    std::unique_ptr<Reporter> reporter;

    explicit GitHubRun(bool json = false) {
        settings.ci = CiKind::GitHub;
        settings.json = json;
        settings.github_output_path = dir.file("output");
        settings.github_summary_path = dir.file("summary");
        settings.dotenv_path = dir.file("dotenv");
        settings.json_file_path = dir.file("result.json");
        reporter = make_reporter(settings, out, err);
    }

    std::map<std::string, std::string> outputs() const {
        return parse_file_commands(ccs::test::read_text_file(settings.github_output_path));
    }
    std::string summary() const { return ccs::test::read_text_file(settings.github_summary_path); }
};

std::vector<WorkflowCommand> named(const std::string& out, const std::string& name) {
    std::vector<WorkflowCommand> matching;
    for (const auto& command : parse_workflow_commands(out)) {
        if (command.name == name) matching.push_back(command);
    }
    return matching;
}

std::map<std::string, std::string> as_map(const Poco::JSON::Object::Ptr& object) {
    std::map<std::string, std::string> values;
    for (const auto& [key, value] : *object) values[key] = value.convert<std::string>();
    return values;
}

std::map<std::string, std::string> parse_status_object(const std::string& json) {
    Poco::JSON::Parser parser;
    return as_map(parser.parse(json).extract<Poco::JSON::Object::Ptr>());
}

const std::map<std::string, std::string> mixed_statuses = {
    {"run111", "passed"},       {"run222", "gate-failed"},
    {"run333", "check-failed"}, {"run444", "stopped-elsewhere"},
    {"run555", "failed"},       {"run666", "stopped"}};

RunReport many_run_tasks(int n) {
    RunReport report;
    for (int i = 0; i < n; ++i) {
        const auto status = i % 2 == 0 ? CheckStatus::Passed : CheckStatus::GateFailed;
        const auto gate = i % 2 == 0 ? GateVerdict::Passed : GateVerdict::Failed;
        report.tasks.push_back(samples::checked("0123456789abcdef0123456789ab" + std::to_string(10000 + i),
                                                status, gate, SeverityCounts{1, 1, 1, 1}));
    }
    return report;
}

}  // namespace

TEST_CASE("run: the aggregates come from one place") {
    const RunReport report = samples::mixed_run_report();
    CHECK(report.is_run_mode());
    const SeverityCounts sum = run::summed_counts(report);
    CHECK(sum.critical == 11);
    CHECK(sum.major == 22);
    CHECK(sum.minor == 33);
    CHECK(sum.suggestion == 44);
    CHECK(run::exec_ids(report) ==
          std::vector<std::string>{"exec-run222", "exec-run333", "exec-run444", "exec-run666"});
    CHECK(run::statuses_text(report) ==
          "1 passed, 1 gate-failed, 1 check-failed, 1 stopped, 1 stopped-elsewhere, 1 failed");
    CHECK(run::counts_text(sum) == "11 critical, 22 major, 33 minor, 44 suggestion");
}

TEST_CASE("run: the overall gate: failed if any failed, passed if all passed, none otherwise") {
    const auto with_gates = [](std::initializer_list<GateVerdict> gates) {
        RunReport report;
        for (const GateVerdict gate : gates) {
            report.tasks.push_back(samples::checked(
                "t" + std::to_string(report.tasks.size()),
                gate == GateVerdict::Failed ? CheckStatus::GateFailed : CheckStatus::Passed, gate));
        }
        return run::overall_gate(report);
    };
    CHECK(with_gates({}) == GateVerdict::None);
    CHECK(with_gates({GateVerdict::Passed, GateVerdict::Passed}) == GateVerdict::Passed);
    CHECK(with_gates({GateVerdict::Passed, GateVerdict::Failed}) == GateVerdict::Failed);
    CHECK(with_gates({GateVerdict::None, GateVerdict::Failed}) == GateVerdict::Failed);
    CHECK(with_gates({GateVerdict::None, GateVerdict::None}) == GateVerdict::None);
    CHECK(with_gates({GateVerdict::Passed, GateVerdict::None}) == GateVerdict::None);
    CHECK(run::overall_gate(samples::mixed_run_report()) == GateVerdict::Failed);
    CHECK(run::overall_gate(samples::passed_run_report()) == GateVerdict::Passed);
}

TEST_CASE("run: plain lines, a line per task and the result") {
    ccs::report::test::CapturedReporter captured;
    captured.reporter->begin({});
    captured.reporter->finish(samples::mixed_run_report());
    const std::string err = captured.err.str();
    CHECK(err.find("codearts-check-stop: task run111: passed (the check succeeded and passed the gate); 1 "
                   "critical, 2 major, 3 minor, 4 suggestion; gate passed; followed (it was running "
                   "already)\n") != std::string::npos);
    CHECK(err.find("codearts-check-stop: task run222: gate-failed (the gate failed: 10 critical findings); "
                   "10 critical, 20 major, 30 minor, 40 suggestion; gate failed; exec id exec-run222\n") !=
          std::string::npos);
    CHECK(
        err.find("task run333: check-failed (the service reports the check failed); exec id exec-run333\n") !=
        std::string::npos);
    CHECK(err.find("task run444: stopped-elsewhere (") != std::string::npos);
    CHECK(err.find("task run555: failed (the run call was refused); HTTP 503, CC.00000001: service busy; "
                   "request id req-run555. ") != std::string::npos);
    CHECK(err.find("task run666: stopped (the timeout stopped it)") != std::string::npos);
    CHECK(err.find("codearts-check-stop: result: failure (1 passed, 1 gate-failed, 1 check-failed, 1 "
                   "stopped, 1 stopped-elsewhere, 1 failed; 11 critical, 22 major, 33 minor, 44 "
                   "suggestion; gate failed) in 70.0 s\n") != std::string::npos);
}

TEST_CASE("run: a run where every gate passed is a success") {
    const RunReport report = samples::passed_run_report();
    CHECK(result_line(report) ==
          "result: success (2 passed; 0 critical, 1 major, 7 minor, 3 suggestion; gate passed) in 1.2 s");
    CHECK(exit_code_for(report) == 0);
}

TEST_CASE("run: GitHub outputs") {
    GitHubRun run;
    run.reporter->begin({});
    run.reporter->finish(samples::mixed_run_report());
    const auto outputs = run.outputs();
    CHECK(outputs.at("result") == "failure");
    CHECK(outputs.at("exec-ids") == "exec-run222 exec-run333 exec-run444 exec-run666");
    CHECK(parse_status_object(outputs.at("task-status")) == mixed_statuses);
    CHECK(outputs.at("critical") == "11");
    CHECK(outputs.at("major") == "22");
    CHECK(outputs.at("minor") == "33");
    CHECK(outputs.at("suggestion") == "44");
    CHECK(outputs.at("gate") == "failed");
    // The stop-mode outputs stay: what the stop did (the timeout stopped run666).
    CHECK(outputs.at("stopped") == "run666");
    CHECK(outputs.at("failed") == "");
    CHECK(outputs.at("request-ids").rfind("req-run111-run req-run111-progress ", 0) == 0);
}

TEST_CASE("run: GitHub annotations: errors for what did not pass, a warning for a stop, notices for passes") {
    GitHubRun run;
    run.reporter->finish(samples::mixed_run_report());
    const std::string out = run.out.str();
    const auto errors = named(out, "error");
    const auto warnings = named(out, "warning");
    const auto notices = named(out, "notice");
    REQUIRE(errors.size() == 4);
    REQUIRE(warnings.size() == 1);
    REQUIRE(notices.size() == 1);
    CHECK(errors[0].properties.at("title") == "CodeArts Check task run222 failed its quality gate");
    CHECK(errors[0].message.find("Findings: 10 critical, 20 major, 30 minor, 40 suggestion.") !=
          std::string::npos);
    CHECK(errors[0].message.find("Quality gate: failed.") != std::string::npos);
    CHECK(errors[0].message.find("Exec id: exec-run222.") != std::string::npos);
    CHECK(errors[1].properties.at("title") == "CodeArts Check task run333 failed its check");
    CHECK(errors[2].properties.at("title") == "CodeArts Check task run444 was stopped elsewhere");
    CHECK(errors[3].properties.at("title") == "CodeArts Check task run555 could not be run or followed");
    CHECK(errors[3].message.find("Service error: HTTP 503, CC.00000001: service busy") != std::string::npos);
    CHECK(errors[3].message.find("The request id req-run555") != std::string::npos);
    CHECK(warnings[0].properties.at("title") == "CodeArts Check task run666 was stopped by this run");
    CHECK(notices[0].properties.at("title") == "CodeArts Check task run111 passed");
    CHECK(notices[0].message.find("followed, not restarted") != std::string::npos);
}

TEST_CASE("run: refused credentials are named in the annotation and give exit code 3") {
    RunReport report = samples::passed_run_report();
    TaskResult refused = samples::checked("bad1", CheckStatus::Failed);
    refused.http_status = 401;
    refused.error_code = "CC.00000003";
    refused.credentials_refused = true;
    report.tasks.push_back(refused);
    CHECK(exit_code_for(report) == 3);
    GitHubRun run;
    run.reporter->finish(report);
    const auto errors = named(run.out.str(), "error");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].properties.at("title") ==
          "CodeArts Check task bad1 could not be run or followed: the credentials were refused");
    CHECK(errors[0].message.find("renew the credentials") != std::string::npos);
}

TEST_CASE("run: the step summary has a row per task with its status, counts, gate and time") {
    GitHubRun run;
    run.reporter->finish(samples::mixed_run_report());
    const std::string summary = run.summary();
    CHECK(summary.rfind("## CodeArts Check: run checks\n\n**Result: failure**: 1 passed, 1 gate-failed, 1 "
                        "check-failed, 1 stopped, 1 stopped-elsewhere, 1 failed; findings: 11 critical, 22 "
                        "major, 33 minor, 44 suggestion; gate: failed, in 70.0 s\n\n",
                        0) == 0);
    CHECK(summary.find("| Task | Status | Critical | Major | Minor | Suggestion | Gate | Time taken |\n"
                       "|---|---|---|---|---|---|---|---|\n") != std::string::npos);
    CHECK(
        summary.find("| run111<br>followed | **passed**: the check succeeded and passed the gate | 1 | 2 | 3 "
                     "| 4 | passed | 65.0 s |\n") != std::string::npos);
    CHECK(summary.find("| run222<br>exec id exec-run222 | **gate-failed**: the gate failed: 10 critical "
                       "findings | 10 | 20 | 30 | 40 | failed | 65.0 s |\n") != std::string::npos);
    CHECK(summary.find("| run333<br>exec id exec-run333 | **check-failed**: the service reports the check "
                       "failed | – | – | – | – | none | 65.0 s |\n") != std::string::npos);
    CHECK(summary.find("| run555 | **failed**: the run call was refused<br>HTTP 503, CC.00000001: service "
                       "busy<br>") != std::string::npos);
}

TEST_CASE("run: dotenv lines, as GitLab stores them") {
    const auto variables = parse_gitlab_dotenv(gitlab::dotenv_lines(samples::mixed_run_report(), 1));
    CHECK(variables.at("CODEARTS_CHECK_RESULT") == "failure");
    CHECK(variables.at("CODEARTS_CHECK_EXIT_CODE") == "1");
    CHECK(variables.at("CODEARTS_CHECK_EXEC_IDS") == "exec-run222,exec-run333,exec-run444,exec-run666");
    CHECK(variables.at("CODEARTS_CHECK_TASK_STATUS") ==
          "run111:passed,run222:gate-failed,run333:check-failed,run444:stopped-elsewhere,run555:failed,"
          "run666:stopped");
    CHECK(variables.at("CODEARTS_CHECK_CRITICAL") == "11");
    CHECK(variables.at("CODEARTS_CHECK_MAJOR") == "22");
    CHECK(variables.at("CODEARTS_CHECK_MINOR") == "33");
    CHECK(variables.at("CODEARTS_CHECK_SUGGESTION") == "44");
    CHECK(variables.at("CODEARTS_CHECK_GATE") == "failed");
    CHECK(variables.at("CODEARTS_CHECK_STOPPED") == "run666");
    CHECK(variables.size() == 13);
}

TEST_CASE("run: the stop-mode dotenv has none of the run-mode variables") {
    const auto variables = parse_gitlab_dotenv(gitlab::dotenv_lines(samples::mixed_report(), 3));
    CHECK(variables.size() == 6);
    CHECK(variables.count("CODEARTS_CHECK_GATE") == 0);
}

TEST_CASE("run: the JSON document gains the run-mode keys, every field with one type") {
    const auto document = ccs::test::parse_json_object(to_json(samples::mixed_run_report(), 1));
    for (const auto& key : {"result", "stopped", "not-running", "failed", "request-ids",
                            "request-ids-omitted", "exit-code", "duration-ms", "exec-ids", "task-status",
                            "critical", "major", "minor", "suggestion", "gate", "tasks", "tasks-omitted"}) {
        CHECK_MESSAGE(document->has(key), key);
    }
    CHECK(document->getValue<std::string>("result") == "failure");
    CHECK(document->getArray("exec-ids")->size() == 4);
    CHECK(as_map(document->getObject("task-status")) == mixed_statuses);
    CHECK(document->getValue<Poco::Int64>("critical") == 11);
    CHECK(document->getValue<Poco::Int64>("suggestion") == 44);
    CHECK(document->getValue<std::string>("gate") == "failed");
    const auto tasks = document->getArray("tasks");
    REQUIRE(tasks->size() == 6);
    for (std::size_t i = 0; i < tasks->size(); ++i) {
        CAPTURE(i);
        const auto check = tasks->getObject(i)->getObject("check");
        REQUIRE(check);
        CHECK(check->get("exec-id").isString());
        CHECK(check->get("followed").type() == typeid(bool));
        CHECK(check->get("status").isString());
        CHECK(check->get("counts-read").type() == typeid(bool));
        for (const auto& name : {"critical", "major", "minor", "suggestion"})
            CHECK(check->get(name).isInteger());
        CHECK(check->get("gate").isString());
    }
    const auto passed = tasks->getObject(0)->getObject("check");
    CHECK(passed->getValue<std::string>("exec-id") == "");
    CHECK(passed->getValue<bool>("followed"));
    CHECK(passed->getValue<std::string>("status") == "passed");
    CHECK(passed->getValue<bool>("counts-read"));
    CHECK(passed->getValue<Poco::Int64>("suggestion") == 4);
    CHECK(passed->getValue<std::string>("gate") == "passed");
    const auto check_failed = tasks->getObject(2)->getObject("check");
    CHECK(check_failed->getValue<std::string>("exec-id") == "exec-run333");
    CHECK_FALSE(check_failed->getValue<bool>("counts-read"));
    CHECK(check_failed->getValue<Poco::Int64>("critical") == 0);
    CHECK(check_failed->getValue<std::string>("gate") == "none");
}

TEST_CASE("run: a stop-mode JSON document has none of the run-mode keys") {
    const std::string json = to_json(samples::mixed_report(), 3);
    const auto document = ccs::test::parse_json_object(json);
    for (const auto& key : {"exec-ids", "task-status", "critical", "major", "minor", "suggestion", "gate"})
        CHECK_FALSE(document->has(key));
    CHECK_FALSE(document->getArray("tasks")->getObject(0)->has("check"));
    CHECK(json.find("\"check\"") == std::string::npos);
}

TEST_CASE("run: --json-file and --dotenv from any CI carry the run-mode keys") {
    GitHubRun run(true);
    run.reporter->finish(samples::mixed_run_report());
    const auto document =
        ccs::test::parse_json_object(ccs::test::read_text_file(run.settings.json_file_path));
    CHECK(document->getValue<std::string>("gate") == "failed");
    CHECK(document->getValue<int>("exit-code") == 1);
    const auto variables = parse_gitlab_dotenv(ccs::test::read_text_file(run.settings.dotenv_path));
    CHECK(variables.at("CODEARTS_CHECK_GATE") == "failed");
}

TEST_CASE("run: service text in run-mode fields cannot issue workflow commands or reach a log raw") {
    const std::vector<std::string> hostile = {
        "x\n::error::injected",
        "\xc2\xa0::add-mask::x",
        "##[set-output name=gate;]passed",
        "esc \x1b[31m",
        "cr\rover",
        "pipe | star * <b>",
        "nul" + std::string(1, '\0'),
    };
    for (const auto& text : hostile) {
        CAPTURE(text);
        RunReport report = samples::mixed_run_report();
        for (auto& task : report.tasks) {
            task.detail = "said: " + text;
            task.error_message = text;
            task.check->exec_id = "exec" + text;
        }
        GitHubRun run(true);
        run.reporter->begin({});
        run.reporter->finish(report);
        const std::string out = run.out.str();
        for (const auto& command : parse_workflow_commands(out)) {
            CHECK((command.name == "error" || command.name == "warning" || command.name == "notice"));
        }
        CHECK(named(out, "error").size() == 4);  // the injected text made none of its own
        CHECK(out.find('\x1b') == std::string::npos);
        CHECK(out.find('\r') == std::string::npos);
        CHECK(run.summary().find('\x1b') == std::string::npos);
        CHECK(run.summary().find("<b>") == std::string::npos);
        const auto outputs = run.outputs();
        CHECK(outputs.at("gate") == "failed");
        CHECK(parse_status_object(outputs.at("task-status")) == mixed_statuses);
        CHECK_NOTHROW(parse_gitlab_dotenv(ccs::test::read_text_file(run.settings.dotenv_path)));

        ccs::report::test::CapturedReporter plain;
        plain.reporter->finish(report);
        CHECK(plain.err.str().find('\x1b') == std::string::npos);
        CHECK(plain.err.str().find('\r') == std::string::npos);
    }
}

TEST_CASE("run: secrets are redacted from every run-mode field and output") {
    RunReport report = samples::mixed_run_report();
    for (auto& task : report.tasks) {
        task.detail = "sent " + samples::secret;
        task.check->exec_id = "exec-" + samples::secret;
    }
    GitHubRun run(true);
    run.reporter->begin({samples::secret});
    run.reporter->finish(report);
    std::string out_without_masks;
    std::istringstream lines(run.out.str());
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("::add-mask::", 0) != 0) out_without_masks += line + "\n";
    }
    CHECK(out_without_masks.find(samples::secret) == std::string::npos);
    CHECK(run.err.str().find(samples::secret) == std::string::npos);
    CHECK(ccs::test::read_text_file(run.settings.github_output_path).find(samples::secret) ==
          std::string::npos);
    CHECK(run.summary().find(samples::secret) == std::string::npos);
    CHECK(ccs::test::read_text_file(run.settings.json_file_path).find(samples::secret) == std::string::npos);
    CHECK(ccs::test::read_text_file(run.settings.dotenv_path).find(samples::secret) == std::string::npos);
    CHECK(run.outputs().at("exec-ids").find("exec-***") == 0);
}

TEST_CASE("run: thousands of tasks stay within every cap") {
    const RunReport report = many_run_tasks(5000);
    GitHubRun run;
    run.reporter->finish(report);
    const std::string out = run.out.str();
    CHECK(named(out, "error").size() == github::max_annotations_per_level);
    CHECK(named(out, "notice").size() == github::max_annotations_per_level);
    CHECK(named(out, "error").back().properties.at("title") ==
          "CodeArts Check: 2491 more tasks did not pass");
    CHECK(named(out, "notice").back().properties.at("title") == "CodeArts Check: 2491 more tasks passed");

    const auto outputs = run.outputs();
    for (const auto& output : outputs) {
        CAPTURE(output.first);
        CHECK(output.second.size() <= github::max_output_value_bytes);
    }
    const auto statuses = parse_status_object(outputs.at("task-status"));  // cut, and still JSON
    REQUIRE(statuses.count("...") == 1);
    CHECK(statuses.size() > 100);
    CHECK(statuses.at("...") == std::to_string(5000 - (statuses.size() - 1)) + " more");
    CHECK(outputs.at("critical") == "5000");
    CHECK(outputs.at("gate") == "failed");
    CHECK(outputs.at("exec-ids").size() <= github::max_output_value_bytes);
    CHECK(outputs.at("exec-ids").substr(outputs.at("exec-ids").size() - 4) == " ...");

    CHECK(run.summary().size() <= max_summary_bytes);

    const std::string dotenv = gitlab::dotenv_lines(report, 1);
    const auto variables = parse_gitlab_dotenv(dotenv);  // below GitLab's 5 KB and 20 variables
    CHECK(variables.at("CODEARTS_CHECK_TASK_STATUS").size() <= gitlab::max_dotenv_value_bytes);
    CHECK(variables.at("CODEARTS_CHECK_TASK_STATUS")
              .substr(variables.at("CODEARTS_CHECK_TASK_STATUS").size() - 4) == ",...");
    CHECK(dotenv.size() < 4500);

    const auto document = ccs::test::parse_json_object(to_json(report, 1));
    CHECK(document->getObject("task-status")->size() == 5000);  // the document lists every task
    CHECK(document->getArray("tasks")->size() == max_json_task_objects);
}

TEST_CASE("run: task_status_json keeps valid JSON at any size") {
    const RunReport report = many_run_tasks(50);
    for (const std::size_t max :
         {std::size_t{0}, std::size_t{10}, std::size_t{60}, std::size_t{200}, std::size_t{100000}}) {
        CAPTURE(max);
        const std::string json = task_status_json(report, max);
        const auto statuses = parse_status_object(json);
        if (max >= 100000) {
            CHECK(statuses.size() == 50);
        } else {
            CHECK(statuses.count("...") == 1);
        }
    }
}

TEST_CASE("run: the warnings for tasks stopped by this run leave room for the file warnings") {
    RunReport report;
    for (int i = 0; i < 30; ++i)
        report.tasks.push_back(samples::checked("s" + std::to_string(i), CheckStatus::Stopped));
    GitHubRun run;
    run.settings.github_output_path = run.dir.file("no-such-dir/output");
    run.settings.github_summary_path = run.dir.file("no-such-dir/summary");
    run.reporter = make_reporter(run.settings, run.out, run.err);
    run.reporter->finish(report);
    const auto warnings = named(run.out.str(), "warning");
    REQUIRE(warnings.size() == github::max_annotations_per_level);
    CHECK(warnings[7].properties.at("title") == "CodeArts Check: 23 more tasks were stopped by this run");
    CHECK(warnings[8].properties.at("title") == "Could not write $GITHUB_OUTPUT");
    CHECK(warnings[9].properties.at("title") == "Could not write $GITHUB_STEP_SUMMARY");
}
