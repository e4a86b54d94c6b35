// The findings through the reporters the program makes: the files, GitHub's annotations and summary,
// the JSON document, the plain and GitLab log lines.
#include <doctest/doctest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "findings_samples.h"
#include "report/findings_markdown.h"
#include "report/github_commands.h"
#include "report/github_findings.h"
#include "report/github_reporter.h"
#include "report/json_report.h"
#include "report/reporter.h"
#include "report_samples.h"
#include "support/github_file_commands.h"
#include "support/json_result.h"
#include "support/temp_dir.h"

using namespace ccs;
using namespace ccs::report;
using ccs::test::parse_workflow_commands;
using ccs::test::WorkflowCommand;
using Poco::JSON::Object;

namespace {

// A run-mode report whose checks passed, with `findings`.
RunReport with_findings(const FindingsReport& findings) {
    RunReport report = samples::passed_run_report();
    report.findings = findings;
    return report;
}

FindingsReport hostile_and_many(std::size_t many) {
    FindingsReport findings = samples::many_findings(many);
    const auto hostile = samples::hostile_findings();
    findings.findings.insert(findings.findings.begin(), hostile.findings.begin(), hostile.findings.end());
    std::stable_sort(findings.findings.begin(), findings.findings.end(),
                     [](const Finding& a, const Finding& b) { return a.severity < b.severity; });
    return findings;
}

struct Run {
    ccs::test::TempDir dir{"ccs-findings"};
    ReportSettings settings;
    std::ostringstream out;
    std::ostringstream err;

    explicit Run(CiKind ci) {
        settings.ci = ci;
        settings.sarif_path = dir.file("results.sarif");
        settings.codequality_path = dir.file("gl-code-quality.json");
        settings.json_file_path = dir.file("result.json");
        settings.github_summary_path = dir.file("summary.md");
    }

    void finish(const RunReport& report, const std::vector<std::string>& secrets = {}) {
        const auto reporter = make_reporter(settings, out, err);
        reporter->begin(secrets);
        reporter->finish(report);
    }

    Object::Ptr json_findings() const {
        return ccs::test::parse_json_object(ccs::test::read_text_file(settings.json_file_path))
            ->getObject("findings");
    }
};

std::map<std::string, std::size_t> count_by_name(const std::vector<WorkflowCommand>& commands) {
    std::map<std::string, std::size_t> counts;
    for (const auto& command : commands) ++counts[command.name];
    return counts;
}

// A Markdown table row's cell separators: the pipes not escaped with a backslash.
std::size_t unescaped_pipes(const std::string& row) {
    std::size_t pipes = 0;
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (row[i] == '\\') {
            ++i;
        } else if (row[i] == '|') {
            ++pipes;
        }
    }
    return pipes;
}

}  // namespace

TEST_CASE("findings files: --sarif and --codequality are written, whichever CI, and the JSON says so") {
    for (const CiKind ci : {CiKind::GitHub, CiKind::GitLab, CiKind::Plain}) {
        CAPTURE(static_cast<int>(ci));
        Run run(ci);
        run.finish(with_findings(samples::hostile_findings()));
        const auto sarif = Poco::JSON::Parser().parse(ccs::test::read_text_file(run.settings.sarif_path));
        CHECK(sarif.extract<Object::Ptr>()->getValue<std::string>("version") == "2.1.0");
        const auto quality =
            Poco::JSON::Parser().parse(ccs::test::read_text_file(run.settings.codequality_path));
        CHECK(quality.extract<Poco::JSON::Array::Ptr>()->size() ==
              samples::hostile_findings().findings.size() - 1);
        const auto findings = run.json_findings();
        REQUIRE(findings);
        CHECK(findings->getValue<bool>("complete"));
        CHECK(findings->getValue<long>("major") == 3);
        const auto files = findings->getArray("files");
        REQUIRE(files->size() == 2);
        CHECK(files->getObject(0)->getValue<std::string>("format") == "sarif");
        CHECK(files->getObject(0)->getValue<bool>("written"));
        CHECK(files->getObject(0)->getValue<std::string>("path") == run.settings.sarif_path);
        CHECK(files->getObject(1)->getValue<std::string>("format") == "codequality");
        CHECK(files->getObject(1)->getValue<long>("left-out") == 1);
        const auto task = findings->getArray("tasks")->getObject(0);
        CHECK(task->getValue<std::string>("task-id") == "T1");
        CHECK(task->getValue<bool>("complete"));
        CHECK_FALSE(findings->has("findings"));  // the list is in the files, not the JSON
    }
}

