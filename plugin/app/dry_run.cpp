#include "app/dry_run.h"

#include <sstream>

#include "api/codearts_check_client.h"
#include "core/ci_kind.h"

namespace ccs::app {
namespace {

bool is_secret(const std::string& value, const std::vector<std::string>& secrets) {
    for (const auto& secret : secrets) {
        if (!secret.empty() && value.find(secret) != std::string::npos) return true;
    }
    return false;
}

void describe(std::ostream& text, const inputs::Config& config, HttpRequest request,
              const auth::Authorizer& authorizer) {
    authorizer.authorize(request);
    text << "  " << request.method << ' ' << config.endpoints.front().url << request.target() << '\n';
    for (const auto& header : request.headers) {
        text << "    " << header.name << ": "
             << (is_secret(header.value, authorizer.secrets()) ? "***" : header.value) << '\n';
    }
}

// Where IAM is, when the credentials need it; nothing is asked of it in a dry run.
std::string iam_line(const inputs::Config& config) {
    if (!inputs::needs_iam(config.credential)) return "";
    return "iam endpoint: " + config.iam_endpoint->url + " (" + config.iam_endpoint_origin +
           "); in a real run IAM is asked first, values from it are shown as <placeholders>\n";
}

// "https://a (region cn-north-4)", and the others, tried in turn when one cannot be reached.
std::string endpoint_line(const inputs::Config& config) {
    std::string line = "endpoint: " + config.endpoints.front().url + " (" + config.endpoint_origin + ")\n";
    for (std::size_t i = 1; i < config.endpoints.size(); ++i) {
        line += "  then " + config.endpoints[i].url + " when the one before cannot be reached\n";
    }
    return line;
}

// Run mode: the start of each check (its body too), then what follows it.
void describe_run(std::ostream& text, const inputs::Config& config, const auth::Authorizer& authorizer) {
    const ServiceUrl& endpoint = config.endpoints.front();
    text << "run: follow for up to " << config.timeout.count()
         << " ms, a look at the progress at least every " << config.poll_interval.count()
         << " ms; gate: " << config.fail_on.describe()
         << "; on the timeout or a signal the checks are stopped within " << config.grace.count()
         << " ms (--grace)\n";
    for (const auto& task_id : config.task_ids) {
        text << "task " << task_id << ":\n";
        const HttpRequest run = api::run_request(endpoint, task_id, config.ref);
        describe(text, config, run, authorizer);
        text << "    body: " << run.body << '\n';
        text << "  then " << api::progress_request(endpoint, task_id).method
             << " .../progress until the check ends (already running: followed, not restarted), then "
             << api::defects_summary_request(endpoint, task_id).method
             << " .../defects-summary for the gate\n";
        if (config.reads_findings()) {
            text << "  then, when the check succeeded, GET .../defects-detail page by page for its findings "
                    "(at most "
                 << config.max_findings << ")\n";
        }
    }
}

// Findings mode: the first page of each task's findings, then the next ones to the service's total.
void describe_findings(std::ostringstream& text, const inputs::Config& config,
                       const auth::Authorizer& authorizer) {
    text << "findings: at most " << config.max_findings << ", "
         << (config.all_findings ? "resolved and dismissed ones too" : "unresolved only") << "\n";
    for (const auto& task_id : config.task_ids) {
        text << "task " << task_id << ":\n";
        describe(text, config,
                 api::defects_detail_request(config.endpoints.front(), task_id, 0,
                                             api::defects_page_limit(100), !config.all_findings),
                 authorizer);
        text << "  then the next pages until the service's total\n";
    }
}

}  // namespace

std::string describe_planned_requests(const inputs::Config& config, const auth::Authorizer& authorizer) {
    std::ostringstream text;
    text << "dry run: nothing is sent.\n"
         << endpoint_line(config) << "credentials: " << config.credential_why << '\n'
         << iam_line(config) << "deadline: " << config.timeout.count() << " ms, up to " << config.retries
         << " attempts per call, " << config.concurrency << " task(s) at once\n"
         << "reporting: " << to_string(config.ci) << '\n';
    if (config.mode == inputs::Mode::Run) {
        describe_run(text, config, authorizer);
        return text.str();
    }
    if (config.mode == inputs::Mode::Findings) {
        describe_findings(text, config, authorizer);
        return text.str();
    }
    for (const auto& task_id : config.task_ids) {
        text << "task " << task_id << ":\n";
        describe(text, config, api::progress_request(config.endpoints.front(), task_id), authorizer);
        describe(text, config, api::stop_request(config.endpoints.front(), task_id), authorizer);
        text << "  then " << api::progress_request(config.endpoints.front(), task_id).method
             << " .../progress again to confirm\n";
    }
    return text.str();
}

}  // namespace ccs::app
