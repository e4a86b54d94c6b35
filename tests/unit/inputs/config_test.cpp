// inputs/config.cpp: where the program runs, and the modes with the inputs only some modes have.
#include <chrono>
#include <cstdio>
#include <fstream>

#include "input_test_helpers.h"
#include "inputs/config.h"
#include "inputs/task_ids.h"

using namespace ccs::inputs;
using namespace ccs::inputs::testing;
using namespace ccs;
using std::chrono::milliseconds;

// CI detection from the environment.

TEST_CASE("GitHub Actions, with its file command paths") {
    Environment env = valid_env();
    env["GITHUB_ACTIONS"] = "true";
    env["GITHUB_OUTPUT"] = "/github/file_commands/set_output_1";
    env["GITHUB_STEP_SUMMARY"] = "/github/file_commands/step_summary_1";
    const Config config = config_of({}, env);
    CHECK(config.ci == ccs::CiKind::GitHub);
    CHECK(config.github_output_path == "/github/file_commands/set_output_1");
    CHECK(config.github_summary_path == "/github/file_commands/step_summary_1");
}

TEST_CASE("GitHub without the file command variables leaves the paths empty") {
    const CiEnvironment ci = ci_environment({{"GITHUB_ACTIONS", "true"}});
    CHECK(ci.kind == ccs::CiKind::GitHub);
    CHECK(ci.github_output_path.empty());
    CHECK(ci.github_summary_path.empty());
}

TEST_CASE("GitLab, Jenkins and plain") {
    CHECK(detect_ci({{"GITLAB_CI", "true"}}) == ccs::CiKind::GitLab);
    CHECK(detect_ci({{"JENKINS_URL", "https://jenkins.example/"}}) == ccs::CiKind::Jenkins);
    CHECK(detect_ci({}) == ccs::CiKind::Plain);
    CHECK(detect_ci({{"GITHUB_ACTIONS", "false"}, {"GITLAB_CI", "1"}, {"JENKINS_URL", ""}}) ==
          ccs::CiKind::Plain);
}

TEST_CASE("GitHub wins when several are set; the paths are only read on GitHub") {
    CHECK(detect_ci({{"GITHUB_ACTIONS", "true"}, {"GITLAB_CI", "true"}}) == ccs::CiKind::GitHub);
    const CiEnvironment ci = ci_environment({{"GITLAB_CI", "true"}, {"GITHUB_OUTPUT", "/x"}});
    CHECK(ci.kind == ccs::CiKind::GitLab);
    CHECK(ci.github_output_path.empty());
}

TEST_CASE("detect_ci works even when the inputs are invalid") {
    CHECK(detect_ci({{"GITHUB_ACTIONS", "true"}, {"INPUT_TASK-ID", "../x"}}) == ccs::CiKind::GitHub);
}

// Modes and the inputs only some modes have: watch and its command, guard, the post run's saved
// state, --stop-on, --grace, --task-id-file, --dotenv, --json-file.

TEST_CASE("stop is the default mode; --mode and INPUT_MODE choose guard") {
    CHECK(config_of({}, valid_env()).mode == Mode::Stop);
    Environment github = valid_env_with("GITHUB_ACTIONS", "true");
    github["GITHUB_STATE"] = "/tmp/state";
    CHECK(config_of({"--mode", "guard"}, github).mode == Mode::Guard);
    github["INPUT_MODE"] = "guard";
    CHECK(config_of({}, github).mode == Mode::Guard);
    CHECK(failure_of({"--mode", "watch"}, valid_env()).find("--mode: \"watch\" is not a mode") == 0);
}

TEST_CASE("guard needs a GitHub runner's $GITHUB_STATE to arm the post run") {
    const std::string message = failure_of({}, valid_env_with("INPUT_MODE", "guard"));
    CHECK(message.find("INPUT_MODE") == 0);
    CHECK(message.find("$GITHUB_STATE") != std::string::npos);
}