TEST_CASE("findings files: a file that cannot be written costs a log line and says so, never the run") {
    Run run(CiKind::Plain);
    run.settings.sarif_path = run.dir.file("no-such-dir/results.sarif");
    const std::string fifo = run.dir.file("fifo");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    run.settings.codequality_path = fifo;  // nobody reads it: refused at once, not waited on
    run.finish(with_findings(samples::hostile_findings()));
    const std::string log = run.err.str();
    CHECK(log.find("could not write --sarif " + run.settings.sarif_path + ": No such file or directory") !=
          std::string::npos);
    CHECK(log.find("could not write --codequality " + fifo) != std::string::npos);
    CHECK(log.find("SARIF: NOT written to") != std::string::npos);
    const auto files = run.json_findings()->getArray("files");
    CHECK_FALSE(files->getObject(0)->getValue<bool>("written"));
    CHECK_FALSE(files->getObject(1)->getValue<bool>("written"));
    CHECK(log.find("result: success") != std::string::npos);
}

TEST_CASE("findings files: secrets are redacted from them as from everything else") {
    Run run(CiKind::Plain);
    FindingsReport findings = samples::hostile_findings();
    findings.findings[0].message += " token=" + samples::secret;
    run.finish(with_findings(findings), {samples::secret});
    CHECK(ccs::test::read_text_file(run.settings.sarif_path).find(samples::secret) == std::string::npos);
    CHECK(ccs::test::read_text_file(run.settings.codequality_path).find(samples::secret) ==
          std::string::npos);
}

TEST_CASE("plain and GitLab: one line about the findings, partial said so, where the files went") {
    for (const CiKind ci : {CiKind::GitLab, CiKind::Plain}) {
        Run run(ci);
        run.finish(with_findings(samples::partial_findings()));
        const std::string log = run.err.str();
        CHECK(
            log.find(
                "codearts-check-stop: findings: 2 critical, 3 major, 4 minor, 4 suggestion (INCOMPLETE: task "
                "T2: defects-detail page 2 failed: HTTP 500 ::error::from the service); SARIF: " +
                run.settings.sarif_path + " (1 without a location left out); Code Quality: " +
                run.settings.codequality_path + " (1 without a location left out)\n") != std::string::npos);
        const auto findings = run.json_findings();
        CHECK_FALSE(findings->getValue<bool>("complete"));
        const auto task = findings->getArray("tasks")->getObject(1);
        CHECK(task->getValue<std::string>("task-id") == "T2");
        CHECK(task->getValue<long>("total") == 500);
        CHECK_FALSE(task->getValue<bool>("complete"));
        CHECK(task->getValue<std::string>("problem") == samples::partial_findings().tasks[1].problem);
    }
}

TEST_CASE("GitHub: findings become annotations, most severe first, no more than GitHub shows") {
    Run run(CiKind::GitHub);
    run.finish(with_findings(hostile_and_many(300)));
    const auto commands = parse_workflow_commands(run.out.str());
    const auto counts = count_by_name(commands);
    CHECK(counts.at("error") == 10);
    CHECK(counts.at("warning") == 8);  // two kept for the files the reporter may fail to write
    CHECK(counts.at("notice") == 10);  // two tasks passed, 7 suggestions, and the line for the rest
    CHECK(commands.size() == 28);      // nothing else: no hostile text became a command
    const auto first_finding =
        std::find_if(commands.begin(), commands.end(),
                     [](const WorkflowCommand& command) { return command.properties.count("file"); });
    REQUIRE(first_finding != commands.end());
    CHECK(first_finding->message.rfind("critical: ", 0) == 0);
    const WorkflowCommand& rest = commands.back();
    CHECK(rest.name == "notice");
    CHECK(rest.properties.at("title").find("more findings not annotated") != std::string::npos);
    CHECK(rest.message.find("SARIF file " + run.settings.sarif_path) != std::string::npos);
}

TEST_CASE("GitHub: a finding's annotation has its file, line and rule; none without a path") {
    FindingsReport findings;
    findings.findings = {
        samples::finding(Severity::Major, "rule,with:colons", "src/a b,c:d.c", 12, "msg ::error::x"),
        samples::finding(Severity::Minor, "no-path", std::nullopt, 7, "no path"),
        samples::finding(Severity::Suggestion, "no-line", "src/x.c", 0, "no line")};
    const auto commands = parse_workflow_commands(
        github::finding_annotations(findings, FindingsFiles{}, github::budget_after("")));
    REQUIRE(commands.size() == 3);
    CHECK(commands[0].name == "error");
    CHECK(commands[0].properties.at("file") == "src/a b,c:d.c");
    CHECK(commands[0].properties.at("line") == "12");
    CHECK(commands[0].properties.at("title") == "rule,with:colons");
    CHECK(commands[0].message == "major: msg ::error::x");
    CHECK(commands[1].name == "warning");
    CHECK(commands[1].properties.count("file") == 0);
    CHECK(commands[1].properties.count("line") == 0);
    CHECK(commands[2].name == "notice");
    CHECK(commands[2].properties.at("file") == "src/x.c");
    CHECK(commands[2].properties.count("line") == 0);
}

