// The OIDC id token of a GitHub Actions job: requested from ACTIONS_ID_TOKEN_REQUEST_URL with the
// job's ACTIONS_ID_TOKEN_REQUEST_TOKEN (present when the job has `permissions: id-token: write`).
#pragma once

#include <string>

#include "core/deadline.h"
#include "core/url.h"
#include "http/transport.h"
#include "iam/iam_failure.h"
#include "iam/service_call.h"

namespace ccs::iam {

struct GitHubIdTokenRequest {
    ServiceUrl request_url;     // $ACTIONS_ID_TOKEN_REQUEST_URL (it already has a query)
    std::string request_token;  // $ACTIONS_ID_TOKEN_REQUEST_TOKEN, sent as Bearer
    std::string audience;       // the token's aud; empty: GitHub's default
};

// GET <request_url>&audience=<audience> with Authorization: Bearer <request_token>; the answer is
// {"value": "<id token>"}.
HttpRequest github_id_token_http_request(const GitHubIdTokenRequest& request);

// The id token, or why there is none. The request URL's query holds no secret, but it is not logged
// either: only its path is.
Result<std::string> request_github_id_token(const GitHubIdTokenRequest& request,
                                            const http::SharedTlsContext& tls, const ProxySetting& proxy,
                                            int max_attempts, const Deadline& deadline, const Log& log,
                                            const http::Sleep& sleep = {});

}  // namespace ccs::iam
