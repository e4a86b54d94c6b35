// The log's size limit, around whichever reporter the run uses: a run over tens of thousands of tasks
// logs a line per request, and megabytes of them would bury the result and fill the CI's log limit.
// Past `max_log_bytes` the lines are counted, not printed; the results (annotations, outputs, JSON,
// summary) still cover every task, and one line at the end says how much was left out.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>

#include "report/reporter.h"

namespace ccs::report {

inline constexpr std::size_t max_log_bytes = std::size_t{1024} * 1024;

class CappedLog : public Reporter {
public:
    explicit CappedLog(std::unique_ptr<Reporter> inner, std::size_t budget = max_log_bytes);

    void begin(const std::vector<std::string>& secrets) override;
    void log(const std::string& line) override;
    void progress(const ProgressEvent& event) override;  // its line counts against the limit too
    void invalid_input(const std::string& message) override;
    void finish(const RunReport& report) override;

private:
    // The line to print in place of `line`: itself, the notice that the limit was reached, or none.
    std::optional<std::string> admit(const std::string& line);

    std::unique_ptr<Reporter> inner_;
    std::mutex mutex_;
    std::size_t left_;
    std::size_t omitted_lines_ = 0;
};

}  // namespace ccs::report
