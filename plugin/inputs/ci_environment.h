// Which CI runs us, from the variables each platform sets.
#pragma once

#include <string>

#include "core/ci_kind.h"
#include "inputs/config.h"

namespace ccs::inputs {

struct CiEnvironment {
    CiKind kind = CiKind::Plain;
    std::string github_output_path;   // $GITHUB_OUTPUT, GitHub only, empty when unset
    std::string github_summary_path;  // $GITHUB_STEP_SUMMARY, GitHub only, empty when unset
    std::string github_state_path;    // $GITHUB_STATE, GitHub only, empty when unset
    std::string job_status;           // CI_JOB_STATUS (GitLab sets it for after_script), empty when unset
};

// GITHUB_ACTIONS=true: GitHub; GITLAB_CI=true: GitLab; JENKINS_URL set: Jenkins; otherwise Plain.
// (config.h's detect_ci() is this function's kind.)
CiEnvironment ci_environment(const Environment& env);

}  // namespace ccs::inputs
