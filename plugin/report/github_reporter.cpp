#include "report/github_reporter.h"

#include <ostream>
#include <stdexcept>

#include "report/file_append.h"
#include "report/github_commands.h"
#include "report/github_results.h"
#include "report/json_report.h"
#include "report/summary_markdown.h"
#include "report/text.h"

namespace ccs::report {

// `err` is not used: GitHub shows stdout in the step log, and workflow commands only work there.
GitHubReporter::GitHubReporter(const ReportSettings& settings, std::ostream& out, std::ostream& /*err*/)
    : settings_(settings), out_(out) {}

void GitHubReporter::begin(const std::vector<std::string>& secrets) {
    const std::lock_guard<std::mutex> lock(mutex_);
    redactor_ = Redactor(secrets);
    for (const auto& secret : secrets) out_ << github::add_mask(secret);
    out_ << std::flush;  // masks must reach the runner before any line that could hold a secret
}

void GitHubReporter::log(const std::string& line) {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& physical_line : text::split_lines(redactor_.redact(line))) {
        out_ << github::defuse_commands(physical_line) << '\n';
    }
    out_ << std::flush;
}

void GitHubReporter::invalid_input(const std::string& message) {
    const std::lock_guard<std::mutex> lock(mutex_);
    out_ << github::annotation(github::Level::Error, "Invalid input", redactor_.redact(message))
         << std::flush;
}

void GitHubReporter::finish(const RunReport& report) {
    const std::lock_guard<std::mutex> lock(mutex_);
    const RunReport safe = redactor_.redact(report);
    out_ << github::task_annotations(safe);
    if (!settings_.github_output_path.empty()) {
        std::string entries;
        try {
            entries = github::output_entries(safe);
        } catch (const std::invalid_argument& refused) {  // a value held the random delimiter
            out_ << github::annotation(github::Level::Warning, "Could not write the step outputs",
                                       redactor_.redact(refused.what()));
        }
        if (!entries.empty()) append_or_warn("$GITHUB_OUTPUT", settings_.github_output_path, entries);
    }
    if (!settings_.github_summary_path.empty()) {
        // The summary is free text for people: redact it once more as a whole, after formatting.
        append_or_warn("$GITHUB_STEP_SUMMARY", settings_.github_summary_path,
                       redactor_.redact(summary_markdown(safe)));
    }
    if (settings_.json) out_ << github::defuse_json(to_json(safe, exit_code_for(report))) << '\n';
    out_ << std::flush;
}

void GitHubReporter::append_or_warn(const std::string& what, const std::string& path,
                                    const std::string& text) {
    const std::string error = append_to_file(path, text);
    if (error.empty()) return;
    const std::string message = "Could not append to " + what + " (" + path + "): " + error;
    out_ << github::annotation(github::Level::Warning, "Could not write " + what, redactor_.redact(message));
}

}  // namespace ccs::report
