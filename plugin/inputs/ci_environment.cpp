#include "inputs/ci_environment.h"

namespace ccs::inputs {

namespace {

std::string variable(const Environment& env, const std::string& name) {
    const auto found = env.find(name);
    return found == env.end() ? std::string() : found->second;
}

}  // namespace

CiEnvironment ci_environment(const Environment& env) {
    CiEnvironment ci;
    if (variable(env, "GITHUB_ACTIONS") == "true") {
        ci.kind = CiKind::GitHub;
        ci.github_output_path = variable(env, "GITHUB_OUTPUT");
        ci.github_summary_path = variable(env, "GITHUB_STEP_SUMMARY");
        ci.github_state_path = variable(env, "GITHUB_STATE");
    } else if (variable(env, "GITLAB_CI") == "true") {
        ci.kind = CiKind::GitLab;
    } else if (!variable(env, "JENKINS_URL").empty()) {
        ci.kind = CiKind::Jenkins;
    }
    // Wherever it is set: a GitLab job status is what --stop-on compares, whichever CI we detected.
    ci.job_status = variable(env, "CI_JOB_STATUS");
    return ci;
}

CiKind detect_ci(const Environment& env) {
    return ci_environment(env).kind;
}

}  // namespace ccs::inputs
