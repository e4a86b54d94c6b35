#include "report/gitlab_reporter.h"

#include <ostream>

#include "report/gitlab_format.h"
#include "report/json_report.h"
#include "report/task_text.h"
#include "report/text.h"

namespace ccs::report {
namespace {

constexpr const char* line_prefix = "codearts-check-stop: ";
constexpr const char* section_name = "codearts_check_stop";
constexpr const char* section_header = "codearts-check-stop: requests to CodeArts Check";

}  // namespace

GitLabReporter::GitLabReporter(const ReportSettings& settings, std::ostream& out, std::ostream& err,
                               Clock clock)
    : settings_(settings),
      out_(out),
      err_(err),
      clock_(clock ? std::move(clock) : Clock([] { return std::time(nullptr); })) {}

void GitLabReporter::begin(const std::vector<std::string>& secrets) {
    const std::lock_guard<std::mutex> lock(mutex_);
    redactor_ = Redactor(secrets);
}

void GitLabReporter::log(const std::string& line) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!section_open_) {
        err_ << gitlab::section_start(clock_(), section_name, section_header, true);
        section_open_ = true;
    }
    write_lines(line);
}

void GitLabReporter::invalid_input(const std::string& message) {
    const std::lock_guard<std::mutex> lock(mutex_);
    write_lines("error: " + message);
}

void GitLabReporter::finish(const RunReport& report) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (section_open_) {
        err_ << gitlab::section_end(clock_(), section_name);
        section_open_ = false;
    }
    const RunReport safe = redactor_.redact(report);
    for (const auto& task : safe.tasks) write_lines(task_line(task));
    write_lines(result_line(safe));
    if (settings_.json) out_ << to_json(safe, exit_code_for(report)) << '\n' << std::flush;
}

void GitLabReporter::write_lines(const std::string& text) {
    for (const auto& line : text::split_lines(redactor_.redact(text))) err_ << line_prefix << line << '\n';
    err_ << std::flush;
}

}  // namespace ccs::report
