#include "report/plain_reporter.h"

#include <algorithm>
#include <ostream>

#include "report/json_report.h"
#include "report/run_text.h"
#include "report/task_text.h"
#include "report/text.h"

namespace ccs::report {

namespace {

constexpr const char* line_prefix = "codearts-check-stop: ";

}  // namespace

PlainReporter::PlainReporter(const ReportSettings& settings, std::ostream& out, std::ostream& err,
                             LogFrame frame, SharedFindingsFiles files)
    : settings_(settings),
      out_(out),
      err_(err),
      frame_(std::move(frame)),
      files_(files ? std::move(files) : std::make_shared<FindingsFiles>()) {
    // Only there: a CI's log (GitHub, GitLab, Jenkins) is read later, where escapes are noise.
    if (settings.ci == CiKind::Plain && settings.terminal_columns > 0)
        block_.emplace(settings.terminal_columns);
}

void PlainReporter::begin(const std::vector<std::string>& secrets) {
    const std::lock_guard<std::mutex> lock(mutex_);
    redactor_ = Redactor(secrets);
}

void PlainReporter::log(const std::string& line) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (frame_.open && !frame_open_) {
        err_ << frame_.open();
        frame_open_ = true;
    }
    write_lines(line);
}

void PlainReporter::progress(const ProgressEvent& event) {
    if (!block_) {
        Reporter::progress(event);
        return;
    }
    const std::lock_guard<std::mutex> lock(mutex_);
    // Redacted like any line; progress_row strips the control characters.
    err_ << block_->update(redactor_.redact(event.task_id), event.state, redactor_.redact(event.ratio),
                           redactor_.redact(event.info))
         << std::flush;
}

void PlainReporter::invalid_input(const std::string& message) {
    const std::lock_guard<std::mutex> lock(mutex_);
    write_lines("error: " + message);
}

void PlainReporter::finish(const RunReport& report) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (frame_open_) {
        err_ << frame_.close();
        frame_open_ = false;
    }
    const RunReport safe = redactor_.redact(report);
    if (block_ && !block_->empty()) {
        // The rows' last state is each task's status, left on the screen above the results.
        for (const TaskResult& task : safe.tasks) {
            if (task.check) block_->set(task.task_id, to_string(run::status_of(task)), "", "");
        }
        err_ << block_->redraw();
        block_->leave();
    }
    // A line per task, as many as the JSON report has objects for; the JSON has every id.
    const std::size_t shown = std::min(safe.tasks.size(), max_json_task_objects);
    for (std::size_t i = 0; i < shown; ++i) write_lines(task_line(safe.tasks[i]));
    if (shown < safe.tasks.size()) {
        write_lines("... and " + std::to_string(safe.tasks.size() - shown) +
                    " more task(s): --json or --json-file lists every one");
    }
    if (safe.findings) write_lines(findings_line(*safe.findings, *files_));
    write_lines(result_line(safe));
    if (settings_.json) out_ << to_json(safe, exit_code_for(report), *files_) << '\n' << std::flush;
}

void PlainReporter::write_lines(const std::string& text) {
    // Redact the whole text before splitting it: a secret may span a line break.
    std::string lines;
    for (const auto& line : text::split_lines(text::visible_controls(redactor_.redact(text)))) {
        lines += line_prefix + line + '\n';
    }
    err_ << (block_ ? block_->above(lines) : lines) << std::flush;
}

}  // namespace ccs::report
