// Results to render in the reporter tests.
#pragma once

#include <chrono>
#include <optional>
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

// Run mode: a task whose check this run started (exec id "exec-<id>") and that ended with `status`.
inline TaskResult checked(const std::string& id, CheckStatus status, GateVerdict gate = GateVerdict::None,
                          std::optional<SeverityCounts> counts = std::nullopt) {
    TaskResult task;
    task.task_id = id;
    task.outcome = status == CheckStatus::Stopped ? Outcome::Stopped : Outcome::NotRunning;
    task.request_ids = {"req-" + id + "-run", "req-" + id + "-progress"};
    task.attempts = 2;
    task.elapsed = std::chrono::milliseconds(65000);
    CheckRun check;
    check.exec_id = "exec-" + id;
    check.status = status;
    check.counts = counts;
    check.gate = gate;
    task.check = check;
    return task;
}

// One task of each status: passed (1/2/3/4 findings), gate-failed (10/20/30/40), check-failed,
// stopped-elsewhere, failed (could not be started: 503 from the service), and stopped by this run.
// The passed task was running already: followed, no exec id.
inline RunReport mixed_run_report() {
    TaskResult passed =
        checked("run111", CheckStatus::Passed, GateVerdict::Passed, SeverityCounts{1, 2, 3, 4});
    passed.check->exec_id.clear();
    passed.check->followed_only = true;
    passed.detail = "the check succeeded and passed the gate";
    TaskResult gate_failed =
        checked("run222", CheckStatus::GateFailed, GateVerdict::Failed, SeverityCounts{10, 20, 30, 40});
    gate_failed.detail = "the gate failed: 10 critical findings";
    TaskResult check_failed = checked("run333", CheckStatus::CheckFailed);
    check_failed.detail = "the service reports the check failed";
    TaskResult elsewhere = checked("run444", CheckStatus::StoppedElsewhere);
    elsewhere.detail = "it was stopped by someone else";
    TaskResult failed = checked("run555", CheckStatus::Failed);
    failed.check->exec_id.clear();
    failed.detail = "the run call was refused";
    failed.http_status = 503;
    failed.error_code = "CC.00000001";
    failed.error_message = "service busy";
    failed.request_ids = {"req-run555"};
    TaskResult stopped_here = checked("run666", CheckStatus::Stopped);
    stopped_here.detail = "the timeout stopped it";
    RunReport report;
    report.tasks = {passed, gate_failed, check_failed, elsewhere, failed, stopped_here};
    report.elapsed = std::chrono::milliseconds(70000);
    return report;
}

// Every check passed its gate.
inline RunReport passed_run_report() {
    RunReport report;
    report.tasks = {checked("ok1", CheckStatus::Passed, GateVerdict::Passed, SeverityCounts{0, 1, 2, 3}),
                    checked("ok2", CheckStatus::Passed, GateVerdict::Passed, SeverityCounts{0, 0, 5, 0})};
    report.elapsed = std::chrono::milliseconds(1200);
    return report;
}

}  // namespace ccs::report::samples
