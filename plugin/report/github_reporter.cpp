#include "report/github_reporter.h"

#include <initializer_list>
#include <ostream>
#include <stdexcept>
#include <vector>

#include "report/advice.h"
#include "report/file_outputs.h"
#include "report/github_commands.h"
#include "report/github_findings.h"
#include "report/json_report.h"
#include "report/run_text.h"
#include "report/summary_markdown.h"
#include "report/task_text.h"
#include "report/text.h"

namespace ccs::report {

// `err` is not used: GitHub shows stdout in the step log, and workflow commands only work there.
GitHubReporter::GitHubReporter(const ReportSettings& settings, std::ostream& out, std::ostream& /*err*/,
                               SharedFindingsFiles files)
    : settings_(settings), out_(out), files_(files ? std::move(files) : std::make_shared<FindingsFiles>()) {}

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
    const std::string task_annotations = github::task_annotations(safe);
    out_ << task_annotations;
    if (safe.findings) {
        out_ << github::finding_annotations(*safe.findings, *files_, github::budget_after(task_annotations));
        out_ << github::defuse_commands(findings_line(*safe.findings, *files_)) << '\n';
    }
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
                       redactor_.redact(summary_markdown(safe, *files_)));
    }
    if (settings_.json) out_ << github::defuse_json(to_json(safe, exit_code_for(report), *files_)) << '\n';
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

