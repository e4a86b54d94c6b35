#include "app/stopper.h"

#include <algorithm>
#include <unordered_set>

#include "api/codearts_check_client.h"
#include "app/credentials.h"
#include "app/last_resort.h"
#include "flow/stop_flow.h"
#include "http/transport.h"
#include "inputs/task_ids.h"

namespace ccs::app {
namespace {

// The report comes after the calls and must be written by the deadline too: for 100,000 tasks it
// takes about a quarter of a second (static build, 2 cores). The calls end early by 4 µs a task
// and 20 ms, never by more than a quarter of the time left.
Deadline for_calls(const Deadline& deadline, std::size_t tasks) {
    using Millis = Deadline::Millis;
    const Millis remaining = deadline.remaining();
    const Millis reserve = std::min(remaining / 4, Millis{20} + Millis{tasks / 250});
    return deadline.capped(remaining - reserve);
}

}  // namespace

TaskIdsNow task_ids_now(const inputs::Config& config, const std::vector<std::string>& given,
                        const Deadline& deadline) {
    TaskIdsNow now;
    now.ids = given;
    if (config.task_id_file.empty()) {
        if (now.ids.empty()) now.none_reason = "no task id was given";
        return now;
    }
    try {
        const inputs::TaskIdsFromFile from_file = inputs::read_task_id_file(config.task_id_file, deadline);
        // A set, not a search of the list per id: 100,000 ids must take milliseconds, not minutes.
        std::unordered_set<std::string> seen(now.ids.begin(), now.ids.end());
        for (const auto& id : from_file.ids) {
            if (seen.insert(id).second) now.ids.push_back(id);
        }
        if (now.ids.empty()) now.none_reason = from_file.absent_reason + ": nothing to stop";
    } catch (const inputs::InvalidInput& error) {
        now.invalid = error.what();
    }
    return now;
}

RunReport skipped(const std::string& reason) {
    RunReport report;
    report.skipped_reason = reason;
    return report;
}

Stopper::Stopper(const inputs::Config& config, report::Reporter& reporter)
    : config_(config),
      reporter_(reporter),
      network_(network_for(config)),
      credentials_(config, network_, reporter) {
    http::initialize_transport();
}

Stopper::~Stopper() = default;

RunReport Stopper::stop(const std::vector<std::string>& task_ids, const Deadline& deadline,
                        const StopStyle& style) const {
    // Whatever happens below, the process ends soon after the deadline, with a report.
    LastResort last_resort(deadline, task_ids, reporter_, style.exit_code);
    // Asks IAM first when the credentials need it: at the time of the stop, so its keys are fresh.
    const auth::Authorizer* authorizer = credentials_.authorizer(deadline);
    if (!authorizer) {
        last_resort.disarm();
        return credentials_.failure_report(task_ids);
    }
    const flow::Log log = [this](const std::string& line) { reporter_.log(line); };
    const api::ClientSettings settings = client_settings();
    const flow::ApiFactory make_api = [&]() {
        return std::make_unique<api::CodeArtsCheckClient>(settings, *authorizer, log);
    };
    const flow::TaskDone on_done = [&last_resort](std::size_t index, const TaskResult& result) {
        last_resort.task_done(index, result);
    };
    RunReport report = flow::stop_tasks(task_ids, config_.concurrency, make_api,
                                        for_calls(deadline, task_ids.size()), log, on_done, style.first);
    last_resort.disarm();
    return report;
}

RunReport Stopper::run(const std::vector<std::string>& task_ids, const flow::RunSettings& settings,
                       const Deadline& follow, const flow::StopDeadline& stop_deadline,
                       const Deadline& overall, std::function<std::optional<int>()> exit_code) const {
    LastResort last_resort(overall, task_ids, reporter_, std::move(exit_code));
    // IAM, when the credentials need it, within the follow's time: without credentials nothing starts.
    const auth::Authorizer* authorizer = credentials_.authorizer(follow);
    if (!authorizer) {
        last_resort.disarm();
        return credentials_.failure_report(task_ids);
    }
    const flow::Log log = [this](const std::string& line) { reporter_.log(line); };
    const api::ClientSettings client = client_settings();
    const flow::ApiFactory make_api = [&]() {
        return std::make_unique<api::CodeArtsCheckClient>(client, *authorizer, log);
    };
    const flow::TaskDone on_done = [&last_resort](std::size_t index, const TaskResult& result) {
        last_resort.task_done(index, result);
    };
    // The stops end a little early, so the report is written before the watchdog would step in.
    const flow::StopDeadline stops_by = [&stop_deadline, &task_ids]() {
        return for_calls(stop_deadline ? stop_deadline() : Deadline::in(std::chrono::seconds(6)),
                         task_ids.size());
    };
    RunReport report = flow::run_checks(task_ids, settings, make_api, follow, stops_by, log, on_done);
    last_resort.disarm();
    return report;
}

RunReport Stopper::findings(const std::vector<std::string>& task_ids, const Deadline& deadline) const {
    const auth::Authorizer* authorizer = credentials_.authorizer(deadline);
    if (!authorizer) return credentials_.failure_report(task_ids);
    const flow::Log log = [this](const std::string& line) { reporter_.log(line); };
    const api::ClientSettings client = client_settings();
    const flow::ApiFactory make_api = [&]() {
        return std::make_unique<api::CodeArtsCheckClient>(client, *authorizer, log);
    };
    flow::FindingsSettings settings;
    settings.max_findings = config_.max_findings;
    settings.unresolved_only = !config_.all_findings;
    settings.path_prefix = config_.path_prefix;
    settings.concurrency = config_.concurrency;
    RunReport report;
    report.findings = flow::fetch_findings(task_ids, settings, make_api, deadline, log);
    return report;
}

api::ClientSettings Stopper::client_settings() const {
    api::ClientSettings settings;
    settings.endpoints = config_.endpoints;
    settings.tls = network_.tls;
    settings.proxy = network_.proxy;
    settings.max_attempts = config_.retries;
    return settings;
}

}  // namespace ccs::app