TEST_CASE("run: the subcommand, --mode run and INPUT_MODE run; its options and their defaults") {
    CHECK(config_of({"run"}, valid_env()).mode == Mode::Run);
    CHECK(config_of({"--mode", "run"}, valid_env()).mode == Mode::Run);
    const Config config = config_of({}, valid_env_with("INPUT_MODE", "run"));
    CHECK(config.mode == Mode::Run);
    CHECK(config.timeout == std::chrono::minutes(60));
    CHECK(config.ref.empty());
    CHECK(config.fail_on.kind == FailOn::Kind::Gate);
    CHECK(config.poll_interval == milliseconds(15000));

    const Config given = config_of({"run", "--ref", "merge_request", "--poll-interval", "1s", "--fail-on",
                                    "critical, major>10", "--timeout", "2h"},
                                   valid_env());
    CHECK(given.ref == "merge_request");
    CHECK(given.poll_interval == milliseconds(1000));
    CHECK(given.fail_on.describe() == "critical,major>10");
    CHECK(given.timeout == std::chrono::hours(2));

    Environment env = valid_env();
    env["INPUT_REF"] = "pull";
    env["INPUT_POLL-INTERVAL"] = "30s";
    env["CODEARTS_CHECK_FAIL_ON"] = "never";
    const Config from_env = config_of({"run"}, env);
    CHECK(from_env.ref == "pull");
    CHECK(from_env.poll_interval == milliseconds(30000));
    CHECK(from_env.fail_on.kind == FailOn::Kind::Never);
}

TEST_CASE("run: bad values name the input; the options are not read in other modes") {
    CHECK(failure_of({"run", "--fail-on", "blocker"}, valid_env()).find("--fail-on: ") == 0);
    CHECK(failure_of({"run"}, valid_env_with("INPUT_FAIL-ON", "gate,critical")).find("INPUT_FAIL-ON: ") == 0);
    CHECK(failure_of({"run", "--ref", "main"}, valid_env()).find("--ref: \"main\" is not a ref") == 0);
    CHECK(failure_of({"run", "--poll-interval", "500ms"}, valid_env()).find("--poll-interval: ") == 0);
    CHECK(failure_of({"run", "--poll-interval", "6m"}, valid_env()).find("--poll-interval: ") == 0);
    CHECK(failure_of({"run", "--timeout", "25h"}, valid_env()).find("--timeout: ") == 0);
    CHECK(failure_of({"run", "--task-id-file", "ids.txt"}, valid_env()).find("--task-id-file: ") == 0);
    // An action passes every input in every mode: stop ignores run's.
    Environment env = valid_env();
    env["INPUT_FAIL-ON"] = "blocker";
    env["INPUT_REF"] = "main";
    CHECK(config_of({}, env).mode == Mode::Stop);
}

TEST_CASE("findings: the subcommand and --mode findings; where findings go and which are read") {
    const Config config = config_of({"findings"}, valid_env());
    CHECK(config.mode == Mode::Findings);
    CHECK(config.timeout == std::chrono::minutes(5));
    CHECK(config.max_findings == 5000);
    CHECK_FALSE(config.all_findings);
    CHECK(config.reads_findings());
    CHECK(config_of({"--mode", "findings"}, valid_env()).mode == Mode::Findings);

    const Config given =
        config_of({"findings", "--sarif", "out.sarif", "--codequality", "cq.json", "--max-findings", "20",
                   "--all-findings", "--path-prefix", "/workspace/repo/", "--timeout", "1h"},
                  valid_env());
    CHECK(given.sarif_path == "out.sarif");
    CHECK(given.codequality_path == "cq.json");
    CHECK(given.max_findings == 20);
    CHECK(given.all_findings);
    CHECK(given.path_prefix == "/workspace/repo/");
    CHECK(given.timeout == std::chrono::hours(1));

    Environment env = valid_env();
    env["INPUT_SARIF"] = "results.sarif";
    env["CODEARTS_CHECK_MAX_FINDINGS"] = "7";
    const Config from_env = config_of({"findings"}, env);
    CHECK(from_env.sarif_path == "results.sarif");
    CHECK(from_env.max_findings == 7);
}

