// CI detection from the environment.
#include "inputs/config.h"
#include "input_test_helpers.h"

using namespace ccs::inputs;
using namespace ccs::inputs::testing;

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
