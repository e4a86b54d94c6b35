#include "app/iam_resolution.h"

#include <algorithm>

#include "auth/aksk_authorizer.h"
#include "iam/github_id_token.h"
#include "iam/iam_client.h"

namespace ccs::app {

namespace {

using inputs::AkSkCredential;
using inputs::OidcCredential;
using inputs::PasswordCredential;
using inputs::TokenCredential;

constexpr int kMinTemporarySeconds = 900;    // IAM's minimum
constexpr int kMaxTemporarySeconds = 86400;  // and maximum

Obtained ready(std::unique_ptr<auth::Authorizer> authorizer) {
    return iam::success(std::move(authorizer));
}

class Resolution {
public:
    Resolution(const inputs::Config& config, const Network& network, const Deadline& deadline,
               const iam::Log& log, const LearnSecret& learn, const http::Sleep& sleep)
        : config_(config), network_(network), deadline_(deadline), log_(log), learn_(learn), sleep_(sleep) {}

    Obtained from(const TokenCredential& token) {
        return ready(std::make_unique<auth::TokenAuthorizer>(token.token));
    }

    Obtained from(const AkSkCredential& aksk) {
        auth::AkSkCredentials keys{aksk.access_key, aksk.secret_key, std::nullopt, aksk.project_id};
        if (!aksk.security_token.empty()) keys.security_token = aksk.security_token;
        return signing(std::move(keys));
    }

    Obtained from(const PasswordCredential& password) {
        log_("credentials: asking IAM for a token of user " + password.username + " (domain " +
             password.domain + ")");
        const iam::PasswordLogin login{password.username, password.password, password.domain,
                                       password.project_id, config_.region};
        auto token = iam().token_with_password(login, deadline_);
        if (!token) return failed(token.failure);
        learn_(*token.value);
        return ready(std::make_unique<auth::TokenAuthorizer>(*token.value));
    }

    Obtained from(const OidcCredential& oidc) {
        auto id_token = oidc.github ? github_id_token(*oidc.github) : iam::success(oidc.id_token);
        if (!id_token) return failed(id_token.failure);
        log_("credentials: exchanging the id token from " + oidc.id_token_origin +
             " at IAM (identity provider " + oidc.idp_id + ")");
        auto unscoped = iam().unscoped_token(oidc.idp_id, *id_token.value, deadline_);
        if (!unscoped) return failed(unscoped.failure);
        learn_(*unscoped.value);
        auto temporary =
            iam().temporary_credentials(*unscoped.value, temporary_key_seconds(deadline_), deadline_);
        if (!temporary) return failed(temporary.failure);
        learn_(temporary.value->secret_key);
        learn_(temporary.value->security_token);
        log_("credentials: temporary AK " + temporary.value->access_key + " from IAM" +
             (temporary.value->expires_at.empty() ? "" : ", valid until " + temporary.value->expires_at));
        return signing(auth::AkSkCredentials{temporary.value->access_key, temporary.value->secret_key,
                                             temporary.value->security_token, oidc.project_id});
    }

private:
    static Obtained failed(iam::IamFailure failure) {
        return iam::failed<std::unique_ptr<auth::Authorizer>>(std::move(failure));
    }

    iam::IamClient& iam() {
        if (!iam_) {
            // IAM and GitHub are reached the way the API is: same trust, same proxy.
            iam::IamSettings settings{*config_.iam_endpoint, network_.tls, network_.proxy, config_.retries};
            iam_ = std::make_unique<iam::IamClient>(settings, log_, sleep_);
        }
        return *iam_;
    }

    iam::Result<std::string> github_id_token(const inputs::GitHubIdTokenSource& source) {
        log_("credentials: requesting the job's OIDC id token from GitHub" +
             (source.audience.empty() ? std::string() : " (audience " + source.audience + ")"));
        const iam::GitHubIdTokenRequest request{source.request_url, source.request_token, source.audience};
        auto token = iam::request_github_id_token(request, network_.tls, network_.proxy, config_.retries,
                                                  deadline_, log_, sleep_);
        if (token) learn_(*token.value);
        return token;
    }

    // Signed requests; the project id looked up once, signed by the same keys, when none is given.
    Obtained signing(auth::AkSkCredentials keys) {
        if (keys.project_id.empty()) {
            log_("credentials: looking up the id of project " + config_.region + " at IAM");
            const auth::AkSkAuthorizer signer(keys);
            auto project = iam().project_id(config_.region, signer, deadline_);
            if (!project) return failed(project.failure);
            keys.project_id = *project.value;
            log_("credentials: project id " + keys.project_id + " (from IAM)");
        }
        return ready(std::make_unique<auth::AkSkAuthorizer>(std::move(keys)));
    }

    const inputs::Config& config_;
    const Network& network_;
    const Deadline& deadline_;
    const iam::Log& log_;
    const LearnSecret& learn_;
    const http::Sleep& sleep_;
    std::unique_ptr<iam::IamClient> iam_;
};

}  // namespace

int temporary_key_seconds(const Deadline& deadline) {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(deadline.remaining()).count() + 60;
    return static_cast<int>(std::clamp<long long>(seconds, kMinTemporarySeconds, kMaxTemporarySeconds));
}

Obtained obtain_authorizer(const inputs::Config& config, const Network& network, const Deadline& deadline,
                           const iam::Log& log, const LearnSecret& learn, const http::Sleep& sleep) {
    Resolution resolution(config, network, deadline, log, learn, sleep);
    return std::visit([&resolution](const auto& credential) { return resolution.from(credential); },
                      config.credential);
}

}  // namespace ccs::app
