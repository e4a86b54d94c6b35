// The reporter for GitHub Actions: masks, workflow commands and log lines on stdout, outputs and the
// step summary in the files the runner reads after the step.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <mutex>
#include <string>

#include "core/task_result.h"
#include "report/findings_files.h"
#include "report/redactor.h"
#include "report/reporter.h"

namespace ccs::report {

class GitHubReporter : public Reporter {
public:
    // `files`: what FileOutputs made of --sarif and --codequality (make_reporter shares it); none when null.
    GitHubReporter(const ReportSettings& settings, std::ostream& out, std::ostream& err,
                   SharedFindingsFiles files = nullptr);

    void begin(const std::vector<std::string>& secrets) override;  // ::add-mask:: for each secret
    void log(const std::string& line) override;                    // plain lines on stdout
    void invalid_input(const std::string& message) override;       // ::error title=Invalid input::...
    // Annotations (the tasks', then the findings'), outputs, summary, JSON.
    void finish(const RunReport& report) override;

private:
    // Appends to a file the runner reads; a failure becomes a ::warning naming the file and why.
    // `what` names the file for the reader ("$GITHUB_OUTPUT"). The caller holds mutex_.
    void append_or_warn(const std::string& what, const std::string& path, const std::string& text);

    ReportSettings settings_;
    std::ostream& out_;
    SharedFindingsFiles files_;
    std::mutex mutex_;  // log() is called from several threads; lines must not interleave
    Redactor redactor_;
};

}  // namespace ccs::report

// What the reporter makes of a finished run: annotations and step outputs. Pass a redacted report;
// these functions only format.
namespace ccs::report::github {

// GitHub shows at most 10 annotations of a level per step; more would be dropped silently.
inline constexpr std::size_t max_annotations_per_level = 10;
// Each list output (stopped, not-running, failed, request-ids) stays below this many bytes.
inline constexpr std::size_t max_output_value_bytes = std::size_t{32} * 1024;

// One annotation per task: failed -> ::error, stopped and not-running -> ::notice. Run mode: a check
// that did not pass (gate-failed, check-failed, stopped-elsewhere, failed) -> ::error, one this run
// stopped (timeout, signal) -> ::warning, passed -> ::notice, each with its findings and gate. When a level
// has more tasks than GitHub shows, the last annotation shown lists the rest by id. A skipped run gets one
// ::notice with the reason.
std::string task_annotations(const RunReport& report);

// $GITHUB_OUTPUT entries, heredoc form: result, stopped, not-running, failed, request-ids (ids
// separated by single spaces). Run mode adds exec-ids (space-separated), task-status (a JSON object,
// task id -> status, for fromJSON(); task_status_json cut at max_output_value_bytes), critical,
// major, minor, suggestion (the summed counts) and gate.
std::string output_entries(const RunReport& report);

}  // namespace ccs::report::github
