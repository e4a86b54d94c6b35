// The reporter for GitHub Actions: masks, workflow commands and log lines on stdout, outputs and the
// step summary in the files the runner reads after the step.
#pragma once

#include <iosfwd>
#include <mutex>

#include "report/redactor.h"
#include "report/reporter.h"

namespace ccs::report {

class GitHubReporter : public Reporter {
public:
    GitHubReporter(const ReportSettings& settings, std::ostream& out, std::ostream& err);

    void begin(const std::vector<std::string>& secrets) override;  // ::add-mask:: for each secret
    void log(const std::string& line) override;                    // plain lines on stdout
    void invalid_input(const std::string& message) override;       // ::error title=Invalid input::...
    void finish(const RunReport& report) override;                 // annotations, outputs, summary, JSON

private:
    // Appends to a file the runner reads; a failure becomes a ::warning naming the file and why.
    // `what` names the file for the reader ("$GITHUB_OUTPUT"). The caller holds mutex_.
    void append_or_warn(const std::string& what, const std::string& path, const std::string& text);

    ReportSettings settings_;
    std::ostream& out_;
    std::mutex mutex_;  // log() is called from several threads; lines must not interleave
    Redactor redactor_;
};

}  // namespace ccs::report