namespace ccs::report::github {

namespace {

struct Note {
    std::string title;
    std::string message;
};

// What a task's annotation title says happened to it.
const char* task_verb(Outcome outcome) {
    switch (outcome) {
        case Outcome::Stopped: return "stopped";
        case Outcome::NotRunning: return "was not running";
        case Outcome::Failed: return "was not stopped";
    }
    return "was not stopped";
}

std::string failure_message(const TaskResult& task) {
    std::vector<std::string> lines;
    if (!task.detail.empty()) lines.push_back(task.detail);
    if (const auto error = service_error_text(task); !error.empty())
        lines.push_back("Service error: " + error);
    if (const auto ids = request_ids_text(task); !ids.empty()) lines.push_back("The " + ids);
    lines.push_back(advice_for(task));
    return text::join(lines, "\n");
}

Note note_for(const TaskResult& task) {
    Note note{"CodeArts Check task " + task.task_id + " " + task_verb(task.outcome), task.detail};
    if (task.outcome == Outcome::Failed) note.message = failure_message(task);
    if (is_about_credentials(advice_kind(task))) note.title += ": the credentials were refused";
    if (note.message.empty()) note.message = note.title;
    return note;
}

// Run mode: what became of the check, its findings and gate, and for a failure why and what to do.
Note run_note_for(const TaskResult& task) {
    Note note{"CodeArts Check task " + task.task_id + " " + run::status_phrase(run::status_of(task)), ""};
    std::vector<std::string> lines;
    if (!task.detail.empty()) lines.push_back(task.detail);
    if (task.check && task.check->counts)
        lines.push_back("Findings: " + run::counts_text(*task.check->counts) + ".");
    if (run::gate_of(task) != GateVerdict::None)
        lines.push_back(std::string("Quality gate: ") + to_string(run::gate_of(task)) + ".");
    if (task.check && !task.check->exec_id.empty()) lines.push_back("Exec id: " + task.check->exec_id + ".");
    if (task.check && task.check->followed_only)
        lines.push_back("It was running already: followed, not restarted.");
    if (run::needs_explanation(task)) {
        if (const auto error = service_error_text(task); !error.empty())
            lines.push_back("Service error: " + error);
        if (const auto ids = request_ids_text(task); !ids.empty()) lines.push_back("The " + ids);
        lines.push_back(advice_for(task));
        if (is_about_credentials(advice_kind(task))) note.title += ": the credentials were refused";
    }
    note.message = lines.empty() ? note.title : text::join(lines, "\n");
    return note;
}

using NoteFor = Note (*)(const TaskResult&);

// "a, b, c", cut after the last id that fits an annotation's message: thousands of ids would only be
// cut by the annotation itself, after the work of joining them.
std::string id_list(const std::vector<const TaskResult*>& tasks, std::size_t from) {
    std::string list;
    for (std::size_t i = from; i < tasks.size(); ++i) {
        if (list.size() + tasks[i]->task_id.size() + 2 > max_message_chars - 100) return list + ", ...";
        list += (list.empty() ? "" : ", ") + tasks[i]->task_id;
    }
    return list;
}

// The annotations of one level, as many as GitHub shows: the last one shown stands for all the rest.
// Only the shown tasks are formatted: a run over 100,000 tasks reports in milliseconds.
// `rest_verb` completes "N more tasks ...".
// `limit`: how many annotations of the level this may use.
std::string capped(Level level, const std::vector<const TaskResult*>& tasks, const std::string& rest_verb,
                   NoteFor note_for_task = note_for, std::size_t limit = max_annotations_per_level) {
    std::string commands;
    const bool overflows = tasks.size() > limit;
    const std::size_t shown_alone = overflows ? limit - 1 : tasks.size();
    for (std::size_t i = 0; i < shown_alone; ++i) {
        const Note note = note_for_task(*tasks[i]);
        commands += annotation(level, note.title, note.message);
    }
    if (!overflows) return commands;
    const std::string title =
        "CodeArts Check: " + std::to_string(tasks.size() - shown_alone) + " more tasks " + rest_verb;
    const std::string message =
        "Tasks " + id_list(tasks, shown_alone) + ". The step summary and the log have the details.";
    return commands + annotation(level, title, message);
}

std::vector<const TaskResult*> tasks_with(const RunReport& report, std::initializer_list<Outcome> outcomes) {
    std::vector<const TaskResult*> tasks;
    for (const Outcome outcome : outcomes) {
        for (const auto& task : report.tasks) {
            if (task.outcome == outcome) tasks.push_back(&task);
        }
    }
    return tasks;
}

std::vector<const TaskResult*> tasks_with(const RunReport& report,
                                          std::initializer_list<CheckStatus> statuses) {
    std::vector<const TaskResult*> tasks;
    for (const CheckStatus status : statuses) {
        for (const auto& task : report.tasks) {
            if (run::status_of(task) == status) tasks.push_back(&task);
        }
    }
    return tasks;
}

// Run mode: a check that did not pass is an error, a check this run stopped (timeout, signal) a
// warning, a passed one a notice; errors first. The warnings leave room for the two the reporter may
// add after them ($GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY not written).
std::string run_annotations(const RunReport& report) {
    return capped(Level::Error,
                  tasks_with(report, {CheckStatus::GateFailed, CheckStatus::CheckFailed,
                                      CheckStatus::StoppedElsewhere, CheckStatus::Failed}),
                  "did not pass", run_note_for) +
           capped(Level::Warning, tasks_with(report, {CheckStatus::Stopped}), "were stopped by this run",
                  run_note_for, max_annotations_per_level - 2) +
           capped(Level::Notice, tasks_with(report, {CheckStatus::Passed}), "passed", run_note_for);
}

}  // namespace

std::string task_annotations(const RunReport& report) {
    if (report.result() == RunResult::Skipped) {
        const std::string reason = report.skipped_reason.empty() ? "No task to stop." : report.skipped_reason;
        return annotation(Level::Notice, "CodeArts Check: nothing to stop", reason);
    }
    if (report.is_run_mode()) return run_annotations(report);
    // Errors first: they matter most. Stopped and not-running tasks share the notices' limit.
    return capped(Level::Error, tasks_with(report, {Outcome::Failed}), "were not stopped") +
           capped(Level::Notice, tasks_with(report, {Outcome::Stopped, Outcome::NotRunning}),
                  "were stopped or not running");
}

namespace {

// Space-joined, cut after the last item that fits max_output_value_bytes, then " ...": a run over
// thousands of tasks must not fill the runner's output limit (1 MB per job) with one list.
std::string list_output(const std::vector<std::string>& items) {
    std::string value;
    for (const auto& item : items) {
        if (value.size() + 1 + item.size() > max_output_value_bytes - 4) return value + " ...";
        value += (value.empty() ? "" : " ") + item;
    }
    return value;
}

}  // namespace

std::string output_entries(const RunReport& report) {
    std::string run_entries;
    if (report.is_run_mode()) {
        run_entries = output_entry("exec-ids", list_output(run::exec_ids(report))) +
                      output_entry("task-status", task_status_json(report, max_output_value_bytes));
        for (const auto& [name, count] : run::severities(run::summed_counts(report)))
            run_entries += output_entry(name, std::to_string(count));
        run_entries += output_entry("gate", to_string(run::overall_gate(report)));
    }
    return output_entry("result", to_string(report.result())) +
           output_entry("stopped", list_output(report.ids_with(Outcome::Stopped))) +
           output_entry("not-running", list_output(report.ids_with(Outcome::NotRunning))) +
           output_entry("failed", list_output(report.ids_with(Outcome::Failed))) +
           output_entry("request-ids", list_output(report.request_ids())) + run_entries;
}

}  // namespace ccs::report::github
