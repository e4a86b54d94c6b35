// GitLab: the requests in a collapsed section, results below it, and a dotenv report GitLab accepts
// (checked by tests/support/gitlab_dotenv, which follows GitLab's parser); --json-file for everyone.
#include <doctest/doctest.h>

#include <Poco/JSON/Object.h>

#include <sstream>

#include "captured_reporter.h"
#include "report/gitlab_reporter.h"
#include "report/reporter.h"
#include "report_samples.h"
#include "support/gitlab_dotenv.h"
#include "support/json_result.h"
#include "support/temp_dir.h"

using namespace ccs;
using namespace ccs::report;
using ccs::test::parse_gitlab_dotenv;

using Captured = ccs::report::test::CapturedReporter;

namespace {

ReportSettings gitlab_settings() {
    ReportSettings settings;
    settings.ci = CiKind::GitLab;
    return settings;
}

}  // namespace

TEST_CASE("gitlab: section markers as GitLab parses them") {
    CHECK(gitlab::section_start(1700000000, "codearts_check_stop", "Stopping\ntasks", true) ==
          "\x1b[0Ksection_start:1700000000:codearts_check_stop[collapsed=true]\r\x1b[0KStopping tasks\n");
    CHECK(gitlab::section_end(1700000001, "codearts_check_stop") ==
          "\x1b[0Ksection_end:1700000001:codearts_check_stop\r\x1b[0K\n");
}

TEST_CASE("gitlab: the request log goes in one collapsed section; the results are visible after it") {
    Captured run(gitlab_settings());
    run.reporter->begin({samples::secret});
    run.reporter->log("GET /v2/tasks/aaa111/progress -> HTTP 200");
    run.reporter->log("token " + samples::secret);
    run.reporter->finish(samples::mixed_report());
    const std::string log = run.err.str();
    const auto start = log.find("section_start:");
    const auto end = log.find("section_end:");
    REQUIRE(start != std::string::npos);
    REQUIRE(end != std::string::npos);
    CHECK(log.find("section_start:", start + 1) == std::string::npos);
    CHECK(log.find("[collapsed=true]") != std::string::npos);
    CHECK(log.find("GET /v2/tasks/aaa111/progress") < end);
    CHECK(log.find("task aaa111: stopped") > end);
    CHECK(log.find("result: failure") > end);
    CHECK(log.find(samples::secret) == std::string::npos);
    CHECK(log.find("token ***") != std::string::npos);
    CHECK(run.out.str().empty());
}

TEST_CASE("gitlab: a skipped run is one line, and no section") {
    Captured run(gitlab_settings());
    run.reporter->begin({});
    run.reporter->finish([] {
        RunReport report;
        report.skipped_reason = "CI_JOB_STATUS is success";
        return report;
    }());
    CHECK(run.err.str() == "codearts-check-stop: result: skipped (CI_JOB_STATUS is success)\n");
}

TEST_CASE("dotenv: every result as KEY=value, as GitLab stores it") {
    const auto variables = parse_gitlab_dotenv(gitlab::dotenv_lines(samples::mixed_report(), 3));
    CHECK(variables.at("CODEARTS_CHECK_RESULT") == "failure");
    CHECK(variables.at("CODEARTS_CHECK_EXIT_CODE") == "3");
    CHECK(variables.at("CODEARTS_CHECK_STOPPED") == "aaa111");
    CHECK(variables.at("CODEARTS_CHECK_NOT_RUNNING") == "bbb222");
    CHECK(variables.at("CODEARTS_CHECK_FAILED") == "ccc333");
    CHECK(variables.at("CODEARTS_CHECK_REQUEST_IDS") == "req-aaa111-1,req-aaa111-2,req-bbb222,req-ccc333");
    CHECK(variables.size() == 6);
}

