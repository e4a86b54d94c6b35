#include "app/run.h"

#include <ostream>

#include "api/codearts_check_client.h"
#include "app/credentials.h"
#include "app/dry_run.h"
#include "core/version.h"
#include "flow/stop_flow.h"
#include "http/transport.h"
#include "report/reporter.h"

namespace ccs::app {
namespace {

report::ReportSettings report_settings(const inputs::Config& config) {
    report::ReportSettings settings;
    settings.ci = config.ci;
    settings.json = config.json;
    settings.github_output_path = config.github_output_path;
    settings.github_summary_path = config.github_summary_path;
    return settings;
}

int invalid_input(const std::string& message, const inputs::Environment& env, std::ostream& out, std::ostream& err) {
    report::ReportSettings settings;
    settings.ci = inputs::detect_ci(env);
    auto reporter = report::make_reporter(settings, out, err);
    reporter->begin({});
    reporter->invalid_input(message);
    return exit_code::invalid_input;
}

int stop(const inputs::Config& config, report::Reporter& reporter) {
    const Deadline deadline = Deadline::in(config.timeout);
    const auto authorizer = make_authorizer(config);
    const flow::Log log = [&reporter](const std::string& line) { reporter.log(line); };

    api::ClientSettings client_settings;
    client_settings.endpoint = config.endpoint;
    client_settings.tls.ca_file = config.ca_file;
    client_settings.max_attempts = config.retries;
    const flow::ApiFactory make_api = [&]() {
        return std::make_unique<api::CodeArtsCheckClient>(client_settings, *authorizer, log);
    };

    http::initialize_transport();
    const RunReport report = flow::stop_tasks(config.task_ids, config.concurrency, make_api, deadline, log);
    reporter.finish(report);
    return exit_code_for(report);
}

}  // namespace

int run(const std::vector<std::string>& args, const inputs::Environment& env, std::ostream& out, std::ostream& err) {
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
    auto reporter = report::make_reporter(report_settings(config), out, err);
    reporter->begin(config.secrets());
    if (config.dry_run) {
        out << describe_planned_requests(config, *make_authorizer(config));
        return exit_code::ok;
    }
    return stop(config, *reporter);
}

}  // namespace ccs::app
