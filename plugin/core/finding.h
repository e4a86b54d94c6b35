// Findings: what a finished check found, one per defect, as read from defects-detail
// (GET /v2/tasks/{id}/defects-detail). The data every findings writer (SARIF, Code Quality,
// annotations, summaries) renders; the fetch (flow/findings_flow) fills it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ccs {

// defect_level: "0" critical, "1" major, "2" minor, "3" suggestion. The order is the severity's:
// Critical is the most severe.
enum class Severity { Critical = 0, Major = 1, Minor = 2, Suggestion = 3 };
const char* to_string(Severity severity);  // "critical", "major", "minor", "suggestion"

// Findings per severity, from defects-summary (or defects-statistic when the summary lacks them), or
// counted from the findings read.
struct SeverityCounts {
    long long critical = 0;
    long long major = 0;
    long long minor = 0;
    long long suggestion = 0;
};

// How loud a finding is where reviewers look: critical and major findings are errors, minor ones
// warnings, suggestions notes. SARIF's level and problem.severity and GitHub's annotation command all
// follow this one rule, each in its own words.
enum class Loudness { Error, Warning, Note };
Loudness loudness_of(Severity severity);

long long count_of(const SeverityCounts& counts, Severity severity);
long long& count_of(SeverityCounts& counts, Severity severity);

struct Finding {
    std::string task_id;
    std::string defect_id;  // the service's id; findings are de-duplicated by it within a task
    Severity severity = Severity::Suggestion;
    std::string rule;     // rule_name; defect_checker_name when the service gave no rule name
    std::string message;  // defect_content, as sent: untrusted text, escaped by each writer
    // file_path as the service sent it (untrusted), and what is left of it as a path relative to the
    // repository root once checked (repository_path): nullopt when it cannot be used as a location.
    std::string service_path;
    std::optional<std::string> path;
    long line = 0;  // line_number, 1-based; 0 when missing or not a positive number
};

// How far the findings of one task were read.
struct TaskFindings {
    std::string task_id;
    std::optional<long long> total;    // what the service said it has; nullopt when no page was read
    long long kept = 0;                // findings kept for this task, after de-duplication
    bool complete = false;             // every page was read and every finding kept
    std::string problem;               // when not complete, why: the call's failure, the deadline, the cap
    bool credentials_refused = false;  // a page was refused for the credentials or the permission
};

struct FindingsReport {
    // Most severe first; within a severity by task (in the order given), path, line and defect id.
    std::vector<Finding> findings;
    std::vector<TaskFindings> tasks;  // in the order the task ids were given
    long long max_findings = 0;       // the cap the fetch applied (--max-findings)

    // Every task's findings were read in full.
    bool complete() const;
    // The kept findings per severity.
    SeverityCounts counts() const;
};

// The location a service file_path gives, relative to the repository root, or nullopt when it must
// not be used as one: empty, absolute (or a Windows drive), holding a ".." segment, a control
// character, a backslash or a URL scheme. `prefix` (--path-prefix), when the path starts with it, is
// removed first; "./" and repeated slashes are then normalised away.
std::optional<std::string> repository_path(const std::string& service_path, const std::string& prefix);

}  // namespace ccs
