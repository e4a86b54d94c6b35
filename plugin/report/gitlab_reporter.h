// The reporter for GitLab CI: log lines on stderr as the plain reporter writes them, the requests
// inside a collapsed section, the outcome of each task and the result visible below it.
#pragma once

#include <ctime>
#include <functional>
#include <iosfwd>
#include <mutex>

#include "report/redactor.h"
#include "report/reporter.h"

namespace ccs::report {

class GitLabReporter : public Reporter {
public:
    using Clock = std::function<std::time_t()>;  // the section markers' unix time

    GitLabReporter(const ReportSettings& settings, std::ostream& out, std::ostream& err, Clock clock = {});

    void begin(const std::vector<std::string>& secrets) override;  // nothing visible
    void log(const std::string& line) override;                    // opens the section on the first line
    void invalid_input(const std::string& message) override;       // "codearts-check-stop: error: ..."
    void finish(const RunReport& report) override;                 // closes it; a line per task, the result

private:
    void write_lines(const std::string& text);  // redacted, prefixed; the caller holds mutex_

    ReportSettings settings_;
    std::ostream& out_;
    std::ostream& err_;
    Clock clock_;
    std::mutex mutex_;
    Redactor redactor_;
    bool section_open_ = false;
};

}  // namespace ccs::report
