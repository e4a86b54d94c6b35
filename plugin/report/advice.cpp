#include "report/advice.h"

#include "core/error_class.h"

namespace ccs::report {

namespace {

Advice credentials_advice(const TaskResult& task) {
    // The gateway's "signature expired, signature time:..., server time:..." is a clock off by more
    // than 15 minutes, not a bad key: renewing the keys would not help.
    if (is_clock_skew(task.error_message)) return Advice::FixClock;
    // The service's code is more precise than the HTTP status, so it decides first.
    if (const auto rule = service_code_rule(task.error_code)) {
        if (rule->cause == ErrorCause::CredentialsNotValid) return Advice::RenewCredentials;
        if (rule->cause == ErrorCause::NoPermission) return Advice::CheckPermissions;
        if (rule->cause == ErrorCause::NotInProject) return Advice::JoinProject;
    }
    // The rule the clients retry by: a code that says "busy" is not about the credentials.
    if (classify_service_error(task.http_status, task.error_code) == ErrorClass::Auth ||
        task.credentials_refused) {
        if (task.http_status == 401) return Advice::RenewCredentials;
        if (task.http_status == 403) return Advice::CheckPermissions;
        return Advice::CheckCredentials;
    }
    return Advice::None;
}

bool is_unknown_task(const TaskResult& task) {
    const auto rule = service_code_rule(task.error_code);
    return rule && rule->cause == ErrorCause::UnknownTask;
}

}  // namespace

Advice advice_kind(const TaskResult& task) {
    // Run mode: a check that could not be started, followed or read needs advice as a failed stop does.
    const bool run_failed = task.check && task.check->status == CheckStatus::Failed;
    if (task.outcome != Outcome::Failed && !run_failed) return Advice::None;
    if (const Advice about_credentials = credentials_advice(task); about_credentials != Advice::None) {
        return about_credentials;
    }
    if (is_unknown_task(task)) return Advice::CheckTaskId;
    // Only what the clients would have retried (core/error_class.h) is worth re-running.
    if (classify_service_error(task.http_status, task.error_code) == ErrorClass::Transient)
        return Advice::RetryLater;
    if (task.local_limit) return Advice::RaiseLimits;
    if (task.http_status == 0 && task.error_code.empty() && task.attempts > 0) return Advice::CheckNetwork;
    return Advice::Generic;
}

std::string advice_text(Advice advice) {
    switch (advice) {
        case Advice::None: return "";
        case Advice::RenewCredentials:
            return "The service refused the credentials as expired or not valid: renew the credentials "
                   "(a new IAM token or new AK/SK) and re-run the step.";
        case Advice::FixClock:
            return "The clock of this machine is off: the API gateway refuses a signature whose time is more "
                   "than 15 minutes from its own. Set the clock right (NTP), then re-run the step.";
        case Advice::CheckPermissions:
            return "The credentials were accepted but lack permission: check the IAM permissions of this "
                   "user, which needs the right to run and stop CodeArts Check tasks (and to read their "
                   "results, in run "
                   "mode) in the task's project.";
        case Advice::JoinProject:
            return "The IAM user is not a member of any CodeArts project of the tenant: add it to the "
                   "project that owns the task, then re-run the step.";
        case Advice::CheckCredentials:
            return "The service refused the credentials: renew the credentials, or check the IAM "
                   "permissions of this user, then re-run the step.";
        case Advice::CheckTaskId:
            return "The service does not know this task: check the task id, and that the credentials "
                   "belong to the account and region that own it.";
        case Advice::RetryLater: return "The service was busy; re-run the step (or allow it more time).";
        case Advice::CheckNetwork:
            return "No answer came from the service in time: check the endpoint (region) and the network "
                   "from the runner, then re-run the step.";
        case Advice::RaiseLimits:
            return "This machine refused the program a connection (too many open files, or no memory): raise "
                   "the open-file limit of the job (ulimit -n, a container's --ulimit nofile, a service's "
                   "LimitNOFILE) or run fewer processes beside it, then re-run the step.";
        case Advice::Generic:
            return "Check the task in CodeArts Check and stop it there if it is still running; quote the "
                   "request id to Huawei Cloud support if this persists.";
    }
    return "";
}

std::string advice_for(const TaskResult& task) {
    return advice_text(advice_kind(task));
}

bool is_about_credentials(Advice advice) {
    return advice == Advice::RenewCredentials || advice == Advice::FixClock ||
           advice == Advice::CheckPermissions || advice == Advice::JoinProject ||
           advice == Advice::CheckCredentials;
}

}  // namespace ccs::report
