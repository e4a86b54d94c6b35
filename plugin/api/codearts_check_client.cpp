#include "api/codearts_check_client.h"

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <sstream>

#include "http/retrying_exchange.h"

namespace ccs::api {
namespace {

HttpRequest task_request(const std::string& method, const ServiceUrl& endpoint, const std::string& task_id,
                         const std::string& action) {
    HttpRequest request;
    request.method = method;
    // Task ids are validated to [A-Za-z0-9_-] before they get here: nothing to escape.
    request.path = endpoint.base_path() + "/v2/tasks/" + task_id + "/" + action;
    request.set_header("Host", endpoint.origin.host_header());
    request.set_header("Content-Type", "application/json");
    return request;
}

bool is_success_status(int status) {
    return status >= 200 && status < 300;
}

// Shared by both calls: an answer is a success when its status is 2xx and its body carries no
// error_code (the service reports some errors with HTTP 200).
bool judge_status_and_error(const HttpResponse& response, CallResult& result) {
    result.service_error = parse_service_error(response.body);
    if (is_success_status(response.status) && !result.service_error) return true;
    result.error_class =
        classify_service_error(response.status, result.service_error ? result.service_error->code : "");
    if (response.status >= 300 && response.status < 400) {
        const std::string* location = response.header("Location");
        result.problem = "redirected to " + (location ? *location : std::string("nowhere")) +
                         " (not followed: credentials are never sent elsewhere)";
    }
    return false;
}

void interpret_stop(const HttpResponse& response, CallResult& result) {
    result.succeeded = judge_status_and_error(response, result);
}

void interpret_progress(const HttpResponse& response, CallResult& result) {
    if (!judge_status_and_error(response, result)) return;
    result.progress = parse_progress(response.body, result.problem);
    result.succeeded = result.progress.has_value();
    if (!result.succeeded) result.error_class = ErrorClass::Rejected;
}

void interpret_run(const HttpResponse& response, CallResult& result) {
    result.succeeded = judge_status_and_error(response, result);
    if (result.succeeded) result.exec_id = parse_exec_id(response.body);
}

void interpret_summary(const HttpResponse& response, CallResult& result) {
    if (!judge_status_and_error(response, result)) return;
    result.summary = parse_defects_summary(response.body, result.problem);
    result.succeeded = result.summary.has_value();
    if (!result.succeeded) result.error_class = ErrorClass::Rejected;
}

void interpret_statistic(const HttpResponse& response, CallResult& result) {
    if (!judge_status_and_error(response, result)) return;
    result.statistic = parse_defects_statistic(response.body, result.problem);
    result.succeeded = result.statistic.has_value();
    if (!result.succeeded) result.error_class = ErrorClass::Rejected;
}

void interpret_defects(const HttpResponse& response, CallResult& result) {
    if (!judge_status_and_error(response, result)) return;
    result.defects = parse_defects_page(response.body, result.problem);
    result.succeeded = result.defects.has_value();
    if (!result.succeeded) result.error_class = ErrorClass::Rejected;
}

void reset_attempt_fields(CallResult& result) {
    result.succeeded = false;
    result.http_status = 0;
    result.service_error.reset();
    result.transport_error.reset();
    result.problem.clear();
    result.progress.reset();
    result.exec_id.clear();
    result.summary.reset();
    result.statistic.reset();
    result.defects.reset();
}

}  // namespace

std::string CallResult::describe() const {
    if (transport_error)
        return std::string(http::to_string(transport_error->kind)) + ": " + transport_error->message;
    std::string text = "HTTP " + std::to_string(http_status);
    if (service_error) {
        text += " " + (service_error->unusable_code ? std::string("an unusable error_code (not a string)")
                                                    : service_error->code);
        text += service_error->message.empty() ? "" : ": " + service_error->message;
    }
    if (!problem.empty()) text += ": " + problem;
    return text;
}

bool is_task_running(const CallResult& run) {
    if (run.succeeded || !run.service_error) return false;
    const auto rule = service_code_rule(run.service_error->code);
    return rule && rule->cause == ErrorCause::TaskRunning;
}

HttpRequest stop_request(const ServiceUrl& endpoint, const std::string& task_id) {
    return task_request("POST", endpoint, task_id, "stop");
}

HttpRequest progress_request(const ServiceUrl& endpoint, const std::string& task_id) {
    return task_request("GET", endpoint, task_id, "progress");
}

HttpRequest run_request(const ServiceUrl& endpoint, const std::string& task_id, const std::string& ref) {
    HttpRequest request = task_request("POST", endpoint, task_id, "run");
    if (ref.empty()) {
        request.body = "{}";
    } else {
        Poco::JSON::Object body;
        body.set("ref", ref);
        std::ostringstream text;
        body.stringify(text);
        request.body = text.str();
    }
    return request;
}

HttpRequest defects_summary_request(const ServiceUrl& endpoint, const std::string& task_id) {
    return task_request("GET", endpoint, task_id, "defects-summary");
}

HttpRequest defects_statistic_request(const ServiceUrl& endpoint, const std::string& task_id) {
    return task_request("GET", endpoint, task_id, "defects-statistic");
}

int defects_page_limit(int wanted) {
    return std::clamp(wanted, 1, max_defects_page_size);
}

HttpRequest defects_detail_request(const ServiceUrl& endpoint, const std::string& task_id, long long offset,
                                   int limit, bool unresolved_only) {
    HttpRequest request = task_request("GET", endpoint, task_id, "defects-detail");
    request.query = "offset=" + std::to_string(std::max(0LL, offset)) +
                    "&limit=" + std::to_string(defects_page_limit(limit));
    if (unresolved_only) request.query += "&status_ids=0";
    return request;
}

CodeArtsCheckClient::CodeArtsCheckClient(const ClientSettings& settings, const auth::Authorizer& authorizer,
                                         Log log, Sleep sleep)
    : settings_(settings),
      authorizer_(authorizer),
      endpoints_(settings.endpoints, settings.tls, settings.proxy),
      retry_(settings.max_attempts),
      log_(log ? std::move(log) : Log([](const std::string&) {})),
      sleep_(std::move(sleep)) {}

CallResult CodeArtsCheckClient::stop(const std::string& task_id, const Deadline& deadline) {
    return call([&](const ServiceUrl& endpoint) { return stop_request(endpoint, task_id); }, deadline,
                interpret_stop);
}

CallResult CodeArtsCheckClient::progress(const std::string& task_id, const Deadline& deadline) {
    return call([&](const ServiceUrl& endpoint) { return progress_request(endpoint, task_id); }, deadline,
                interpret_progress);
}

CallResult CodeArtsCheckClient::run(const std::string& task_id, const std::string& ref,
                                    const Deadline& deadline) {
    return call([&](const ServiceUrl& endpoint) { return run_request(endpoint, task_id, ref); }, deadline,
                interpret_run);
}

CallResult CodeArtsCheckClient::defects_summary(const std::string& task_id, const Deadline& deadline) {
    return call([&](const ServiceUrl& endpoint) { return defects_summary_request(endpoint, task_id); },
                deadline, interpret_summary);
}

CallResult CodeArtsCheckClient::defects_statistic(const std::string& task_id, const Deadline& deadline) {
    return call([&](const ServiceUrl& endpoint) { return defects_statistic_request(endpoint, task_id); },
                deadline, interpret_statistic);
}

CallResult CodeArtsCheckClient::defects_detail(const std::string& task_id, long long offset, int limit,
                                               bool unresolved_only, const Deadline& deadline) {
    return call(
        [&](const ServiceUrl& endpoint) {
            return defects_detail_request(endpoint, task_id, offset, limit, unresolved_only);
        },
        deadline, interpret_defects);
}

CallResult CodeArtsCheckClient::call(const MakeRequest& unsigned_request, const Deadline& deadline,
                                     const Interpret& interpret) {
    CallResult result;
    // Authorized afresh for every attempt and endpoint: a signature carries its own time and host.
    const auto authorized = [&](const ServiceUrl& endpoint) {
        HttpRequest request = unsigned_request(endpoint);
        authorizer_.authorize(request);
        return request;
    };
    const auto judge = [&](const http::Exchange& exchange) {
        reset_attempt_fields(result);
        ++result.attempts;
        if (exchange.answered()) {
            const HttpResponse& response = *exchange.response;
            result.http_status = response.status;
            if (const auto* request_id = response.header("X-Request-Id"))
                result.request_ids.push_back(*request_id);
            interpret(response, result);
        } else {
            result.transport_error = exchange.error;
            result.error_class = classify_transport_error(exchange.error.kind);
        }
        return !result.succeeded && result.error_class == ErrorClass::Transient;
    };
    const auto note = [&](const http::Attempt& attempt) {
        std::string line = attempt.request.method + " " + attempt.request.target() + " -> " +
                           result.describe() + " in " + std::to_string(attempt.exchange.elapsed.count()) +
                           " ms";
        if (attempt.exchange.answered() && !result.request_ids.empty()) {
            line += ", request id " + result.request_ids.back();
        }
        line += " (attempt " + std::to_string(result.attempts) + "/" + std::to_string(retry_.max_attempts()) +
                ")";
        if (attempt.wait) line += "; retrying in " + std::to_string(attempt.wait->count()) + " ms";
        log_(line);
    };
    const auto note_failover = [&](const http::Failover& failover) {
        log_(failover.from + " could not be reached (" + http::to_string(failover.exchange.error.kind) +
             ": " + failover.exchange.error.message + "); trying " + failover.to);
    };
    http::exchange_with_retries(endpoints_, retry_, deadline, authorized, judge, note, note_failover, sleep_);
    return result;
}

}  // namespace ccs::api
