// Reading the service's answers. Bodies are untrusted: any bytes must give a result, never a crash.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
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

// One entry of a defects-detail page: the finding (task_id and path left empty: the flow sets them) and
// its defect_status as sent ("0" unresolved, "1" resolved, "2" dismissed; "" when absent), so the
// flow can drop the resolved ones a service that ignores status_ids still sends.
struct PageDefect {
    Finding finding;
    std::string status;
};

// One page of defects-detail ({"total": N, "defects": [DefectInfo...]}).
struct DefectsPage {
    long long total = 0;              // what the service says it has in all
    std::vector<PageDefect> defects;  // in the page's order, duplicates included (the flow removes them)
    long long entries = 0;            // the entries of `defects` as sent, the unusable ones included
    long long unusable = 0;           // entries skipped: not a JSON object
};

// A defects-detail page, or nullopt with `problem`: not a JSON object, a total missing or not a
// non-negative whole number (the summary's count rule), `defects` present but not an array.
// Absent or null `defects` is an empty page. Per entry:
//   - defect_id may be missing: the finding is kept, with no id to de-duplicate it by (dropping it
//     would hide a real finding; a rare duplicate is the lesser harm);
//   - defect_level "0".."3" (or the integer): its severity; anything else (missing, "4", "high"): a
//     Suggestion, the least, since the finding is real but its weight unknown;
//   - line_number "12" (or 12) -> 12; anything else (0, "-1", "12a", above 2^31-1) -> 0, no line;
//   - rule_name, else defect_checker_name; defect_content as the message; file_path as service_path;
//   - defect_status as a string, or an integer's digits; anything else "".
std::optional<DefectsPage> parse_defects_page(const std::string& body, std::string& problem);

// True for the bodies a successful stop answers with: empty, `null` or `{}` (whitespace allowed).
bool is_empty_success_body(const std::string& body);

}  // namespace ccs::api
