// What every call made for one task contributed to its result: attempts, request ids, and the call
// that decided a failure. The stop flow and the run flow both keep one per task.
#pragma once

#include <chrono>
#include <string>
#include <utility>

#include "api/task_api.h"
#include "core/task_result.h"

namespace ccs::flow {

class TaskRecord {
public:
    explicit TaskRecord(const std::string& task_id) : started_(std::chrono::steady_clock::now()) {
        result_.task_id = task_id;
    }

    const api::CallResult& add(const api::CallResult& call) {
        add_calls(call.attempts, call.request_ids);
        return call;
    }

    // A stop made for this task on its own record: its calls, and what decided its failure, if any.
    void add_stop(const TaskResult& stop) {
        add_calls(stop.attempts, stop.request_ids);
        result_.error_code = stop.error_code;
        result_.error_message = stop.error_message;
        result_.http_status = stop.http_status;
        result_.credentials_refused = stop.credentials_refused;
        result_.local_limit = stop.local_limit;
    }

    TaskResult finish(Outcome outcome, std::string detail) {
        result_.outcome = outcome;
        result_.detail = std::move(detail);
        result_.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - started_);
        return result_;
    }

    // Failed because of `cause`: its code, message and status go to the result.
    TaskResult fail(const api::CallResult& cause, std::string detail) {
        if (cause.service_error) {
            result_.error_code = cause.service_error->code;
            result_.error_message = cause.service_error->message;
        }
        result_.http_status = cause.http_status;
        result_.credentials_refused = cause.error_class == api::ErrorClass::Auth;
        result_.local_limit =
            cause.transport_error && cause.transport_error->kind == http::TransportErrorKind::LocalLimit;
        return finish(Outcome::Failed, std::move(detail));
    }

    TaskResult& result() { return result_; }  // for what a mode adds (the run mode's check)

private:
    void add_calls(int attempts, const std::vector<std::string>& request_ids) {
        result_.attempts += attempts;
        result_.request_ids.insert(result_.request_ids.end(), request_ids.begin(), request_ids.end());
    }

    TaskResult result_;
    std::chrono::steady_clock::time_point started_;
};

}  // namespace ccs::flow
