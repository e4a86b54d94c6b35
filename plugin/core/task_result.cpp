#include "core/task_result.h"

#include <algorithm>

namespace ccs {

const char* to_string(Outcome outcome) {
    switch (outcome) {
        case Outcome::Stopped: return "stopped";
        case Outcome::NotRunning: return "not-running";
        case Outcome::Failed: return "failed";
    }
    return "failed";
}

const char* to_string(CheckStatus status) {
    switch (status) {
        case CheckStatus::Passed: return "passed";
        case CheckStatus::GateFailed: return "gate-failed";
        case CheckStatus::CheckFailed: return "check-failed";
        case CheckStatus::Stopped: return "stopped";
        case CheckStatus::StoppedElsewhere: return "stopped-elsewhere";
        case CheckStatus::Failed: return "failed";
    }
    return "failed";
}

const char* to_string(GateVerdict verdict) {
    switch (verdict) {
        case GateVerdict::None: return "none";
        case GateVerdict::Passed: return "passed";
        case GateVerdict::Failed: return "failed";
    }
    return "none";
}

std::string describe_status(const TaskStatus& status) {
    if (!status) return "never run";
    switch (*status) {
        case 0: return "running";
        case 1: return "check failed";
        case 2: return "check succeeded";
        case 3: return "stopped";
        default: return "unknown status " + std::to_string(*status);
    }
}

const char* to_string(RunResult result) {
    switch (result) {
        case RunResult::Success: return "success";
        case RunResult::Failure: return "failure";
        case RunResult::Skipped: return "skipped";
    }
    return "failure";
}

namespace {

bool check_passed(const TaskResult& task) {
    return task.check && task.check->status == CheckStatus::Passed;
}

}  // namespace

bool RunReport::is_run_mode() const {
    return std::any_of(tasks.begin(), tasks.end(), [](const TaskResult& t) { return t.check.has_value(); });
}

RunResult RunReport::result() const {
    // Findings mode: success when every task's findings were read in full.
    if (is_findings_mode()) return findings->complete() ? RunResult::Success : RunResult::Failure;
    if (tasks.empty()) return RunResult::Skipped;
    if (is_run_mode()) {
        return std::all_of(tasks.begin(), tasks.end(), check_passed) ? RunResult::Success
                                                                     : RunResult::Failure;
    }
    const bool any_failed = std::any_of(tasks.begin(), tasks.end(),
                                        [](const TaskResult& t) { return t.outcome == Outcome::Failed; });
    return any_failed ? RunResult::Failure : RunResult::Success;
}

std::vector<std::string> RunReport::ids_with(Outcome outcome) const {
    std::vector<std::string> ids;
    for (const auto& task : tasks) {
        if (task.outcome == outcome) ids.push_back(task.task_id);
    }
    return ids;
}

std::vector<std::string> RunReport::request_ids() const {
    std::vector<std::string> ids;
    for (const auto& task : tasks) ids.insert(ids.end(), task.request_ids.begin(), task.request_ids.end());
    return ids;
}

bool RunReport::credentials_refused() const {
    if (is_findings_mode()) {
        return std::any_of(findings->tasks.begin(), findings->tasks.end(),
                           [](const TaskFindings& t) { return t.credentials_refused; });
    }
    const bool run_mode = is_run_mode();
    return std::any_of(tasks.begin(), tasks.end(), [run_mode](const TaskResult& t) {
        const bool failed = t.outcome == Outcome::Failed || (run_mode && !check_passed(t));
        return failed && t.credentials_refused;
    });
}

int exit_code_for(const RunReport& report) {
    if (report.exit_code) return *report.exit_code;
    if (report.credentials_refused()) return exit_code::credentials_refused;
    if (report.result() == RunResult::Failure) return exit_code::task_failed;
    return exit_code::ok;
}

}  // namespace ccs
