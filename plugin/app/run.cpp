#include "app/run.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>
#include <ostream>

#include "app/credentials.h"
#include "app/dry_run.h"
#include "app/signals.h"
#include "app/stopper.h"
#include "core/version.h"
#include "flow/grace_period.h"
#include "flow/watch_flow.h"
#include "inputs/guard_state.h"
#include "inputs/options.h"
#include "process/child.h"
#include "report/file_outputs.h"
#include "report/github_commands.h"
#include "report/reporter.h"

namespace ccs::app {
namespace {

using Clock = Deadline::Clock;

// Exit code of a watched command that could not be started, as a shell has it.
constexpr int command_not_started = 127;

report::ReportSettings report_settings(const inputs::Config& config, int err_columns) {
    report::ReportSettings settings;
    settings.terminal_columns = err_columns;
    settings.ci = config.ci;
    settings.json = config.json;
    settings.github_output_path = config.github_output_path;
    settings.github_summary_path = config.github_summary_path;
    settings.json_file_path = config.json_file_path;
    settings.dotenv_path = config.dotenv_path;
    settings.sarif_path = config.sarif_path;
    settings.codequality_path = config.codequality_path;
    return settings;
}

std::unique_ptr<report::Reporter> reporter_from_environment(const inputs::Environment& env, std::ostream& out,
                                                            std::ostream& err) {
    report::ReportSettings settings;
    settings.ci = inputs::detect_ci(env);
    auto reporter = report::make_reporter(settings, out, err);
    reporter->begin({});
    return reporter;
}

int invalid_input(const std::string& message, const inputs::Environment& env, std::ostream& out,
                  std::ostream& err) {
    reporter_from_environment(env, out, err)->invalid_input(message);
    return exit_code::invalid_input;
}

flow::Log log_to(report::Reporter& reporter) {
    return [&reporter](const std::string& line) { reporter.log(line); };
}

// Under the post run's name, the program is the `post` subcommand.
std::vector<std::string> with_post_subcommand(const std::string& argv0, std::vector<std::string> args) {
    const std::string name = argv0.substr(argv0.find_last_of('/') + 1);
    if (name == post_program_name && (args.empty() || args.front() != inputs::post_subcommand)) {
        args.insert(args.begin(), inputs::post_subcommand);
    }
    return args;
}

// A guard's post run whose main run never armed (it failed, or never got that far) does nothing,
// not even read the inputs: they may be what made the main run fail.
bool is_unarmed_post_run(const std::vector<std::string>& args, const inputs::Environment& env) {
    if (args.empty() || args.front() != inputs::post_subcommand) return false;
    return !inputs::guard_armed(env);
}

// GitLab's after_script says why it runs: a stop only for the statuses --stop-on names.
std::string job_status_skip_reason(const inputs::Config& config) {
    if (config.job_status.empty()) return "";
    std::string wanted;
    for (const auto& status : config.stop_on) {
        if (status == config.job_status) return "";
        wanted += (wanted.empty() ? "" : ",") + status;
    }
    return "CI_JOB_STATUS is " + config.job_status + ", and --stop-on is " + wanted + ": nothing to stop";
}

// Stops `given` and the task id file's tasks by --timeout, or by --grace after a signal.
int stop_mode(const inputs::Config& config, const std::vector<std::string>& given, SignalWatcher& signals,
              report::Reporter& reporter) {
    const std::string status_reason = job_status_skip_reason(config);
    // The run's time starts now: reading the task id file (a FIFO may be slow to fill) counts too,
    // and a signal cuts it short like any other wait.
    CancellableDeadline deadline(Clock::now() + config.timeout);
    flow::GracePeriod grace(deadline, config.grace, log_to(reporter));
    const SignalRoute route(signals, [&grace](int signal) { grace.signal_received(signal); });
    const TaskIdsNow tasks = task_ids_now(config, given, deadline.deadline());
    if (!tasks.invalid.empty()) {
        reporter.invalid_input(tasks.invalid);
        return exit_code::invalid_input;
    }
    const RunReport nothing = skipped(status_reason.empty() ? tasks.none_reason : status_reason);
    if (!status_reason.empty() || tasks.ids.empty()) {
        reporter.finish(nothing);
        return exit_code::ok;
    }
    const Stopper stopper(config, reporter);
    const RunReport report = stopper.stop(tasks.ids, deadline.deadline());
    reporter.finish(report);
    return exit_code_for(report);
}

// Appends the entries to $GITHUB_STATE; the error, or "" when written.
std::string write_state(const inputs::Config& config, const inputs::StateEntries& state) {
    std::string entries;
    for (const auto& [name, value] : state) entries += report::github::output_entry(name, value);
    return report::append_to_file(config.github_state_path, entries);
}

// The guard's main run: everything is checked now (inputs, credentials), then the post run is armed.
int guard_mode(const inputs::Config& config, report::Reporter& reporter) {
    const Stopper checked(config, reporter);
    const std::string error = write_state(config, inputs::guard_state_entries(config.task_ids));
    if (!error.empty()) {
        reporter.invalid_input("could not write $GITHUB_STATE (" + config.github_state_path + "): " + error);
        return exit_code::invalid_input;
    }
    const std::string what = config.task_ids.empty() ? "the tasks in " + config.task_id_file
                                                     : std::to_string(config.task_ids.size()) + " task(s)";
    reporter.log("armed: if the job is cancelled or fails, the post run stops " + what);
    return exit_code::ok;
}

RunReport stop_for_watch(const inputs::Config& config, const Stopper& stopper, const Deadline& deadline,
                         int exit_code, const flow::Log& log) {
    const TaskIdsNow tasks = task_ids_now(config, config.task_ids, deadline);
    if (!tasks.invalid.empty()) log(tasks.invalid);
    if (!tasks.invalid.empty() || tasks.ids.empty())
        return skipped(tasks.invalid.empty() ? tasks.none_reason : tasks.invalid);
    // The build is being killed: the stop goes out first, the progress then tells what it did.
    return stopper.stop(tasks.ids, deadline, {flow::FirstCall::Stop, exit_code});
}

// Runs the command; stops the tasks when it times out or the program is interrupted.
int watch_mode(const inputs::Config& config, const inputs::Environment& env, SignalWatcher& signals,
               report::Reporter& reporter) {
    const Stopper stopper(config, reporter);  // the credentials are checked before the command starts
    const flow::Log log = log_to(reporter);
    flow::Watch watch(
        {config.command_timeout, config.grace},
        [&](const Deadline& deadline, int exit_code) {
            return stop_for_watch(config, stopper, deadline, exit_code, log);
        },
        log);
    const SignalRoute route(signals, [&watch](int signal) { watch.signal_received(signal); });
    std::unique_ptr<process::Child> child;
    try {
        child = std::make_unique<process::Child>(config.command, env, [&watch] { watch.command_exited(); });
    } catch (const process::StartError& error) {
        reporter.invalid_input(error.what());
        return command_not_started;
    }
    const process::Child& running = *child;
    const flow::WatchResult result =
        watch.run({[&running](int signal) { running.signal_group(signal); },
                   [&running](Clock::time_point until) { return running.wait_until(until); }});
    RunReport report = result.stop ? *result.stop
                                   : skipped("the command ended by itself with exit code " +
                                             std::to_string(result.exit_code) + ": nothing to stop");
    report.exit_code = result.exit_code;
    reporter.finish(report);
    return result.exit_code;
}

bool arms_post_run(const inputs::Config& config) {
    return config.ci == CiKind::GitHub && !config.github_state_path.empty();
}

// The tasks whose check may still be running after the run: it could not be started, followed or
// stopped for sure. A check that ended, by itself or by our stop, needs no post run.
std::vector<std::string> maybe_running(const RunReport& report) {
    std::vector<std::string> ids;
    for (const auto& task : report.tasks) {
        const bool ended =
            task.check && task.check->status != CheckStatus::Failed && task.outcome != Outcome::Failed;
        if (!ended) ids.push_back(task.task_id);
    }
    return ids;
}

// Whether the checks' end was the timeout's doing: the follow's time has run out and a check did not
// end by itself (it was stopped, or could not be followed to its end).
bool timed_out(const RunReport& report, const Deadline& follow) {
    if (!follow.expired()) return false;
    return std::any_of(report.tasks.begin(), report.tasks.end(), [](const TaskResult& task) {
        return !task.check || task.check->status == CheckStatus::Stopped ||
               task.check->status == CheckStatus::Failed;
    });
}

// The tasks whose check succeeded (whatever its gate said): they have findings to read.
std::vector<std::string> checks_with_findings(const RunReport& report) {
    std::vector<std::string> ids;
    for (const auto& task : report.tasks) {
        if (task.check &&
            (task.check->status == CheckStatus::Passed || task.check->status == CheckStatus::GateFailed))
            ids.push_back(task.task_id);
    }
    return ids;
}

// Run mode, once every check has ended: their findings, for the files and the annotations. Reading them
// does not change the run's result: the gate was decided from the summary.
void read_findings(const Stopper& stopper, RunReport& report, const Deadline& deadline) {
    const std::vector<std::string> ids = checks_with_findings(report);
    if (ids.empty()) return;
    RunReport read = stopper.findings(ids, deadline);
    if (read.findings) report.findings = std::move(read.findings);
}

// Starts the checks and follows them to their end, by --timeout; stops them on the timeout or a signal.
// On GitHub the post run is armed first, so a job killed before our stop finished still stops them.
int checks_mode(const inputs::Config& config, SignalWatcher& signals, report::Reporter& reporter) {
    const Stopper stopper(config, reporter);  // the credentials are checked before anything starts
    const flow::Log log = log_to(reporter);
    if (arms_post_run(config)) {
        const std::string error = write_state(config, inputs::run_state_entries(config.task_ids));
        if (!error.empty()) {
            reporter.invalid_input("could not write $GITHUB_STATE (" + config.github_state_path +
                                   "): " + error);
            return exit_code::invalid_input;
        }
        reporter.log(
            "armed: if the job is cancelled or fails before the checks end, the post run stops them");
    }
    const Clock::time_point start = Clock::now();
    // The wait: --timeout, cut to now by a signal. The stops, and with them the whole run: --grace
    // after the wait's end, a first signal leaves --grace from then, a second ends them now
    // (GracePeriod). The watchdog steps in shortly after that.
    CancellableDeadline follow(start + config.timeout);
    CancellableDeadline overall(start + config.timeout + config.grace);
    flow::GracePeriod grace(overall, config.grace, log);
    std::atomic<int> signal_exit{0};
    const SignalRoute route(signals, [&](int signal) {
        int none = 0;
        signal_exit.compare_exchange_strong(none, 128 + signal);
        follow.cut_to(Clock::now());
        grace.signal_received(signal);
    });
    const Deadline follow_deadline = follow.deadline();
    const auto exit_code_now = [&signal_exit, follow_deadline]() -> std::optional<int> {
        if (const int code = signal_exit.load(); code != 0) return code;
        if (follow_deadline.expired()) return flow::timed_out_exit_code;
        return std::nullopt;
    };
    flow::RunSettings settings;
    settings.ref = config.ref;
    settings.fail_on = config.fail_on;
    // The first look after 2 s, or after --poll-interval when that is shorter; never more apart than it.
    settings.backoff.cap = config.poll_interval;
    settings.backoff.first = std::min(settings.backoff.first, config.poll_interval);
    settings.concurrency = config.concurrency;
    settings.progress = [&reporter](const ProgressEvent& event) { reporter.progress(event); };
    const Deadline overall_deadline = overall.deadline();
    const flow::StopDeadline stop_deadline = [overall_deadline, &config] {
        return overall_deadline.capped(config.grace);
    };
    RunReport report;
    {
        // Says why the checks are being stopped when it is the timeout (a signal says so itself).
        const Deadline::Alarm timeout_note = follow_deadline.when_expired([&signal_exit, &config, &log] {
            if (signal_exit.load() != 0) return;
            log("--timeout (" + flow::duration_text(config.timeout) +
                ") passed: stopping the checks still running within " + flow::duration_text(config.grace) +
                " (--grace)");
        });
        report = stopper.run(config.task_ids, settings, follow_deadline, stop_deadline, overall_deadline,
                             exit_code_now);
    }
    if (const int code = signal_exit.load(); code != 0) {
        report.exit_code = code;
    } else if (timed_out(report, follow_deadline)) {
        report.exit_code = flow::timed_out_exit_code;
    } else if (config.reads_findings()) {
        // The checks are over, so no stop can be due any more: the findings get what is left of the
        // wait (--timeout); a signal now cuts the reading short and what was read is reported.
        read_findings(stopper, report, follow_deadline);
    }
    if (arms_post_run(config)) {
        const std::vector<std::string> running = maybe_running(report);
        const std::string error = write_state(config, inputs::run_state_after(running));
        if (!error.empty()) {
            log("warning: could not update $GITHUB_STATE (" + error + "): the post run stays armed");
        } else if (running.empty()) {
            log("disarmed: every check has ended; the post run has nothing to stop");
        }
    }
    reporter.finish(report);
    return exit_code_for(report);
}

// Reads the findings of the tasks' last checks by --timeout; a signal cuts the reading short, and what
// was read is reported as partial.
int findings_mode(const inputs::Config& config, SignalWatcher& signals, report::Reporter& reporter) {
    const Stopper stopper(config, reporter);
    const Clock::time_point start = Clock::now();
    CancellableDeadline deadline(start + config.timeout);
    std::atomic<int> signal_exit{0};
    const SignalRoute route(signals, [&](int signal) {
        int none = 0;
        if (signal_exit.compare_exchange_strong(none, 128 + signal)) {
            reporter.log("signal " + std::to_string(signal) + ": the findings read so far are reported");
        }
        deadline.cut_to(Clock::now());
    });
    RunReport report = stopper.findings(config.task_ids, deadline.deadline());
    report.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    if (const int code = signal_exit.load(); code != 0) report.exit_code = code;
    reporter.finish(report);
    return exit_code_for(report);
}

int run_mode(const inputs::Config& config, const inputs::Environment& env, SignalWatcher& signals,
             report::Reporter& reporter) {
    switch (config.mode) {
        case inputs::Mode::Stop: return stop_mode(config, config.task_ids, signals, reporter);
        case inputs::Mode::Guard: return guard_mode(config, reporter);
        case inputs::Mode::Post:
            return stop_mode(config, inputs::armed_task_ids(config.guard_state, config.task_ids), signals,
                             reporter);
        case inputs::Mode::Watch: return watch_mode(config, env, signals, reporter);
        case inputs::Mode::Run: return checks_mode(config, signals, reporter);
        case inputs::Mode::Findings: return findings_mode(config, signals, reporter);
    }
    return exit_code::invalid_input;
}

}  // namespace

int run(const std::string& argv0, const std::vector<std::string>& given_args, const inputs::Environment& env,
        std::ostream& out, std::ostream& err, int err_columns) {
    SignalWatcher signals;  // first of all: from here on no signal is lost, and none ends us unseen
    const std::vector<std::string> args = with_post_subcommand(argv0, given_args);
    if (is_unarmed_post_run(args, env)) {
        reporter_from_environment(env, out, err)
            ->log(
                "post run: the guard was not armed (its main run did not "
                "finish): nothing to stop");
        return exit_code::ok;
    }
    inputs::ParsedInputs parsed;
    try {
        parsed = inputs::parse_inputs(args, env);
    } catch (const inputs::InvalidInput& error) {
        return invalid_input(error.what(), env, out, err);
    }
    if (parsed.request == inputs::Request::Help) {
        out << inputs::help_text();
        return exit_code::ok;
    }
    if (parsed.request == inputs::Request::Version) {
        out << program_name << ' ' << program_version << '\n';
        return exit_code::ok;
    }

    const inputs::Config& config = parsed.config;
    auto reporter = report::make_reporter(report_settings(config, err_columns), out, err);
    reporter->begin(config.secrets());
    if (!signals.unavailable().empty()) {
        reporter->log("warning: signals cannot be watched (" + signals.unavailable() +
                      "): a cancel does not end this run; its --timeout does");
    }
    if (config.dry_run) {
        out << describe_planned_requests(config, *make_dry_run_authorizer(config));
        return exit_code::ok;
    }
    try {
        return run_mode(config, env, signals, *reporter);
    } catch (const inputs::InvalidInput& error) {  // credentials found unusable only when applied
        reporter->invalid_input(error.what());
        return exit_code::invalid_input;
    }
}

int run(const std::vector<std::string>& args, const inputs::Environment& env, std::ostream& out,
        std::ostream& err) {
    return run(program_name, args, env, out, err);
}

}  // namespace ccs::app
