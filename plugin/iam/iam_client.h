// The IAM calls that turn a credential into something the API gateway accepts: a password into a
// token, an OIDC id token into an unscoped token and that into temporary AK/SK, and an AK/SK into the
// id of the region's project. Each call is bounded by the deadline and retried like the API's calls.
#pragma once

#include <string>

#include "auth/authorizer.h"
#include "core/deadline.h"
#include "core/url.h"
#include "http/transport.h"
#include "iam/iam_failure.h"
#include "iam/iam_requests.h"
#include "iam/service_call.h"

namespace ccs::iam {

struct IamSettings {
    ServiceUrl endpoint;         // "https://iam.cn-north-4.myhuaweicloud.com"
    http::SharedTlsContext tls;  // the run's, shared with the API's connections
    ProxySetting proxy;          // as for the API: HTTPS_PROXY / NO_PROXY, through the Config
    int max_attempts = 4;
};

class IamClient {
public:
    IamClient(const IamSettings& settings, Log log, http::Sleep sleep = {});

    // POST /v3/auth/tokens: HTTP 201 and the token in X-Subject-Token.
    Result<std::string> token_with_password(const PasswordLogin& login, const Deadline& deadline);

    // POST /v3/OS-FEDERATION/identity_providers/{idp}/protocols/oidc/auth with the id token as Bearer:
    // an unscoped token in X-Subject-Token.
    Result<std::string> unscoped_token(const std::string& idp_id, const std::string& id_token,
                                       const Deadline& deadline);

    // POST /v3.0/OS-CREDENTIAL/securitytokens with the unscoped token: temporary AK/SK.
    Result<TemporaryCredentials> temporary_credentials(const std::string& unscoped_token,
                                                       int duration_seconds, const Deadline& deadline);

    // GET /v3/projects?name=<region>, signed by `signer`: the id of the one project of that name, or a
    // failure saying there is none or more than one (then --project-id is the way out).
    Result<std::string> project_id(const std::string& region, const auth::Authorizer& signer,
                                   const Deadline& deadline);

private:
    Result<std::string> subject_token_call(const std::string& call, const HttpRequest& request,
                                           const Deadline& deadline);

    IamSettings settings_;
    http::Connection connection_;
    ServiceCaller caller_;
};

}  // namespace ccs::iam