TEST_CASE("dotenv: request ids lose what GitLab's format cannot carry; long lists are cut whole") {
    RunReport report;
    for (int i = 0; i < 200; ++i) {
        TaskResult task = samples::stopped("task-" + std::to_string(1000 + i));
        task.request_ids = {"id \"quoted\"\n=" + std::to_string(i)};
        report.tasks.push_back(task);
    }
    const std::string lines = gitlab::dotenv_lines(report, 0);
    const auto variables = parse_gitlab_dotenv(lines);
    const std::string& stopped = variables.at("CODEARTS_CHECK_STOPPED");
    CHECK(stopped.size() <= gitlab::max_dotenv_value_bytes);
    CHECK(stopped.rfind(",...") == stopped.size() - 4);
    CHECK(stopped.find("task-1000,task-1001,") == 0);
    CHECK(variables.at("CODEARTS_CHECK_REQUEST_IDS").find("idquoted0,idquoted1,") == 0);
    CHECK(lines.size() < 5 * 1024 / 2);  // room for the job's own variables in the same file
}

TEST_CASE("the dotenv checker refuses what GitLab refuses") {
    using ccs::test::DotenvError;
    CHECK_THROWS_AS(parse_gitlab_dotenv("A=1\n\nB=2\n"), DotenvError);  // an empty line
    CHECK_THROWS_AS(parse_gitlab_dotenv("# comment\n"), DotenvError);
    CHECK_THROWS_AS(parse_gitlab_dotenv("MY-KEY=1\n"), DotenvError);
    CHECK_THROWS_AS(parse_gitlab_dotenv("A=" + std::string(5200, 'x') + "\n"), DotenvError);
    std::string many;
    for (int i = 0; i < 21; ++i) many += "K" + std::to_string(i) + "=v\n";
    CHECK_THROWS_AS(parse_gitlab_dotenv(many), DotenvError);
    CHECK(parse_gitlab_dotenv(" A = \"x y\" \nA=2").at("A") == "2");
    CHECK(parse_gitlab_dotenv("Q=\"x y\"").at("Q") == "\"x y\"");  // quotes are kept
}

TEST_CASE("--dotenv appends, --json-file replaces; both for any CI, secrets redacted") {
    ccs::test::TempDir dir;
    const std::string dotenv = dir.write("build.env", "OWN_VARIABLE=kept\n");
    const std::string json_file = dir.write("result.json", "old content");
    ReportSettings settings;
    settings.ci = CiKind::Jenkins;
    settings.dotenv_path = dotenv;
    settings.json_file_path = json_file;
    Captured run(settings);
    run.reporter->begin({samples::secret});
    run.reporter->finish(samples::leaky_report());

    const std::string json = ccs::test::read_text_file(json_file);
    CHECK(json.find(samples::secret) == std::string::npos);
    const auto document = ccs::test::parse_json_object(json);
    CHECK(document->getValue<std::string>("result") == "failure");

    const auto variables = parse_gitlab_dotenv(ccs::test::read_text_file(dotenv));
    CHECK(variables.at("OWN_VARIABLE") == "kept");
    CHECK(variables.at("CODEARTS_CHECK_FAILED") == "ddd444");
    CHECK(ccs::test::read_text_file(dotenv).find(samples::secret) == std::string::npos);
    CHECK(run.err.str().find("result: failure") != std::string::npos);  // the CI's reporter still reports
}

TEST_CASE("a file that cannot be written costs a log line, not the report") {
    ReportSettings settings;
    settings.json_file_path = "/nonexistent-dir/result.json";
    Captured run(settings);
    run.reporter->begin({});
    run.reporter->finish(samples::mixed_report());
    CHECK(run.err.str().find("could not write --json-file /nonexistent-dir/result.json") !=
          std::string::npos);
    CHECK(run.err.str().find("result: failure") != std::string::npos);
}

TEST_CASE("a mode's own exit code (watch) is the one reported") {
    ReportSettings settings = gitlab_settings();
    settings.json = true;
    Captured run(settings);
    RunReport report = samples::mixed_report();
    report.exit_code = 124;
    run.reporter->finish(report);
    CHECK(ccs::test::parse_json_object(run.out.str())->getValue<int>("exit-code") == 124);
}
