#include "report/json_report.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/TextConverter.h>
#include <Poco/UTF8Encoding.h>

#include <algorithm>
#include <sstream>

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

Poco::JSON::Object::Ptr task_object(const TaskResult& task) {
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
    return object;
}

}  // namespace

std::string to_json(const RunReport& report, int exit_code) {
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
    Poco::JSON::Array::Ptr tasks = new Poco::JSON::Array;
    const std::size_t shown = std::min(report.tasks.size(), max_json_task_objects);
    for (std::size_t i = 0; i < shown; ++i) tasks->add(task_object(report.tasks[i]));
    document->set("tasks", tasks);
    document->set("tasks-omitted", static_cast<Poco::UInt64>(report.tasks.size() - shown));
    if (result == RunResult::Skipped) document->set("skipped-reason", utf8(report.skipped_reason));
    std::ostringstream json;
    document->stringify(json);
    return json.str();
}

}  // namespace ccs::report
