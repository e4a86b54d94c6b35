#include <doctest/doctest.h>

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <sstream>
#include <thread>

#include "captured_reporter.h"
#include "report/capped_log.h"
#include "report/reporter.h"
#include "report_samples.h"
#include "support/json_result.h"

using namespace ccs::report;

using Captured = ccs::report::test::CapturedReporter;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("plain: begin shows nothing; log lines go to stderr with the program's name") {
    Captured run;
    run.reporter->begin({samples::secret});
    CHECK(run.out.str().empty());
    CHECK(run.err.str().empty());
    run.reporter->log("task a: POST /v2/tasks/a/stop -> 200 in 12 ms");
    run.reporter->log("two\nlines");
    CHECK(run.err.str() ==
          "codearts-check-stop: task a: POST /v2/tasks/a/stop -> 200 in 12 ms\n"
          "codearts-check-stop: two\ncodearts-check-stop: lines\n");
    CHECK(run.out.str().empty());
}

TEST_CASE("plain: invalid input") {
    Captured run;
    run.reporter->invalid_input("--task-id: \"a/b\" is not a task id");
    CHECK(run.err.str() == "codearts-check-stop: error: --task-id: \"a/b\" is not a task id\n");
}

TEST_CASE("plain: finish writes a line per task and the result") {
    Captured run;
    run.reporter->begin({});
    run.reporter->finish(samples::mixed_report());
    const auto lines = lines_of(run.err.str());
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] ==
          "codearts-check-stop: task aaa111: stopped (it was running; the service confirms it is stopped)");
    CHECK(lines[1] == "codearts-check-stop: task bbb222: not-running (it was not running (check succeeded))");
    CHECK(lines[2].rfind("codearts-check-stop: task ccc333: failed (the stop call was refused); "
                         "HTTP 401, CC.00000003: 认证信息过期; request id req-ccc333. ",
                         0) == 0);
    CHECK(lines[2].find("renew the credentials") != std::string::npos);
    CHECK(lines[3] == "codearts-check-stop: result: failure (1 stopped, 1 not running, 1 failed) in 2.3 s");
    CHECK(run.out.str().empty());  // no JSON unless asked
}

TEST_CASE("plain: a skipped run") {
    Captured run;
    ccs::RunReport report;
    report.skipped_reason = "no task id was given";
    run.reporter->finish(report);
    CHECK(run.err.str() == "codearts-check-stop: result: skipped (no task id was given)\n");
}

TEST_CASE("plain: --json writes the document to stdout, with the exit code from the report") {
    ReportSettings settings;
    settings.json = true;
    Captured run(settings);
    run.reporter->begin({});
    run.reporter->finish(samples::mixed_report());
    const std::string out = run.out.str();
    REQUIRE(out.size() > 1);
    CHECK(out.back() == '\n');
    CHECK(lines_of(out).size() == 1);
    const auto document = ccs::test::parse_json_object(out);
    CHECK(document->getValue<int>("exit-code") == ccs::exit_code::credentials_refused);
}

TEST_CASE("plain: no secret reaches stdout or stderr") {
    ReportSettings settings;
    settings.json = true;
    Captured run(settings);
    run.reporter->begin({samples::secret});
    run.reporter->log("using token " + samples::secret);
    run.reporter->invalid_input("--token " + samples::secret + " is too long");
    run.reporter->finish(samples::leaky_report());
    CHECK(run.err.str().find(samples::secret) == std::string::npos);
    CHECK(run.out.str().find(samples::secret) == std::string::npos);
    CHECK(run.err.str().find("using token ***") != std::string::npos);
    CHECK(run.out.str().find("X-Auth-Token: ***") != std::string::npos);
}

TEST_CASE("plain: log lines from many threads do not interleave") {
    Captured run;
    run.reporter->begin({});
    std::vector<std::thread> threads;
    threads.reserve(8);
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&run, t] {
            for (int i = 0; i < 200; ++i) {
                run.reporter->log("thread " + std::to_string(t) + " line " + std::to_string(i) + " end");
            }
        });
    }
    for (auto& thread : threads) thread.join();
    const auto lines = lines_of(run.err.str());
    CHECK(lines.size() == 8 * 200);
    for (const auto& line : lines) {
        const bool whole = line.rfind("codearts-check-stop: thread ", 0) == 0 && line.size() > 4 &&
                           line.compare(line.size() - 4, 4, " end") == 0;
        if (!whole) FAIL("interleaved line: " << line);
    }
}

TEST_CASE("make_reporter: Jenkins uses the plain reporter (GitLab's: gitlab_reporter_test.cpp)") {
    for (const auto ci : {ccs::CiKind::Plain, ccs::CiKind::Jenkins}) {
        ReportSettings settings;
        settings.ci = ci;
        Captured run(settings);
        run.reporter->log("hello");
        CHECK(run.err.str() == "codearts-check-stop: hello\n");
        CHECK(run.out.str().empty());
    }
    ReportSettings github;
    github.ci = ccs::CiKind::GitHub;
    Captured run(github);
    run.reporter->log("hello");
    CHECK(run.out.str() == "hello\n");
    CHECK(run.err.str().empty());
}

TEST_CASE(
    "plain: a run over thousands of tasks writes as many task lines as the JSON has objects, then says how "
    "many more") {
    Captured run;
    run.reporter->begin({});
    ccs::RunReport report;
    for (int i = 0; i < 1005; ++i) report.tasks.push_back(samples::stopped("task" + std::to_string(i)));
    run.reporter->finish(report);
    const auto lines = lines_of(run.err.str());
    REQUIRE(lines.size() == 1002);  // 1000 tasks, the rest in one line, the result
    CHECK(lines[999].find("task task999: stopped") != std::string::npos);
    CHECK(lines[1000] ==
          "codearts-check-stop: ... and 5 more task(s): --json or --json-file lists every one");
}

TEST_CASE("the log stops at its limit: one line says so, the end says how many lines were left out") {
    Captured run;
    run.reporter->begin({});
    const std::string line(1000, 'x');
    const std::size_t fitting = max_log_bytes / (line.size() + 1);
    for (std::size_t i = 0; i < fitting + 50; ++i) run.reporter->log(line);
    run.reporter->finish(samples::mixed_report());
    const auto lines = lines_of(run.err.str());
    const auto logged =
        static_cast<std::size_t>(std::count(lines.begin(), lines.end(), "codearts-check-stop: " + line));
    CHECK(logged == fitting);
    CHECK(run.err.str().size() < max_log_bytes + std::size_t{64} * 1024);
    CHECK(
        std::count(lines.begin(), lines.end(),
                   "codearts-check-stop: the log is over its limit: further lines are left out (the results "
                   "cover every task)") == 1);
    CHECK(std::find(lines.begin(), lines.end(),
                    "codearts-check-stop: 50 log line(s) were left out (the log's limit)") != lines.end());
    // The results still follow, after the note.
    CHECK(lines.back().find("result") != std::string::npos);
}
