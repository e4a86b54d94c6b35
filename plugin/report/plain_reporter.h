// The reporter for a terminal, Jenkins, GitLab and anything unknown: readable lines on stderr, the
// JSON document on stdout when asked for.
#pragma once

#include <functional>
#include <iosfwd>
#include <mutex>
#include <string>

#include "report/findings_files.h"
#include "report/redactor.h"
#include "report/reporter.h"

namespace ccs::report {

// What a CI's log puts around the request lines (GitLab: a collapsed section). Each gives the text
// to write on stderr; empty functions: nothing around them.
struct LogFrame {
    std::function<std::string()> open;   // before the first log line
    std::function<std::string()> close;  // before the results, when it was opened
};

class PlainReporter : public Reporter {
public:
    // `files`: what FileOutputs made of --sarif and --codequality (make_reporter shares it); none when null.
    PlainReporter(const ReportSettings& settings, std::ostream& out, std::ostream& err, LogFrame frame = {},
                  SharedFindingsFiles files = nullptr);

    void begin(const std::vector<std::string>& secrets) override;  // nothing visible
    void log(const std::string& line) override;                    // "codearts-check-stop: <line>"
    void invalid_input(const std::string& message) override;       // "codearts-check-stop: error: ..."
    // A line per task, one about the findings (when read), the result, JSON.
    void finish(const RunReport& report) override;

private:
    // Each physical line of `text`, redacted and prefixed. The caller holds mutex_.
    void write_lines(const std::string& text);

    ReportSettings settings_;
    std::ostream& out_;
    std::ostream& err_;
    LogFrame frame_;
    SharedFindingsFiles files_;
    bool frame_open_ = false;
    std::mutex mutex_;  // log() is called from several threads; lines must not interleave
    Redactor redactor_;
};

}  // namespace ccs::report
