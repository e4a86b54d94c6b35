// One call to a credentials service (IAM, a CI's id-token service): attempts over one connection,
// retried when transient, each logged in one line; the 2xx answer, or why there is none.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/deadline.h"
#include "core/error_class.h"
#include "core/http_message.h"
#include "http/retrying_exchange.h"
#include "iam/iam_failure.h"

namespace ccs::iam {

using Log = std::function<void(const std::string&)>;

struct CallOutcome {
    std::optional<HttpResponse> answer;  // a 2xx answer
    IamFailure failure;                  // when there is none; request ids are kept either way
};

// Whether an answer refuses the credentials: one the classification (core/error_class.h) calls
// Auth, and any other 4xx it does not call transient (a credentials service that looked at them and
// said no has refused them).
bool refuses_credentials(int http_status, const std::string& error_code = "");

// Whether a failed exchange is worth another attempt: no answer for a reason that may pass
// (http::worth_retrying), or an answer the classification calls transient (408, 429, every 5xx,
// the codes that say "busy") — the API client's rule.
bool worth_another_attempt(const http::Exchange& exchange);

class ServiceCaller {
public:
    // `service` names it in logs and messages ("IAM").
    ServiceCaller(std::string service, http::Connection& connection, int max_attempts, Log log,
                  http::Sleep sleep = {});

    // `make_request` builds each attempt afresh (signed ones carry their time). `call` names it in
    // logs and failures ("POST /v3/auth/tokens"): never a URL with a secret in it.
    CallOutcome call(const std::string& call, const http::MakeRequest& make_request,
                     const Deadline& deadline);

private:
    std::string service_;
    http::Connection& connection_;
    http::RetryPolicy retry_;
    Log log_;
    http::Sleep sleep_;
};

// The failure to report for a 2xx answer that cannot be used ("no X-Subject-Token header").
IamFailure unusable_answer(const CallOutcome& outcome, const std::string& call, const std::string& service,
                           const std::string& problem);

}  // namespace ccs::iam
