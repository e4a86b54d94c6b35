// What the program writes for a CI, checked with the runner's own reading rules (tests/support):
//  - an annotation's message and properties come back exactly as given;
//  - a step output comes back exactly as given, under its own name and no other: no value can forge
//    the heredoc delimiter or add an output;
//  - free text never becomes a workflow command;
//  - a summary table cell never breaks out of its cell or opens HTML;
//  - a report whose service texts are any bytes (not UTF-8 included) still gives a JSON document that
//    parses, and step outputs that read back as written.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include "fuzz_input.h"

#include "report/github_commands.h"
#include "report/github_reporter.h"
#include "report/json_report.h"
#include "report/summary_markdown.h"
#include "support/github_file_commands.h"

namespace {

using ccs::fuzz::require;
namespace github = ccs::report::github;

void check_annotation(const std::string& title, const std::string& message) {
    const std::string line = github::workflow_command("error", {{"title", title}}, message);
    const auto parsed = ccs::test::parse_workflow_command(line.substr(0, line.size() - 1));
    require(parsed.has_value(), "an annotation is a command");
    require(parsed->message == message, "the message comes back as written");
    // The runner trims the properties as a whole (the toolkit escapes no white space): a last value
    // loses its trailing blanks, and a blank-only one is no property.
    const std::string kept = title.substr(0, title.find_last_not_of(" \t\v\f") + 1);
    if (kept.empty()) return;
    require(parsed->properties.count("title") == 1 && parsed->properties.at("title") == kept,
            "the title comes back as written");
}

void check_output(const std::string& value) {
    std::string entry;
    try {
        entry = github::output_entry("result", value);
    } catch (const std::invalid_argument&) {
        return;  // refused: the value held the delimiter (a chance of 2^-122 per try)
    }
    const auto outputs = ccs::test::parse_file_commands(entry + github::output_entry("after", "x"));
    require(outputs.size() == 2, "one entry gives one output");
    require(outputs.at("result") == value, "the output comes back as written");
    require(outputs.at("after") == "x", "a value cannot swallow the next entry");
}

void check_free_text(const std::string& text) {
    const std::string line = github::defuse_commands(text);
    require(line.find('\n') == std::string::npos && line.find('\r') == std::string::npos, "one line");
    require(!ccs::test::parse_workflow_command(line).has_value(), "free text is never a command");
}

void check_cell(const std::string& text) {
    const std::string cell = ccs::report::escape_table_cell(text);
    // Line breaks become the one tag a cell may hold.
    std::string without_breaks = cell;
    for (std::size_t at = without_breaks.find("<br>"); at != std::string::npos;
         at = without_breaks.find("<br>", at)) {
        without_breaks.erase(at, 4);
    }
    require(without_breaks.find_first_of("\r\n<>") == std::string::npos,
            "a cell holds no line break or tag but <br>");
    // Markdown reads "\\|" as an escaped backslash and a column break: a '|' must follow an odd number.
    for (std::size_t i = cell.find('|'); i != std::string::npos; i = cell.find('|', i + 1)) {
        std::size_t backslashes = 0;
        while (backslashes < i && cell[i - 1 - backslashes] == '\\') ++backslashes;
        require(backslashes % 2 == 1, "every '|' in a cell is escaped");
    }
}

// What the service said, as it said it, in every text field a report carries.
void check_report(const std::string& text) {
    ccs::TaskResult task;
    task.task_id = "t1";
    task.outcome = ccs::Outcome::Failed;
    task.detail = text;
    task.error_code = text;
    task.error_message = text;
    task.request_ids = {text};
    ccs::RunReport report;
    report.tasks = {task};
    const std::string json = ccs::report::to_json(report, 1);
    try {
        Poco::JSON::Parser().parse(json);
    } catch (const Poco::Exception&) {
        require(false, "the JSON report parses");
    }
    std::string entries;
    try {
        entries = github::output_entries(report);
    } catch (const std::invalid_argument&) {
        return;
    }
    require(ccs::test::parse_file_commands(entries).at("failed") == "t1", "outputs read back as written");
    ccs::report::summary_markdown(report);
    github::task_annotations(report);
}

// Run mode: the same text as a task id, an exec id and a detail. The task-status output is JSON that
// parses (any bytes become valid UTF-8) and still says the task's status.
void check_run_report(const std::string& text) {
    ccs::TaskResult task;
    task.task_id = text;
    task.outcome = ccs::Outcome::NotRunning;
    task.detail = text;
    task.error_message = text;
    ccs::CheckRun check;
    check.exec_id = text;
    check.status = ccs::CheckStatus::GateFailed;
    check.counts = ccs::SeverityCounts{1, 2, 3, 4};
    check.gate = ccs::GateVerdict::Failed;
    task.check = check;
    ccs::RunReport report;
    report.tasks = {task};
    try {
        Poco::JSON::Parser().parse(ccs::report::to_json(report, 1));
    } catch (const Poco::Exception&) {
        require(false, "the run-mode JSON report parses");
    }
    std::string entries;
    try {
        entries = github::output_entries(report);
    } catch (const std::invalid_argument&) {
        return;
    }
    const auto outputs = ccs::test::parse_file_commands(entries);
    require(outputs.at("gate") == "failed", "the gate reads back");
    try {
        const auto statuses =
            Poco::JSON::Parser().parse(outputs.at("task-status")).extract<Poco::JSON::Object::Ptr>();
        require(statuses->size() == 1, "one task, one status");
        require(statuses->begin()->second.convert<std::string>() == "gate-failed", "the status reads back");
    } catch (const Poco::Exception&) {
        require(false, "the task-status output parses");
    }
    ccs::report::summary_markdown(report);
    github::task_annotations(report);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::string> parts = ccs::fuzz::split_at_nul(data, size);
    const std::string& text = parts[0];
    check_annotation(parts.size() > 1 ? parts[1] : "", text);
    check_output(text);
    check_free_text(text);
    check_cell(text);
    check_report(text);
    check_run_report(text);
    github::escape_property(text);
    github::add_mask(text);
    github::defuse_json(text);
    return 0;
}
