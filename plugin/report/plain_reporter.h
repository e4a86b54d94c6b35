// The reporter for a terminal, Jenkins, GitLab (for now) and anything unknown: readable lines on
// stderr, the JSON document on stdout when asked for.
#pragma once

#include <iosfwd>
#include <mutex>

#include "report/redactor.h"
#include "report/reporter.h"

namespace ccs::report {

class PlainReporter : public Reporter {
public:
    PlainReporter(const ReportSettings& settings, std::ostream& out, std::ostream& err);

    void begin(const std::vector<std::string>& secrets) override;  // nothing visible
    void log(const std::string& line) override;                    // "codearts-check-stop: <line>"
    void invalid_input(const std::string& message) override;       // "codearts-check-stop: error: ..."
    void finish(const RunReport& report) override;                 // a line per task, the result, JSON

private:
    // Each physical line of `text`, redacted and prefixed. The caller holds mutex_.
    void write_lines(const std::string& text);

    ReportSettings settings_;
    std::ostream& out_;
    std::ostream& err_;
    std::mutex mutex_;  // log() is called from several threads; lines must not interleave
    Redactor redactor_;
};

}  // namespace ccs::report
