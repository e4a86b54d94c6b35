#include <doctest/doctest.h>

#include <Poco/JSON/Object.h>

#include <fstream>
#include <sstream>

#include "report/github_commands.h"
#include "report/github_reporter.h"
#include "report/reporter.h"
#include "report_samples.h"
#include "support/github_file_commands.h"
#include "support/json_result.h"
#include "support/temp_dir.h"

using namespace ccs::report;
using ccs::test::parse_file_commands;
using ccs::test::parse_workflow_commands;
using ccs::test::WorkflowCommand;

namespace {

struct GitHubRun {
    ccs::test::TempDir dir{"ccs-report"};
    ReportSettings settings;
    std::ostringstream out;
    std::ostringstream err;
    std::unique_ptr<Reporter> reporter;

    explicit GitHubRun(bool json = false) {
        settings.ci = ccs::CiKind::GitHub;
        settings.json = json;
        settings.github_output_path = dir.file("output");
        settings.github_summary_path = dir.file("summary");
        reporter = make_reporter(settings, out, err);
    }

    std::string output_file() const { return ccs::test::read_text_file(settings.github_output_path); }
    std::string summary_file() const { return ccs::test::read_text_file(settings.github_summary_path); }
    std::vector<WorkflowCommand> commands() const { return parse_workflow_commands(out.str()); }
};

std::vector<WorkflowCommand> named(const std::vector<WorkflowCommand>& commands, const std::string& name) {
    std::vector<WorkflowCommand> matching;
    for (const auto& command : commands) {
        if (command.name == name) matching.push_back(command);
    }
    return matching;
}

// stdout without the add-mask commands, the only place a secret may appear.
std::string out_without_masks(const std::string& out) {
    std::istringstream lines(out);
    std::string kept;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("::add-mask::", 0) != 0) kept += line + "\n";
    }
    return kept;
}

}  // namespace

TEST_CASE("github: masks come first, before any other output") {
    GitHubRun run;
    run.reporter->begin({samples::secret, "", "second-secret"});
    run.reporter->log("starting");
    const std::string out = run.out.str();
    CHECK(out.rfind("::add-mask::" + samples::secret + "\n::add-mask::second-secret\n", 0) == 0);
    CHECK(out.find("starting") > out.rfind("::add-mask::"));
    CHECK(run.err.str().empty());
}

TEST_CASE("github: log lines are plain lines on stdout, and cannot issue commands") {
    GitHubRun run;
    run.reporter->begin({});
    run.reporter->log("task a: POST /v2/tasks/a/stop -> 200 in 12 ms");
    run.reporter->log("service said:\n::error::fake\n##[set-output name=result;]success");
    CHECK(run.out.str().rfind("task a: POST /v2/tasks/a/stop -> 200 in 12 ms\n", 0) == 0);
    CHECK(run.commands().empty());
}

TEST_CASE("github: invalid input is an error annotation") {
    GitHubRun run;
    run.reporter->invalid_input("INPUT_TASK-ID: \"a,b:c\" is not a task id\nsecond line");
    const auto commands = run.commands();
    REQUIRE(commands.size() == 1);
    CHECK(commands[0].name == "error");
    CHECK(commands[0].properties.at("title") == "Invalid input");
    CHECK(commands[0].message == "INPUT_TASK-ID: \"a,b:c\" is not a task id\nsecond line");
}

TEST_CASE("github: an annotation per task") {
    GitHubRun run;
    run.reporter->begin({});
    run.reporter->finish(samples::mixed_report());
    const auto commands = run.commands();
    const auto errors = named(commands, "error");
    const auto notices = named(commands, "notice");
    REQUIRE(errors.size() == 1);
    REQUIRE(notices.size() == 2);
    CHECK(errors[0].properties.at("title") ==
          "CodeArts Check task ccc333 was not stopped: the credentials were refused");
    CHECK(errors[0].message.find("Service error: HTTP 401, CC.00000003: 认证信息过期") != std::string::npos);
    CHECK(errors[0].message.find("request id req-ccc333") != std::string::npos);
    CHECK(errors[0].message.find("renew the credentials") != std::string::npos);
    CHECK(notices[0].properties.at("title") == "CodeArts Check task aaa111 stopped");
    CHECK(notices[0].message == "it was running; the service confirms it is stopped");
    CHECK(notices[1].properties.at("title") == "CodeArts Check task bbb222 was not running");
}

