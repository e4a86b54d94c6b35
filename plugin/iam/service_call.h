// One call to a credentials service (IAM, a CI's id-token service): attempts over one connection,
// retried when transient, each logged in one line; the 2xx answer, or why there is none.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/deadline.h"
#include "core/http_message.h"
#include "http/retrying_exchange.h"
#include "iam/iam_failure.h"

namespace ccs::iam {

using Log = std::function<void(const std::string&)>;

struct CallOutcome {
    std::optional<HttpResponse> answer;  // a 2xx answer
    IamFailure failure;                  // when there is none; request ids are kept either way
};

// Whether an answer with this status refuses the credentials (any 4xx but 408 and 429: the service
// has looked at them and said no) or is worth another attempt (408, 429, 5xx).
bool refuses_credentials(int http_status);
bool is_transient_status(int http_status);

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
