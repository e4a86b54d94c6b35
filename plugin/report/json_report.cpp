#include "report/json_report.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>

#include <algorithm>
#include <sstream>

#include "report/run_text.h"

namespace ccs::report {

namespace {

Poco::JSON::Object::Ptr new_object() {
    return new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

// JSON is UTF-8: a byte sequence that is not (a request id header, a server's text) becomes U+FFFD,
// so the document still parses. Poco writes such bytes through as they are.
std::string utf8(const std::string& text) {
    // Most text is ASCII: no converter for it (a report of 100,000 tasks converts half a million).
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return text;
    Poco::UTF8Encoding encoding;
    Poco::TextConverter converter(encoding, encoding, 0xFFFD);
    std::string valid;
    converter.convert(text, valid);
    return valid;
}

Poco::JSON::Array::Ptr string_array(const std::vector<std::string>& values) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const auto& value : values) array->add(utf8(value));
    return array;
}

Poco::Int64 milliseconds(std::chrono::milliseconds elapsed) {
    return static_cast<Poco::Int64>(elapsed.count());
}

Poco::JSON::Object::Ptr check_object(const TaskResult& task) {
    const CheckRun check = task.check.value_or(CheckRun{});
    auto object = new_object();
    object->set("exec-id", utf8(check.exec_id));
    object->set("followed", check.followed_only);
    object->set("status", std::string(to_string(run::status_of(task))));
    object->set("counts-read", check.counts.has_value());
    for (const auto& [name, count] : run::severities(check.counts.value_or(SeverityCounts{}))) {
        object->set(name, static_cast<Poco::Int64>(count));
    }
    object->set("gate", std::string(to_string(run::gate_of(task))));
    return object;
}

void add_run_keys(Poco::JSON::Object& document, const RunReport& report) {
    document.set("exec-ids", string_array(run::exec_ids(report)));
    // Not in insertion order: Poco looks a key up in its ordered list on every set, quadratic for
    // 100,000 tasks; an object's keys have no order for JSON anyway (these are sorted by id).
    Poco::JSON::Object::Ptr statuses = new Poco::JSON::Object;
    for (const auto& [id, status] : run::task_statuses(report)) statuses->set(utf8(id), status);
    document.set("task-status", statuses);
    for (const auto& [name, count] : run::severities(run::summed_counts(report))) {
        document.set(name, static_cast<Poco::Int64>(count));
    }
    document.set("gate", std::string(to_string(run::overall_gate(report))));
}

Poco::JSON::Object::Ptr task_object(const TaskResult& task, bool run_mode) {
    auto object = new_object();
    object->set("task-id", utf8(task.task_id));
    object->set("outcome", std::string(to_string(task.outcome)));
    object->set("detail", utf8(task.detail));
    object->set("error-code", utf8(task.error_code));
    object->set("error-message", utf8(task.error_message));
    object->set("http-status", task.http_status);
    object->set("request-ids", string_array(task.request_ids));
    object->set("attempts", task.attempts);
    object->set("duration-ms", milliseconds(task.elapsed));
    if (run_mode) object->set("check", check_object(task));
    return object;
}

Poco::JSON::Object::Ptr findings_task_object(const TaskFindings& task) {
    auto object = new_object();
    object->set("task-id", utf8(task.task_id));
    object->set("total", task.total ? Poco::Dynamic::Var(static_cast<Poco::Int64>(*task.total))
                                    : Poco::Dynamic::Var());
    object->set("kept", static_cast<Poco::Int64>(task.kept));
    object->set("complete", task.complete);
    object->set("problem", utf8(task.problem));
    return object;
}

Poco::JSON::Object::Ptr findings_file_object(const FindingsFile& file) {
    auto object = new_object();
    object->set("format", file.format);
    object->set("path", utf8(file.path));
    object->set("written", file.written());
    object->set("error", utf8(file.error));
    object->set("findings", static_cast<Poco::UInt64>(file.findings));
    object->set("left-out", static_cast<Poco::UInt64>(file.left_out));
    return object;
}

Poco::JSON::Object::Ptr findings_object(const FindingsReport& findings, const FindingsFiles& files) {
    auto object = new_object();
    for (const auto& [name, count] : run::severities(findings.counts()))
        object->set(name, static_cast<Poco::Int64>(count));
    object->set("complete", findings.complete());
    object->set("max-findings", static_cast<Poco::Int64>(findings.max_findings));
    Poco::JSON::Array::Ptr tasks = new Poco::JSON::Array;
    for (const auto& task : findings.tasks) tasks->add(findings_task_object(task));
    object->set("tasks", tasks);
    Poco::JSON::Array::Ptr written = new Poco::JSON::Array;
    for (const auto& file : files.files) written->add(findings_file_object(file));
    object->set("files", written);
    return object;
}

}  // namespace

std::string to_json(const RunReport& report, int exit_code) {
    return to_json(report, exit_code, FindingsFiles{});
}

std::string to_json(const RunReport& report, int exit_code, const FindingsFiles& files) {
    auto document = new_object();
    const RunResult result = report.result();
    document->set("result", std::string(to_string(result)));
    document->set("stopped", string_array(report.ids_with(Outcome::Stopped)));
    document->set("not-running", string_array(report.ids_with(Outcome::NotRunning)));
    document->set("failed", string_array(report.ids_with(Outcome::Failed)));
    std::vector<std::string> request_ids = report.request_ids();
    const std::size_t request_ids_omitted =
        request_ids.size() - std::min(request_ids.size(), max_json_request_ids);
    request_ids.resize(request_ids.size() - request_ids_omitted);
    document->set("request-ids", string_array(request_ids));
    document->set("request-ids-omitted", static_cast<Poco::UInt64>(request_ids_omitted));
    document->set("exit-code", exit_code);
    document->set("duration-ms", milliseconds(report.elapsed));
    const bool run_mode = report.is_run_mode();
    if (run_mode) add_run_keys(*document, report);
    Poco::JSON::Array::Ptr tasks = new Poco::JSON::Array;
    const std::size_t shown = std::min(report.tasks.size(), max_json_task_objects);
    for (std::size_t i = 0; i < shown; ++i) tasks->add(task_object(report.tasks[i], run_mode));
    document->set("tasks", tasks);
    document->set("tasks-omitted", static_cast<Poco::UInt64>(report.tasks.size() - shown));
    if (result == RunResult::Skipped) document->set("skipped-reason", utf8(report.skipped_reason));
    if (report.findings) document->set("findings", findings_object(*report.findings, files));
    std::ostringstream json;
    document->stringify(json);
    return json.str();
}

std::string json_string(const std::string& text) {
    std::ostringstream quoted;
    Poco::JSON::Stringifier::formatString(utf8(text), quoted);
    return quoted.str();
}

std::string task_status_json(const RunReport& report, std::size_t max_bytes) {
    const auto statuses = run::task_statuses(report);
    // Room for the closing brace and the "..." entry.
    constexpr std::size_t reserve = 40;
    std::string object = "{";
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        const std::string entry = json_string(statuses[i].first) + ":" + json_string(statuses[i].second);
        if (object.size() + 1 + entry.size() + reserve > max_bytes) {
            return object + (i == 0 ? "" : ",") + "\"...\":\"" + std::to_string(statuses.size() - i) +
                   " more\"}";
        }
        object += (i == 0 ? "" : ",") + entry;
    }
    return object + "}";
}

}  // namespace ccs::report