TEST_CASE("findings: bad values name the input; nothing is read for none") {
    CHECK(failure_of({"findings", "--max-findings", "100001"}, valid_env()).find("--max-findings: ") == 0);
    CHECK(failure_of({"findings", "--max-findings", "-1"}, valid_env()).find("--max-findings: ") == 0);
    CHECK(failure_of({"findings", "--max-findings", "0"}, valid_env()).find("--max-findings: ") == 0);
    CHECK(failure_of({"findings", "--timeout", "2h"}, valid_env()).find("--timeout: ") == 0);
    CHECK(failure_of({"findings", "--task-id-file", "ids.txt"}, valid_env()).find("--task-id-file: ") == 0);
    CHECK(failure_of({"findings", "--sarif", std::string("a\nb")}, valid_env()).find("--sarif: ") == 0);
    CHECK(failure_of({"--mode", "find"}, valid_env()).find("use stop, guard, run or findings") !=
          std::string::npos);
}

TEST_CASE(
    "run mode reads findings when a file asks for them or GitHub shows them, unless --max-findings is 0") {
    CHECK_FALSE(config_of({"run"}, valid_env()).reads_findings());
    CHECK(config_of({"run", "--sarif", "f.sarif"}, valid_env()).reads_findings());
    CHECK(config_of({"run", "--codequality", "cq.json"}, valid_env()).reads_findings());
    CHECK_FALSE(
        config_of({"run", "--sarif", "f.sarif", "--max-findings", "0"}, valid_env()).reads_findings());
    Environment github = valid_env();
    github["GITHUB_ACTIONS"] = "true";
    CHECK(config_of({"run"}, github).reads_findings());
    // Stop mode ignores them: an action passes every input in every mode.
    Environment env = valid_env();
    env["INPUT_SARIF"] = "f.sarif";
    CHECK_FALSE(config_of({}, env).reads_findings());
    CHECK(config_of({}, env).sarif_path.empty());
}

TEST_CASE("post run of a run-mode main run: its --timeout is the checks', not the stop's") {
    Environment env = valid_env_without("INPUT_TASK-ID");
    env["STATE_armed"] = "true";
    env["STATE_task-ids"] = "t1";
    env["STATE_mode"] = "run";
    env["INPUT_TIMEOUT"] = "90m";
    const Config config = config_of({"post"}, env);
    CHECK(config.guard_state.by_run);
    CHECK(config.timeout == milliseconds(30000));
}

TEST_CASE("watch: the words after -- are the command, options or not") {
    const Config config = config_of({"watch", "--json", "--", "make", "--json", "-j2", "--"}, valid_env());
    CHECK(config.mode == Mode::Watch);
    CHECK(config.json);
    CHECK(config.command == std::vector<std::string>{"make", "--json", "-j2", "--"});
    CHECK_FALSE(config.command_timeout);
}

TEST_CASE("watch: --timeout is how long the command may run, up to 24 h; no default") {
    const Config config = config_of({"watch", "--timeout", "2h", "--", "true"}, valid_env());
    REQUIRE(config.command_timeout);
    CHECK(*config.command_timeout == std::chrono::hours(2));
    CHECK(config_of({"watch", "--timeout", "90", "--", "true"}, valid_env()).command_timeout ==
          milliseconds(90000));
    CHECK(failure_of({"watch", "--timeout", "25h", "--", "true"}, valid_env()).find("--timeout") == 0);
    // Outside watch mode the run's deadline keeps its own limit.
    CHECK(failure_of({"--timeout", "2h"}, valid_env()).find("--timeout") == 0);
}

TEST_CASE("watch needs its command after --, and says so") {
    CHECK(failure_of({"watch"}, valid_env()).find("watch needs the command to run after --") == 0);
    CHECK(failure_of({"watch", "--"}, valid_env()).find("watch needs the command to run after --") == 0);
    CHECK(failure_of({"watch", "sleep", "60"}, valid_env()).find("the command to watch goes after --") !=
          std::string::npos);
}

