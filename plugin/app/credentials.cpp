#include "app/credentials.h"

#include "app/iam_resolution.h"
#include "auth/aksk_authorizer.h"
#include "core/error_class.h"

namespace ccs::app {

namespace {

// --dry-run's stand-in for a token IAM would issue: shown as what it is, not as "***".
class IssuedTokenPlaceholder final : public auth::Authorizer {
public:
    void authorize(HttpRequest& request) const override {
        request.set_header("X-Auth-Token", "<token issued by IAM at run time>");
    }
    std::string kind() const override { return "password"; }
    std::vector<std::string> secrets() const override { return {}; }
};

const char* const kClockHint =
    ". The clock of this machine is off: the gateway refuses a signature whose time is more than 15 minutes "
    "from its own; set the clock right (NTP) and run again";

// For a task's detail: the service's status and message are shown next to it anyway.
std::string brief(const iam::IamFailure& failure) {
    std::string text = failure.refused ? failure.service + " refused the credentials at " + failure.call
                                       : failure.service + " gave no credentials at " + failure.call;
    if (!failure.problem.empty()) text += ": " + failure.problem;
    return is_clock_skew(failure.error_message) ? text + kClockHint : text;
}

std::string project_or_placeholder(const std::string& project_id) {
    return project_id.empty() ? "<project id looked up from IAM>" : project_id;
}

}  // namespace

CredentialSource::CredentialSource(const inputs::Config& config, const Network& network,
                                   report::Reporter& reporter, http::Sleep sleep)
    : config_(config),
      network_(network),
      reporter_(reporter),
      sleep_(std::move(sleep)),
      secrets_(config.secrets()) {}

CredentialSource::~CredentialSource() = default;

const auth::Authorizer* CredentialSource::authorizer(const Deadline& deadline) const {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (resolved_) return authorizer_.get();
    const iam::Log log = [this](const std::string& line) { reporter_.log(line); };
    const LearnSecret learn = [this](const std::string& secret) { learned(secret); };
    const auto started = std::chrono::steady_clock::now();
    Obtained obtained = obtain_authorizer(config_, network_, deadline, log, learn, sleep_);
    elapsed_ =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    resolved_ = true;
    if (obtained) {
        authorizer_ = std::move(*obtained.value);
    } else {
        failure_ = obtained.failure;
        reporter_.log("credentials: " + failure_detail(*failure_));
    }
    return authorizer_.get();
}

void CredentialSource::learned(const std::string& secret) const {
    if (secret.empty()) return;
    secrets_.push_back(secret);
    reporter_.begin(secrets_);
}

RunReport CredentialSource::failure_report(const std::vector<std::string>& task_ids) const {
    const std::lock_guard<std::mutex> lock(mutex_);
    RunReport report;
    if (!failure_) return report;
    report.elapsed = elapsed_;
    for (const auto& id : task_ids) {
        TaskResult task;
        task.task_id = id;
        task.outcome = Outcome::Failed;
        task.detail = "no stop was sent: " + brief(*failure_);
        task.error_code = failure_->error_code;
        task.error_message = failure_->error_message;
        task.http_status = failure_->http_status;
        task.credentials_refused = failure_->refused;
        task.request_ids = failure_->request_ids;
        task.attempts = failure_->attempts;
        report.tasks.push_back(std::move(task));
    }
    return report;
}

std::unique_ptr<auth::Authorizer> make_dry_run_authorizer(const inputs::Config& config) {
    if (const auto* token = std::get_if<inputs::TokenCredential>(&config.credential)) {
        return std::make_unique<auth::TokenAuthorizer>(token->token);
    }
    if (const auto* aksk = std::get_if<inputs::AkSkCredential>(&config.credential)) {
        auth::AkSkCredentials keys{aksk->access_key, aksk->secret_key, std::nullopt,
                                   project_or_placeholder(aksk->project_id)};
        if (!aksk->security_token.empty()) keys.security_token = aksk->security_token;
        return std::make_unique<auth::AkSkAuthorizer>(std::move(keys));
    }
    if (const auto* oidc = std::get_if<inputs::OidcCredential>(&config.credential)) {
        return std::make_unique<auth::AkSkAuthorizer>(auth::AkSkCredentials{
            "<temporary AK from IAM>", "<temporary SK from IAM>", std::string("<security token from IAM>"),
            project_or_placeholder(oidc->project_id)});
    }
    return std::make_unique<IssuedTokenPlaceholder>();
}

std::string failure_detail(const iam::IamFailure& failure) {
    return is_clock_skew(failure.error_message) ? failure.describe() + kClockHint : failure.describe();
}

}  // namespace ccs::app
