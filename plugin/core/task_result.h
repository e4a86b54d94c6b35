// What happened to each task, and to the run as a whole: the data every reporter renders and the
// exit code is derived from.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"

namespace ccs {

enum class Outcome {
    Stopped,     // it was running and is stopped now
    NotRunning,  // finished, failed, stopped or never run before we came: nothing to do, success
    Failed,      // could not be stopped (or could not be confirmed stopped)
};

const char* to_string(Outcome outcome);  // "stopped", "not-running", "failed"

// task_status of GET /v2/tasks/{id}/progress: 0 running, 1 check failed, 2 succeeded, 3 stopped;
// nullopt stands for the service's null (never run).
using TaskStatus = std::optional<int>;
std::string describe_status(const TaskStatus& status);  // "running", "stopped", "never run", ...

// Run mode: what became of a check this program started (or found running and followed).
enum class CheckStatus {
    Passed,            // the check succeeded and passed the gate (or --fail-on never)
    GateFailed,        // the check succeeded, but the gate (the task's own, or --fail-on) failed
    CheckFailed,       // the service reports the check failed (task_status 1)
    Stopped,           // this run stopped it: timeout or signal
    StoppedElsewhere,  // someone else stopped it (task_status 3 while we followed)
    Failed,            // it could not be started, followed or read (the detail says why)
};
const char* to_string(CheckStatus status);  // "passed", "gate-failed", "check-failed", "stopped", ...

enum class GateVerdict { None, Passed, Failed };
const char* to_string(GateVerdict verdict);  // "none", "passed", "failed"

struct CheckRun {
    std::string exec_id;         // from the run call; "" when the task was already running (followed)
    bool followed_only = false;  // it was running already: followed, not restarted
    CheckStatus status = CheckStatus::Failed;
    std::optional<SeverityCounts> counts;  // once the check succeeded and its counts were read
    GateVerdict gate = GateVerdict::None;
};

struct TaskResult {
    std::string task_id;
    Outcome outcome = Outcome::Failed;
    std::string detail;                    // one human sentence: why this outcome
    std::string error_code;                // the service's error_code, if any (e.g. "CC.00000003")
    std::string error_message;             // the service's error_msg, if any
    int http_status = 0;                   // of the call that decided a failure, 0 if none
    bool credentials_refused = false;      // 401/403 or an authentication error code: exit code 3
    bool local_limit = false;              // the deciding call failed for want of a descriptor or memory here
    std::vector<std::string> request_ids;  // X-Request-Id of every answer received for this task
    int attempts = 0;                      // HTTP attempts made for this task, all calls together
    std::chrono::milliseconds elapsed{0};
    // Run mode only: the check's fate. `outcome` then tells what the stop did, if one was needed
    // (Stopped after a timeout or signal; NotRunning when the check ended by itself).
    std::optional<CheckRun> check;
};

enum class RunResult { Success, Failure, Skipped };
const char* to_string(RunResult result);  // "success", "failure", "skipped"

struct RunReport {
    std::vector<TaskResult> tasks;  // in the order the task ids were given
    std::chrono::milliseconds elapsed{0};
    std::string skipped_reason;  // set when nothing was attempted
    // Set by a mode whose exit code is not the tasks' (watch: the command's, 124 or 128 + signal).
    std::optional<int> exit_code;
    // Findings mode, and run mode when findings were asked for (--sarif, --codequality, GitHub's
    // annotations): the findings of the tasks whose check succeeded.
    std::optional<FindingsReport> findings;

    // A run-mode report: its tasks carry `check` (any of them does).
    bool is_run_mode() const;
    // A findings-mode report: findings, and no task results (those are the stop's and the run's).
    bool is_findings_mode() const { return tasks.empty() && findings.has_value(); }
    // Skipped without tasks. Stop mode: failure when a task's outcome is Failed. Run mode: failure
    // unless every task's check passed (a task without `check` has not). Findings mode (no tasks,
    // `findings` set): failure unless every task's findings were read in full.
    RunResult result() const;
    std::vector<std::string> ids_with(Outcome outcome) const;
    std::vector<std::string> request_ids() const;  // all tasks, in order
    // A task that failed (run mode: did not pass) had its credentials refused.
    bool credentials_refused() const;
};

// The documented exit codes.
namespace exit_code {
constexpr int ok = 0;                   // no task failed (or nothing to do); run mode: every check passed
constexpr int task_failed = 1;          // a task could not be stopped; run mode: a check did not pass
constexpr int invalid_input = 2;        // invalid input or configuration: nothing was sent
constexpr int credentials_refused = 3;  // the service refused the credentials or the permission
}  // namespace exit_code

int exit_code_for(const RunReport& report);

}  // namespace ccs