TEST_CASE("a subcommand is only ever the first word") {
    CHECK(failure_of({"--json", "watch"}, valid_env()).find("unexpected argument \"watch\"") == 0);
    CHECK(config_of({"--region", "cn-north-4"}, valid_env_without("INPUT_REGION")).mode == Mode::Stop);
}

TEST_CASE("post: task ids are not required; the saved state is read") {
    Environment env = valid_env_without("INPUT_TASK-ID");
    env["STATE_armed"] = "true";
    env["STATE_task-ids"] = "t1 t2";
    const Config config = config_of({"post"}, env);
    CHECK(config.mode == Mode::Post);
    CHECK(config.guard_state.armed);
    CHECK(config.guard_state.task_ids == std::vector<std::string>{"t1", "t2"});
    env["STATE_task-ids"] = "../x";
    CHECK(failure_of({"post"}, env).find("STATE_task-ids") == 0);
}

TEST_CASE("--task-id-file stands in for --task-id; the file need not exist yet") {
    const Config config =
        config_of({"--task-id-file", "/nonexistent/task-id"}, valid_env_without("INPUT_TASK-ID"));
    CHECK(config.task_id_file == "/nonexistent/task-id");
    CHECK(config.task_ids.empty());
    CHECK(failure_of({}, valid_env_without("INPUT_TASK-ID")).find("--task-id-file") != std::string::npos);
}

TEST_CASE("read_task_id_file: missing, empty, ids, malformed") {
    const ccs::Deadline soon = ccs::Deadline::in(std::chrono::seconds(5));
    const std::string path = "/tmp/ccs-modes-test-task-id";
    std::remove(path.c_str());
    CHECK(read_task_id_file(path, soon).ids.empty());
    CHECK(read_task_id_file(path, soon).absent_reason.find("cannot be read") != std::string::npos);
    std::ofstream(path) << " \n";
    CHECK(read_task_id_file(path, soon).absent_reason.find("is empty") != std::string::npos);
    std::ofstream(path) << "t1\nt2,t1\n";
    CHECK(read_task_id_file(path, soon).ids == std::vector<std::string>{"t1", "t2"});
    std::ofstream(path) << "t1 ../etc\n";
    CHECK_THROWS_AS(read_task_id_file(path, soon), InvalidInput);
    std::remove(path.c_str());
}

TEST_CASE("--stop-on: GitLab's job statuses, commas or spaces; CI_JOB_STATUS is read wherever it is set") {
    CHECK(config_of({}, valid_env()).stop_on == std::vector<std::string>{"canceled", "timedout", "failed"});
    CHECK(config_of({"--stop-on", "canceled, failed"}, valid_env()).stop_on ==
          std::vector<std::string>{"canceled", "failed"});
    CHECK(failure_of({"--stop-on", "cancelled"}, valid_env())
              .find("\"cancelled\" is not a GitLab job status") != std::string::npos);
    CHECK(config_of({}, valid_env_with("CI_JOB_STATUS", "success")).job_status == "success");
}

TEST_CASE("--grace takes a duration, 6 s by default") {
    CHECK(config_of({}, valid_env()).grace == milliseconds(6000));
    CHECK(config_of({"--grace", "2500ms"}, valid_env()).grace == milliseconds(2500));
    CHECK(failure_of({"--grace", "0"}, valid_env()).find("--grace") == 0);
}

TEST_CASE("--dotenv and --json-file are paths; control characters are refused") {
    const Config config = config_of({"--dotenv", "out.env", "--json-file", "result.json"}, valid_env());
    CHECK(config.dotenv_path == "out.env");
    CHECK(config.json_file_path == "result.json");
    CHECK(failure_of({"--dotenv", "a\x01"}, valid_env()).find("--dotenv") == 0);
}
