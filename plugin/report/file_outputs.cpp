#include "report/file_outputs.h"

#include <array>
#include <ostream>
#include <streambuf>

#include "core/bounded_file.h"
#include "report/gitlab_reporter.h"
#include "report/json_report.h"

namespace ccs::report {

FileOutputs::FileOutputs(const ReportSettings& settings, std::unique_ptr<Reporter> inner,
                         SharedFindingsFiles files)
    : settings_(settings),
      inner_(std::move(inner)),
      files_(files ? std::move(files) : std::make_shared<FindingsFiles>()) {}

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
    write_findings(safe);
    if (!settings_.json_file_path.empty()) {
        const std::string error =
            replace_file(settings_.json_file_path, to_json(safe, exit_code, *files_) + "\n");
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

void FileOutputs::write_findings(const RunReport& safe) {
    if (!safe.findings) return;
    files_->files = write_findings_files(settings_, *safe.findings);
    for (const auto& file : files_->files) {
        if (!file.written())
            inner_->log("could not write --" + file.format + " " + file.path + ": " + file.error);
    }
}

std::string append_to_file(const std::string& path, const std::string& text) {
    return write_bounded_file(path, text, WriteMode::Append, Deadline::in(output_file_wait));
}

std::string replace_file(const std::string& path, const std::string& text) {
    return write_bounded_file(path, text, WriteMode::Replace, Deadline::in(output_file_wait));
}

namespace {

// A stream buffer that hands each full buffer to a BoundedFileWriter.
class BoundedFileBuffer : public std::streambuf {
public:
    explicit BoundedFileBuffer(BoundedFileWriter& writer) : writer_(writer) {
        setp(buffer_.data(), buffer_.data() + buffer_.size());
    }

protected:
    int_type overflow(int_type c) override {
        flush_buffer();
        if (!traits_type::eq_int_type(c, traits_type::eof())) sputc(traits_type::to_char_type(c));
        return traits_type::not_eof(c);
    }
    int sync() override {
        flush_buffer();
        return 0;
    }

private:
    // After a failure the text is dropped: the writer says why, once, when the stream is done.
    void flush_buffer() {
        writer_.write(pbase(), static_cast<std::size_t>(pptr() - pbase()));
        setp(buffer_.data(), buffer_.data() + buffer_.size());
    }

    BoundedFileWriter& writer_;
    std::array<char, std::size_t{64} * 1024> buffer_{};
};

}  // namespace

std::string replace_file_streamed(const std::string& path, const std::function<void(std::ostream&)>& write) {
    BoundedFileWriter writer(path, WriteMode::Replace, Deadline::in(output_file_wait));
    if (!writer.error().empty()) return writer.error();
    BoundedFileBuffer buffer(writer);
    std::ostream stream(&buffer);
    write(stream);
    stream.flush();
    return writer.error();
}

}  // namespace ccs::report
