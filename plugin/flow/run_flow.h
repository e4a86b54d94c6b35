// Run mode: start each task's check (or follow the one already running), follow it until it ends,
// read its results and apply the gate. When the wait's deadline passes or is cut (--timeout, a
// signal), the checks still running are stopped with the stop flow (stop first, then confirm) by a
// deadline of their own (the grace).
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "api/task_api.h"
#include "core/deadline.h"
#include "core/gate.h"
#include "core/progress_event.h"
#include "core/task_result.h"
#include "flow/persistent_call.h"  // PollBackoff
#include "flow/stop_flow.h"

namespace ccs::flow {

// Which looks at a check's progress deserve a log line: the first, each one whose ratio or info
// differs from the last line's, and one at least every `heartbeat` even when nothing changes.
// Plain data: the caller gives the time.
class ProgressLines {
public:
    using time_point = Deadline::Clock::time_point;
    explicit ProgressLines(std::chrono::milliseconds heartbeat = std::chrono::minutes(1))
        : heartbeat_(heartbeat) {}

    // True when this look gets a line; it then becomes the last line.
    bool should_print(const std::string& ratio, const std::string& info, time_point now);

private:
    std::chrono::milliseconds heartbeat_;
    bool printed_ = false;
    std::string ratio_;
    std::string info_;
    time_point printed_at_{};
};

// Where each look at a check's progress goes (from several workers at once): the reporter, which
// shows the event's line when it has one, or its own view (a terminal's block).
using Progress = std::function<void(const ProgressEvent&)>;

struct RunSettings {
    std::string ref;      // "pull", "merge_request" or "" (no ref: body `{}`)
    FailOn fail_on;       // default: the task's own quality gate
    PollBackoff backoff;  // cap: --poll-interval
    std::chrono::milliseconds heartbeat{std::chrono::minutes(1)};  // a progress line at least this often
    int concurrency = 4;                                           // checks followed at once
    Progress progress;  // every look, with its log line when due; empty: the due lines go to the Log
};

// The deadline the stops get once the follow's has passed or been cut. Called at most once, from
// the first worker that needs it, when the follow ended with a check still running: the app returns
// a deadline `grace` from then, which a second signal cuts to now. Empty: 6 s from then.
using StopDeadline = std::function<Deadline()>;

// Starts and follows every task with at most `concurrency` at once, until each has ended or `follow`
// (the --timeout, cut to now by a signal) has passed; results keep the order of `task_ids`.
//
// Per task, into TaskResult::check (CheckRun) and the TaskResult:
//   started: exec_id; already running (CC.00050015): followed_only, not restarted, logged.
//   status 2: the summary's counts (the statistic's when it lacks them) and the gate -> Passed or
//     GateFailed (results of a check that ended as the follow's time ran out are read by the
//     StopDeadline); status 1 -> CheckFailed; status 3 -> StoppedElsewhere. `outcome` NotRunning.
//   follow deadline passed or cut while it runs -> stop_task(FirstCall::Stop) by the StopDeadline:
//     Stopped, `outcome` and the error fields from the stop.
//   a failure that is not transient (credentials refused, unknown task, an unusable answer) or
//     results that cannot be read -> Failed, `outcome` Failed, with the service's code, message and
//     HTTP status; credentials_refused for exit code 3. A task whose turn never came before the
//     deadline is Failed too ("not started").
//   Transient failures are tried again (with the back-off) until the deadline: they never end a wait.
// Every answer's request id and every attempt are counted in the task's result.
RunReport run_checks(const std::vector<std::string>& task_ids, const RunSettings& settings,
                     const ApiFactory& make_api, const Deadline& follow, const StopDeadline& stop_deadline,
                     const Log& log, const TaskDone& on_done = {});

}  // namespace ccs::flow
