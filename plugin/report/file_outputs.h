// Results written to files the user names (--json-file, --dotenv), whichever CI reports them: a
// reporter wrapped around the CI's own. A file that cannot be written costs a log line, never the
// run's result.
#pragma once

#include <memory>

#include "report/redactor.h"
#include "report/reporter.h"

namespace ccs::report {

class FileOutputs : public Reporter {
public:
    FileOutputs(const ReportSettings& settings, std::unique_ptr<Reporter> inner);

    void begin(const std::vector<std::string>& secrets) override;
    void log(const std::string& line) override;
    void invalid_input(const std::string& message) override;
    // Writes the files, then lets the CI's reporter finish (its result line comes last).
    void finish(const RunReport& report) override;

private:
    ReportSettings settings_;
    std::unique_ptr<Reporter> inner_;
    Redactor redactor_;
};

}  // namespace ccs::report
