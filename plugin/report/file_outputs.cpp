#include "report/file_outputs.h"

#include "core/bounded_file.h"
#include "report/gitlab_reporter.h"
#include "report/json_report.h"

namespace ccs::report {

FileOutputs::FileOutputs(const ReportSettings& settings, std::unique_ptr<Reporter> inner)
    : settings_(settings), inner_(std::move(inner)) {}

void FileOutputs::begin(const std::vector<std::string>& secrets) {
    redactor_ = Redactor(secrets);
    inner_->begin(secrets);
}

void FileOutputs::log(const std::string& line) {
    inner_->log(line);
}

void FileOutputs::progress(const ProgressEvent& event) {
    inner_->progress(event);
}

void FileOutputs::invalid_input(const std::string& message) {
    inner_->invalid_input(message);
}

void FileOutputs::finish(const RunReport& report) {
    const RunReport safe = redactor_.redact(report);
    const int exit_code = exit_code_for(report);
    if (!settings_.json_file_path.empty()) {
        const std::string error = replace_file(settings_.json_file_path, to_json(safe, exit_code) + "\n");
        if (!error.empty())
            inner_->log("could not write --json-file " + settings_.json_file_path + ": " + error);
    }
    if (!settings_.dotenv_path.empty()) {
        // Appended: the job may keep variables of its own in the same file.
        const std::string error =
            append_to_file(settings_.dotenv_path, gitlab::dotenv_lines(safe, exit_code));
        if (!error.empty()) inner_->log("could not write --dotenv " + settings_.dotenv_path + ": " + error);
    }
    inner_->finish(report);
}

std::string append_to_file(const std::string& path, const std::string& text) {
    return write_bounded_file(path, text, WriteMode::Append, Deadline::in(output_file_wait));
}

std::string replace_file(const std::string& path, const std::string& text) {
    return write_bounded_file(path, text, WriteMode::Replace, Deadline::in(output_file_wait));
}

}  // namespace ccs::report