TEST_CASE("github: permissions refused say so, not to renew") {
    GitHubRun run;
    ccs::RunReport report;
    report.tasks = {samples::failed("t1", 403, "CC.00050010", "no permission")};
    run.reporter->finish(report);
    const auto errors = named(run.commands(), "error");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("check the IAM permissions") != std::string::npos);
}

TEST_CASE("github: no more annotations of a level than GitHub shows; the last one lists the rest") {
    GitHubRun run;
    ccs::RunReport report;
    for (int i = 0; i < 13; ++i)
        report.tasks.push_back(samples::failed("f" + std::to_string(i), 503, "", ""));
    for (int i = 0; i < 12; ++i) report.tasks.push_back(samples::stopped("s" + std::to_string(i)));
    run.reporter->finish(report);
    const auto errors = named(run.commands(), "error");
    const auto notices = named(run.commands(), "notice");
    REQUIRE(errors.size() == github::max_annotations_per_level);
    REQUIRE(notices.size() == github::max_annotations_per_level);
    CHECK(errors.back().properties.at("title") == "CodeArts Check: 4 more tasks were not stopped");
    CHECK(errors.back().message.rfind("Tasks f9, f10, f11, f12.", 0) == 0);
    CHECK(notices.back().properties.at("title") ==
          "CodeArts Check: 3 more tasks were stopped or not running");
}

TEST_CASE("github: the annotation for thousands more tasks names as many as fit, and says there are more") {
    GitHubRun run;
    ccs::RunReport report;
    for (int i = 0; i < 5000; ++i)
        report.tasks.push_back(samples::failed("task" + std::to_string(i), 503, "", ""));
    run.reporter->finish(report);
    const auto errors = named(run.commands(), "error");
    REQUIRE(errors.size() == github::max_annotations_per_level);
    CHECK(errors.back().properties.at("title") == "CodeArts Check: 4991 more tasks were not stopped");
    const std::string& message = errors.back().message;
    CHECK(message.rfind("Tasks task9, task10, ", 0) == 0);
    CHECK(message.find(", .... The step summary and the log have the details.") != std::string::npos);
    CHECK(message.size() <= github::max_message_chars);
}

TEST_CASE("github: outputs appended in heredoc form, read back with the runner's rules") {
    GitHubRun run;
    std::ofstream(run.settings.github_output_path) << "earlier=kept\n";
    run.reporter->begin({});
    run.reporter->finish(samples::mixed_report());
    const auto outputs = parse_file_commands(run.output_file());
    CHECK(outputs.at("earlier") == "kept");
    CHECK(outputs.at("result") == "failure");
    CHECK(outputs.at("stopped") == "aaa111");
    CHECK(outputs.at("not-running") == "bbb222");
    CHECK(outputs.at("failed") == "ccc333");
    CHECK(outputs.at("request-ids") == "req-aaa111-1 req-aaa111-2 req-bbb222 req-ccc333");
    CHECK(run.output_file().find("result<<ghadelimiter_") != std::string::npos);
}

TEST_CASE("github: several ids in one output are separated by single spaces") {
    ccs::RunReport report;
    report.tasks = {samples::stopped("a"), samples::stopped("b"), samples::failed("c", 500, "", "")};
    const auto outputs = parse_file_commands(github::output_entries(report));
    CHECK(outputs.at("stopped") == "a b");
    CHECK(outputs.at("not-running") == "");
    CHECK(outputs.at("failed") == "c");
}

