// One interface for telling a CI what happened. main picks the implementation for where the
// program runs; the flows only see this interface (through a log callback) and the final report.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "core/ci_kind.h"
#include "core/progress_event.h"
#include "core/task_result.h"

namespace ccs::report {

// Where reporters write. Paths that are empty are not written.
struct ReportSettings {
    CiKind ci = CiKind::Plain;
    bool json = false;                // print the whole result as one JSON document on stdout
    std::string github_output_path;   // $GITHUB_OUTPUT
    std::string github_summary_path;  // $GITHUB_STEP_SUMMARY
    std::string json_file_path;       // --json-file: the JSON document, any CI
    std::string dotenv_path;          // --dotenv: KEY=value lines (GitLab's dotenv report), any CI
    std::string sarif_path;           // --sarif: the findings as SARIF 2.1.0, any CI
    std::string codequality_path;     // --codequality: the findings as GitLab Code Quality JSON, any CI
    int terminal_columns = 0;         // stderr is a terminal this wide (main asks); 0: it is not
};

class Reporter {
public:
    virtual ~Reporter() = default;

    // Called first, before anything else is printed. GitHub masks each secret; every reporter also
    // redacts them from whatever it prints or writes later. Called again, with every secret so far,
    // when the run learns new ones (a token or temporary keys IAM issued): each call's list replaces
    // the last, and the masks already sent stay.
    virtual void begin(const std::vector<std::string>& secrets) = 0;

    // A progress line for the log ("task X: POST /v2/tasks/X/stop -> 200 in 12 ms"). May be called
    // from several threads at once.
    virtual void log(const std::string& line) = 0;

    // Run mode: a look at a check's progress. By default its line, when one is due, goes to log();
    // the plain reporter on a terminal draws the task's row instead. May be called from several threads.
    virtual void progress(const ProgressEvent& event);

    // The inputs or configuration were invalid; nothing was sent. `message` names the input.
    virtual void invalid_input(const std::string& message) = 0;

    // The run is over: annotations, outputs, summary, JSON.
    virtual void finish(const RunReport& report) = 0;
};

// `out` is the process's stdout (workflow commands, JSON), `err` its stderr (log lines).
std::unique_ptr<Reporter> make_reporter(const ReportSettings& settings, std::ostream& out, std::ostream& err);

}  // namespace ccs::report
