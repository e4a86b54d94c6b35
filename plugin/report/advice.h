// What the user should do about a task that could not be stopped, decided from the data the
// service gave (HTTP status, error code), not from how the program failed.
#pragma once

#include <string>

#include "core/task_result.h"

namespace ccs::report {

enum class Advice {
    None,              // the task did not fail (run mode: its check was started or followed and read)
    FixClock,          // the gateway refused the signature's time: this machine's clock is off
    RenewCredentials,  // 401, CC.00000003 (authentication expired), CC.00050007 (IAM authentication failed)
    CheckPermissions,  // 403, CC.00050010 (no permission)
    JoinProject,       // CC.00050011 (the user is in no project of the tenant)
    CheckCredentials,  // refused, but the answer does not say how
    CheckTaskId,       // CC.00050013 (what a wrong task id produces)
    RetryLater,        // a transient error until the retries or the time ran out
    CheckNetwork,      // attempts were made but no answer came
    RaiseLimits,       // no answer could be had: this machine gave no descriptor or memory for a connection
    Generic,
};

Advice advice_kind(const TaskResult& task);

// One or two sentences; "" for Advice::None.
std::string advice_text(Advice advice);

std::string advice_for(const TaskResult& task);

// Whether the advice is about the credentials (renew them, or their permissions).
bool is_about_credentials(Advice advice);

}  // namespace ccs::report
