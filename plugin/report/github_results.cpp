#include "report/github_results.h"

#include <initializer_list>
#include <vector>

#include "report/advice.h"
#include "report/github_commands.h"
#include "report/task_text.h"
#include "report/text.h"

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
std::string capped(Level level, const std::vector<const TaskResult*>& tasks, const std::string& rest_verb) {
    std::string commands;
    const bool overflows = tasks.size() > max_annotations_per_level;
    const std::size_t shown_alone = overflows ? max_annotations_per_level - 1 : tasks.size();
    for (std::size_t i = 0; i < shown_alone; ++i) {
        const Note note = note_for(*tasks[i]);
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

}  // namespace

std::string task_annotations(const RunReport& report) {
    if (report.result() == RunResult::Skipped) {
        const std::string reason = report.skipped_reason.empty() ? "No task to stop." : report.skipped_reason;
        return annotation(Level::Notice, "CodeArts Check: nothing to stop", reason);
    }
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
    return output_entry("result", to_string(report.result())) +
           output_entry("stopped", list_output(report.ids_with(Outcome::Stopped))) +
           output_entry("not-running", list_output(report.ids_with(Outcome::NotRunning))) +
           output_entry("failed", list_output(report.ids_with(Outcome::Failed))) +
           output_entry("request-ids", list_output(report.request_ids()));
}

}  // namespace ccs::report::github