TEST_CASE("output entries: awkward values survive the runner's parser") {
    const std::vector<std::pair<std::string, std::string>> entries{
        {"newlines", "line 1\nline 2\r\nline 3\n"},
        {"percent", "100% %0A %25"},
        {"equals", "a=b==c"},
        {"heredoc-like", "x<<EOF\nEOF\ny"},
        {"empty", ""},
        {"only-newline", "\n"},
        {"unicode", "认证信息过期"},
    };
    std::string file;
    for (const auto& [name, value] : entries) file += github::output_entry(name, value);
    const auto parsed = parse_file_commands(file);
    for (const auto& entry : entries) {
        CAPTURE(entry.first);
        CHECK(parsed.at(entry.first) == entry.second);
    }
}

TEST_CASE("github: the step summary is appended") {
    GitHubRun run;
    std::ofstream(run.settings.github_summary_path) << "# Earlier step\n";
    run.reporter->finish(samples::mixed_report());
    const std::string summary = run.summary_file();
    CHECK(summary.rfind("# Earlier step\n## CodeArts Check: stop tasks\n", 0) == 0);
    CHECK(summary.find("| ccc333 |") != std::string::npos);
}

TEST_CASE("github: a file that cannot be written is a warning, not a crash") {
    GitHubRun run;
    run.settings.github_output_path = run.dir.file("no-such-dir/output");
    run.settings.github_summary_path = run.dir.file("no-such-dir/summary");
    run.reporter = make_reporter(run.settings, run.out, run.err);
    CHECK_NOTHROW(run.reporter->finish(samples::mixed_report()));
    const auto warnings = named(run.commands(), "warning");
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].properties.at("title") == "Could not write $GITHUB_OUTPUT");
    CHECK(warnings[0].message.find(run.settings.github_output_path) != std::string::npos);
    CHECK(warnings[0].message.find("No such file or directory") != std::string::npos);
    CHECK(warnings[1].properties.at("title") == "Could not write $GITHUB_STEP_SUMMARY");
}

TEST_CASE("github: empty paths are not written") {
    GitHubRun run;
    run.settings.github_output_path.clear();
    run.settings.github_summary_path.clear();
    run.reporter = make_reporter(run.settings, run.out, run.err);
    run.reporter->finish(samples::mixed_report());
    CHECK(named(run.commands(), "warning").empty());
}

TEST_CASE("github: a skipped run is a notice, and its outputs say so") {
    GitHubRun run;
    ccs::RunReport report;
    report.skipped_reason = "no task id was given";
    run.reporter->finish(report);
    const auto notices = named(run.commands(), "notice");
    REQUIRE(notices.size() == 1);
    CHECK(notices[0].message == "no task id was given");
    CHECK(parse_file_commands(run.output_file()).at("result") == "skipped");
}

TEST_CASE("github: --json prints the document last, parseable") {
    GitHubRun run(true);
    run.reporter->begin({});
    ccs::RunReport report = samples::mixed_report();
    report.tasks[2].error_message = "##[error]from the service";
    run.reporter->finish(report);
    const std::string out = run.out.str();
    const auto last_line_start = out.rfind('\n', out.size() - 2) + 1;
    const std::string json = out.substr(last_line_start);
    const auto document = ccs::test::parse_json_object(json);
    CHECK(document->getValue<std::string>("result") == "failure");
    CHECK(document->getArray("tasks")->getObject(2)->getValue<std::string>("error-message") ==
          "##[error]from the service");
    CHECK(named(run.commands(), "error").size() == 1);  // the JSON line did not add one
}

TEST_CASE("github: no secret in stdout (but the masks), stderr, outputs or summary") {
    GitHubRun run(true);
    run.reporter->begin({samples::secret});
    run.reporter->log("using token " + samples::secret);
    run.reporter->invalid_input("--token " + samples::secret + " is too long");
    ccs::RunReport report = samples::leaky_report();
    report.tasks[1].task_id = samples::secret;  // even where nothing secret is expected
    run.reporter->finish(report);
    CHECK(out_without_masks(run.out.str()).find(samples::secret) == std::string::npos);
    CHECK(run.err.str().find(samples::secret) == std::string::npos);
    CHECK(run.output_file().find(samples::secret) == std::string::npos);
    CHECK(run.summary_file().find(samples::secret) == std::string::npos);
    CHECK(run.out.str().find("using token ***") != std::string::npos);
    CHECK(parse_file_commands(run.output_file()).at("stopped") == "***");
}
