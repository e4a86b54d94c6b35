// Results to render in the reporter tests.
#pragma once

#include <chrono>
#include <string>

#include "core/task_result.h"

namespace ccs::report::samples {

// Distinctive, so a leak shows up in a plain substring search.
inline const std::string secret = "TOKEN-S3CRET-9f8e7d";

inline TaskResult stopped(const std::string& id) {
    TaskResult task;
    task.task_id = id;
    task.outcome = Outcome::Stopped;
    task.detail = "it was running; the service confirms it is stopped";
    task.request_ids = {"req-" + id + "-1", "req-" + id + "-2"};
    task.attempts = 2;
    task.elapsed = std::chrono::milliseconds(120);
    return task;
}

inline TaskResult not_running(const std::string& id) {
    TaskResult task;
    task.task_id = id;
    task.outcome = Outcome::NotRunning;
    task.detail = "it was not running (check succeeded)";
    task.request_ids = {"req-" + id};
    task.attempts = 1;
    task.elapsed = std::chrono::milliseconds(40);
    return task;
}

inline TaskResult failed(const std::string& id, int http_status, const std::string& code,
                         const std::string& message) {
    TaskResult task;
    task.task_id = id;
    task.outcome = Outcome::Failed;
    task.detail = "the stop call was refused";
    task.http_status = http_status;
    task.error_code = code;
    task.error_message = message;
    task.credentials_refused = http_status == 401 || http_status == 403;
    task.request_ids = {"req-" + id};
    task.attempts = 1;
    task.elapsed = std::chrono::milliseconds(1500);
    return task;
}

inline RunReport mixed_report() {
    RunReport report;
    report.tasks = {stopped("aaa111"), not_running("bbb222"),
                    failed("ccc333", 401, "CC.00000003", "认证信息过期")};
    report.elapsed = std::chrono::milliseconds(2345);
    return report;
}

// A report whose free text is full of the secret, as a careless service or flow might produce it.
inline RunReport leaky_report() {
    RunReport report;
    TaskResult task = failed("ddd444", 400, "CC.00050000", "bad header X-Auth-Token: " + secret);
    task.detail = "sent token " + secret + "\nand it was refused";
    task.request_ids = {"req-" + secret};
    TaskResult ok = stopped("eee555");
    ok.detail = "stopped with " + secret;
    report.tasks = {task, ok};
    report.elapsed = std::chrono::milliseconds(10);
    return report;
}

}  // namespace ccs::report::samples
