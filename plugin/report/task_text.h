// Plain-text descriptions of results, shared by the reporters that print sentences (log lines,
// annotation messages). They do not redact: callers pass a redacted report.
#pragma once

#include <string>

#include "core/task_result.h"

namespace ccs::report {

// "HTTP 401, CC.00000003: 认证信息过期"; only the parts that are set; "" when none is.
std::string service_error_text(const TaskResult& task);

// "request id r1" / "request ids r1, r2"; "" when there is none.
std::string request_ids_text(const TaskResult& task);

// Run mode (the task carries `check`): run::task_line.
// "task <id>: stopped (detail)"; a failure adds the service error, the request ids and the advice:
// "task <id>: failed (detail); HTTP 401, CC.00000003: ...; request id r1. Renew the ...".
std::string task_line(const TaskResult& task);

// "1 stopped, 0 not running, 1 failed".
std::string counts_text(const RunReport& report);

// Run mode: run::result_line.
// "result: failure (1 stopped, 0 not running, 1 failed) in 1.2 s"; "result: skipped (reason)".
std::string result_line(const RunReport& report);

}  // namespace ccs::report