TEST_CASE("GitHub: hostile findings yield exactly their annotations, their text shown, not obeyed") {
    const auto findings = samples::hostile_findings();
    const std::string output = github::finding_annotations(findings, FindingsFiles{}, {20, 20, 20});
    const auto commands = parse_workflow_commands(output);
    CHECK(commands.size() == findings.findings.size());
    CHECK(std::count(output.begin(), output.end(), '\n') == static_cast<long>(findings.findings.size()));
    CHECK(output.find('\x1b') == std::string::npos);
    CHECK(output.find('\0') == std::string::npos);
    for (const auto& command : commands) CHECK(command.message.size() <= github::max_message_chars * 3);
}

TEST_CASE("GitHub: without a SARIF file, the findings not annotated are pointed to the console") {
    const auto findings = samples::many_findings(40);
    const auto commands =
        parse_workflow_commands(github::finding_annotations(findings, FindingsFiles{}, {10, 10, 0}));
    REQUIRE_FALSE(commands.empty());
    CHECK(commands.size() == 20);  // no notice left: the line for the rest is a plain line
    const std::string output = github::finding_annotations(findings, FindingsFiles{}, {10, 10, 0});
    CHECK(
        output.find(
            "CodeArts Check: 20 more findings not annotated. GitHub shows at most 10 annotations of a level "
            "per step. Every finding is in the CodeArts Check console") != std::string::npos);
}

TEST_CASE("GitHub: the step summary has the counts and a table of the most severe findings, escaped") {
    Run run(CiKind::GitHub);
    run.finish(with_findings(hostile_and_many(100)));
    const std::string summary = ccs::test::read_text_file(run.settings.github_summary_path);
    const auto section = summary.find("### Findings");
    REQUIRE(section != std::string::npos);
    CHECK(summary.find("**27 critical, 28 major, 29 minor, 29 suggestion**: every finding was read.") !=
          std::string::npos);
    CHECK(summary.find("SARIF: " + run.settings.sarif_path) != std::string::npos);
    std::istringstream lines(summary.substr(section));
    std::size_t rows = 0;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("| ", 0) != 0 || line.rfind("| Severity", 0) == 0) continue;
        ++rows;
        CAPTURE(line);
        CHECK(unescaped_pipes(line) == 5);
    }
    CHECK(rows == max_summary_findings);
    CHECK(summary.find("<script>") == std::string::npos);
    CHECK(summary.find("&lt;script&gt;") != std::string::npos);
    CHECK(summary.find("93 more findings are not shown here: the SARIF file") != std::string::npos);
}

TEST_CASE("GitHub: an incomplete read is said in the summary and the log line, never shown as complete") {
    Run run(CiKind::GitHub);
    run.finish(with_findings(samples::partial_findings()));
    const std::string summary = ccs::test::read_text_file(run.settings.github_summary_path);
    CHECK(summary.find("**incomplete**, not every finding was read") != std::string::npos);
    CHECK(summary.find("- task T2: defects-detail page 2 failed: HTTP 500<br>::error::from the service") !=
          std::string::npos);
    CHECK(run.out.str().find("findings: 2 critical, 3 major, 4 minor, 4 suggestion (INCOMPLETE: task T2") !=
          std::string::npos);
}

TEST_CASE("findings summary: without a SARIF file the rest is in the console") {
    const std::string markdown = findings_markdown(samples::many_findings(25), FindingsFiles{});
    CHECK(markdown.find("5 more findings are not shown here: the CodeArts Check console have them all.") !=
          std::string::npos);
}

TEST_CASE("JSON: a task whose findings could not be read at all has a null total") {
    FindingsReport findings;
    TaskFindings task;
    task.task_id = "T9";
    task.problem = "defects-detail failed: HTTP 403";
    findings.tasks = {task};
    RunReport report = with_findings(findings);
    const auto document = ccs::test::parse_json_object(to_json(report, 0));
    const auto json_task = document->getObject("findings")->getArray("tasks")->getObject(0);
    CHECK(json_task->isNull("total"));
    CHECK(json_task->getValue<long>("kept") == 0);
    CHECK_FALSE(document->getObject("findings")->getValue<bool>("complete"));
    CHECK(document->getObject("findings")->getArray("files")->size() == 0);
}
