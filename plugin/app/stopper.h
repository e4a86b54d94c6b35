// Everything a stop needs, built once from the configuration: the authorizer, the client settings,
// one client per worker. Every mode ends in Stopper::stop.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api/codearts_check_client.h"
#include "app/credentials.h"
#include "app/network.h"
#include "auth/authorizer.h"
#include "core/deadline.h"
#include "core/task_result.h"
#include "flow/findings_flow.h"
#include "flow/run_flow.h"
#include "flow/stop_flow.h"
#include "inputs/config.h"
#include "report/reporter.h"

namespace ccs::app {

// The tasks to stop, as they are known when the stop is due.
struct TaskIdsNow {
    std::vector<std::string> ids;  // --task-id's, then the file's; may be empty
    std::string none_reason;       // why there are none (the file is missing, or empty)
    std::string invalid;           // the file holds something that is not a task id: the message
};

// `given` (the --task-id ones, or the guard's saved ones) and those in config.task_id_file, read now
// and by `deadline` (the file may be a FIFO nobody writes to).
TaskIdsNow task_ids_now(const inputs::Config& config, const std::vector<std::string>& given,
                        const Deadline& deadline);

// A report for a run that attempted nothing, with the reason.
RunReport skipped(const std::string& reason);

// How a stop is made, where modes differ.
struct StopStyle {
    flow::FirstCall first = flow::FirstCall::Progress;
    // The exit code the run ends with whatever the tasks' results (watch: 124, 128 + N), also when the
    // last-resort watchdog has to end it.
    std::optional<int> exit_code;
};

class Stopper {
public:
    // Takes the credentials (checked with the inputs, before anything is due); those that need IAM
    // are asked for in stop(), within its deadline, so temporary keys are fresh when the stop is due.
    Stopper(const inputs::Config& config, report::Reporter& reporter);
    ~Stopper();

    // Stops `task_ids` by `deadline`; their results, in order. Logs through the reporter.
    RunReport stop(const std::vector<std::string>& task_ids, const Deadline& deadline,
                   const StopStyle& style = {}) const;

    // Run mode: starts and follows `task_ids`' checks (flow::run_checks) with the same clients and
    // credentials. `follow`: the wait's deadline (--timeout, cut by a signal); `stop_deadline`: the
    // stops' once it has passed; `overall`: by when everything must be over, stops included (the
    // last-resort watchdog's); `exit_code`: the one the watchdog ends with, asked when it fires.
    RunReport run(const std::vector<std::string>& task_ids, const flow::RunSettings& settings,
                  const Deadline& follow, const flow::StopDeadline& stop_deadline, const Deadline& overall,
                  std::function<std::optional<int>()> exit_code) const;

    // Findings mode, and run mode after its checks: the findings of `task_ids`' last checks
    // (flow::fetch_findings), by `deadline`, as --max-findings, --all-findings and --path-prefix say.
    // The report holds `findings`, or, when the credentials could not be had, a failed task per id.
    RunReport findings(const std::vector<std::string>& task_ids, const Deadline& deadline) const;

private:
    api::ClientSettings client_settings() const;

    const inputs::Config& config_;
    report::Reporter& reporter_;
    Network network_;               // before credentials_, which uses it
    CredentialSource credentials_;  // the Authorizer, from IAM when the kind needs it
};

}  // namespace ccs::app
