#include "report/capped_log.h"

#include <string>
#include <utility>

namespace ccs::report {

CappedLog::CappedLog(std::unique_ptr<Reporter> inner, std::size_t budget)
    : inner_(std::move(inner)), left_(budget) {}

void CappedLog::begin(const std::vector<std::string>& secrets) {
    inner_->begin(secrets);
}

std::optional<std::string> CappedLog::admit(const std::string& line) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (omitted_lines_ == 0 && line.size() < left_) {
        left_ -= line.size() + 1;
        return line;
    }
    if (omitted_lines_++ == 0) {  // the first line over the limit says so, once
        return "the log is over its limit: further lines are left out (the results cover every task)";
    }
    return std::nullopt;
}

void CappedLog::log(const std::string& line) {
    if (const auto printed = admit(line)) inner_->log(*printed);
}

void CappedLog::progress(const ProgressEvent& event) {
    ProgressEvent capped = event;
    if (capped.line) capped.line = admit(*capped.line);
    inner_->progress(capped);
}

void CappedLog::invalid_input(const std::string& message) {
    inner_->invalid_input(message);
}

void CappedLog::finish(const RunReport& report) {
    std::size_t omitted = 0;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        omitted = omitted_lines_;
    }
    if (omitted > 0) inner_->log(std::to_string(omitted) + " log line(s) were left out (the log's limit)");
    inner_->finish(report);
}

}  // namespace ccs::report
