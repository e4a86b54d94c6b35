#include "iam/service_call.h"

namespace ccs::iam {

namespace {

bool is_success(int status) {
    return status >= 200 && status < 300;
}

std::string attempt_line(const std::string& service, const std::string& call, const http::Attempt& attempt,
                         int max_attempts) {
    std::string line = service + ": " + call + " -> ";
    if (attempt.exchange.answered()) {
        line += "HTTP " + std::to_string(attempt.exchange.response->status);
    } else {
        line +=
            std::string(http::to_string(attempt.exchange.error.kind)) + ": " + attempt.exchange.error.message;
    }
    line += " in " + std::to_string(attempt.exchange.elapsed.count()) + " ms (attempt " +
            std::to_string(attempt.number) + "/" + std::to_string(max_attempts) + ")";
    if (attempt.wait) line += "; retrying in " + std::to_string(attempt.wait->count()) + " ms";
    return line;
}

// What the last exchange says, once no attempt follows it.
void describe_failure(const http::Exchange& exchange, IamFailure& failure) {
    if (!exchange.answered()) {
        failure.problem = std::string(http::to_string(exchange.error.kind)) + ": " + exchange.error.message;
        return;
    }
    const HttpResponse& response = *exchange.response;
    failure.http_status = response.status;
    if (const auto error = parse_error_body(response.body)) {
        failure.error_code = error->code;
        failure.error_message = error->message;
    } else if (response.status >= 300 && response.status < 400) {
        failure.problem = "redirected (not followed: credentials are never sent elsewhere)";
    }
    failure.refused = refuses_credentials(response.status, failure.error_code);
}

}  // namespace

bool refuses_credentials(int http_status, const std::string& error_code) {
    const ErrorClass error_class = classify_service_error(http_status, error_code);
    if (error_class == ErrorClass::Auth) return true;
    return http_status >= 400 && http_status < 500 && error_class != ErrorClass::Transient;
}

bool worth_another_attempt(const http::Exchange& exchange) {
    if (!exchange.answered()) return http::worth_retrying(exchange.error.kind);
    const HttpResponse& response = *exchange.response;
    if (is_success(response.status)) return false;
    const auto error = parse_error_body(response.body);
    return classify_service_error(response.status, error ? error->code : "") == ErrorClass::Transient;
}

ServiceCaller::ServiceCaller(std::string service, http::Connection& connection, int max_attempts, Log log,
                             http::Sleep sleep)
    : service_(std::move(service)),
      connection_(connection),
      retry_(max_attempts),
      log_(log ? std::move(log) : Log([](const std::string&) {})),
      sleep_(std::move(sleep)) {}

CallOutcome ServiceCaller::call(const std::string& call, const http::MakeRequest& make_request,
                                const Deadline& deadline) {
    CallOutcome outcome;
    outcome.failure.call = call;
    outcome.failure.service = service_;
    std::optional<http::Exchange> last;
    const auto note = [&](const http::Attempt& attempt) {
        if (attempt.exchange.answered()) {
            if (const auto* id = attempt.exchange.response->header("X-Request-Id")) {
                outcome.failure.request_ids.push_back(*id);
            }
        }
        log_(attempt_line(service_, call, attempt, retry_.max_attempts()));
        last = attempt.exchange;
    };
    outcome.failure.attempts = http::exchange_with_retries(connection_, retry_, deadline, make_request,
                                                           worth_another_attempt, note, sleep_);
    if (last && last->answered() && is_success(last->response->status)) {
        outcome.answer = last->response;
    } else if (last) {
        describe_failure(*last, outcome.failure);
    }
    return outcome;
}

IamFailure unusable_answer(const CallOutcome& outcome, const std::string& call, const std::string& service,
                           const std::string& problem) {
    IamFailure failure = outcome.failure;
    failure.call = call;
    failure.service = service;
    failure.http_status = outcome.answer ? outcome.answer->status : 0;
    failure.problem = problem;
    return failure;
}

}  // namespace ccs::iam
