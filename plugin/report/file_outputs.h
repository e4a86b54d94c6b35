// Results written to files the user names (--json-file, --dotenv, --sarif, --codequality), whichever
// CI reports them: a reporter wrapped around the CI's own. A file that cannot be written costs a log
// line, never the run's result.
#pragma once

#include <chrono>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "report/findings_files.h"
#include "report/redactor.h"
#include "report/reporter.h"

namespace ccs::report {

class FileOutputs : public Reporter {
public:
    // `files` receives what became of --sarif and --codequality, for the inner reporter to read.
    FileOutputs(const ReportSettings& settings, std::unique_ptr<Reporter> inner,
                SharedFindingsFiles files = std::make_shared<FindingsFiles>());

    void begin(const std::vector<std::string>& secrets) override;
    void log(const std::string& line) override;
    void progress(const ProgressEvent& event) override;
    void invalid_input(const std::string& message) override;
    // Writes the files (the findings files first: the JSON document says what became of them), then
    // lets the CI's reporter finish (its result line comes last).
    void finish(const RunReport& report) override;

private:
    void write_findings(const RunReport& safe);

    ReportSettings settings_;
    std::unique_ptr<Reporter> inner_;
    SharedFindingsFiles files_;
    Redactor redactor_;
};

// Writing the files a CI hands us ($GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY, $GITHUB_STATE) and the user's:
// other steps' writers share them, so only ever append to those, and say why it failed instead of throwing.

// How long one output file may keep us waiting (a FIFO whose reader is slow): outputs are written
// after the run's deadline has been met, and must not hold the exit up for long.
constexpr std::chrono::milliseconds output_file_wait{1000};

// Appends `text` to `path` (created if missing), without damaging its last line (one without a
// newline gets one first). Returns "" on success, else the reason ("No such file or directory").
std::string append_to_file(const std::string& path, const std::string& text);

// Replaces the content of `path` with `text` (--json-file). Same bounds, same result.
std::string replace_file(const std::string& path, const std::string& text);

// Replaces the content of `path` with what `write` puts into the stream it is given, passed on to
// the file in pieces as it comes (--sarif: thousands of findings are never one string). Same bounds
// (output_file_wait for the whole file), same result. After a failure the stream takes the rest
// without writing it.
std::string replace_file_streamed(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace ccs::report
