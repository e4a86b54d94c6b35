// Reading the service's answers. Bodies are untrusted: any bytes must give a result, never a crash.
#pragma once

#include <optional>
#include <string>

#include "core/task_result.h"

namespace ccs::api {

struct ServiceError {
    std::string code;            // "CC.00000003"
    std::string message;         // the service's error_msg, as sent
    bool unusable_code = false;  // an error_code that is not a string: an error, but no code to act on
};

// The error an answer carries ({"error_code": "...", "error_msg": "..."}), if any. Empty bodies,
// `null`, `{}`, other JSON and non-JSON carry none. Bytes that are not UTF-8 and raw control
// characters do not hide an error_code; one that is not a string gives `unusable_code`.
std::optional<ServiceError> parse_service_error(const std::string& body);

struct Progress {
    TaskStatus status;  // nullopt: the service's null, never run
    std::string ratio;  // "50%", meaningful while running
    std::string info;
};

// A progress answer, or nullopt with `problem` saying what is wrong with the body.
std::optional<Progress> parse_progress(const std::string& body, std::string& problem);

// The exec_id of a run's answer ({"exec_id": "<32 hex>"}): "" when it is missing or not a plain id
// (1 to 64 of [A-Za-z0-9_-]): it goes to CI outputs, so nothing else is passed on. An answer without
// one still means the check started.
std::string parse_exec_id(const std::string& body);

// defects-summary, as far as the run mode needs it.
struct DefectsSummary {
    // critical_count, major_count, minor_count, suggestion_count (sent as strings, numbers accepted):
    // nullopt when the summary lacks any of them (absent, null or ""): the statistic has them then.
    std::optional<SeverityCounts> counts;
    // is_access, the task's own quality gate ("true"/"false", or a JSON boolean): nullopt when absent,
    // null or "" (no verdict).
    std::optional<bool> is_access;
};

// A summary answer, or nullopt with `problem` saying what is wrong: not a JSON object, a count that is
// not a non-negative integer (never read as 0), an is_access that is neither true nor false.
std::optional<DefectsSummary> parse_defects_summary(const std::string& body, std::string& problem);

// The severity counts of a defects-statistic answer ({"severity": {"critical": N, ...}}), or nullopt
// with `problem`: no severity object, a count missing or not a non-negative integer.
std::optional<SeverityCounts> parse_defects_statistic(const std::string& body, std::string& problem);

// True for the bodies a successful stop answers with: empty, `null` or `{}` (whitespace allowed).
bool is_empty_success_body(const std::string& body);

}  // namespace ccs::api
