#include "api/responses.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

namespace ccs::api {
namespace {

// The body as a JSON object, or nullptr when it is not one. Poco 1.11 throws on a bare top-level
// `null`, which is why callers check is_empty_success_body first.
Poco::JSON::Object::Ptr parse_object(const std::string& body) {
    try {
        Poco::JSON::Parser parser;
        const Poco::Dynamic::Var parsed = parser.parse(body);
        if (parsed.type() == typeid(Poco::JSON::Object::Ptr)) return parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
    } catch (const std::exception&) {
    }
    return nullptr;
}

std::string string_field(const Poco::JSON::Object::Ptr& object, const std::string& name) {
    if (!object->has(name) || object->isNull(name)) return {};
    try {
        return object->get(name).convert<std::string>();
    } catch (const Poco::Exception&) {
        return {};  // an object or array where a string belongs: treat as absent
    }
}

}  // namespace

bool is_empty_success_body(const std::string& body) {
    const std::string trimmed = Poco::trim(body);
    return trimmed.empty() || trimmed == "null" || trimmed == "{}";
}

std::optional<ServiceError> parse_service_error(const std::string& body) {
    if (is_empty_success_body(body)) return std::nullopt;
    const auto object = parse_object(body);
    if (!object) return std::nullopt;
    ServiceError error{string_field(object, "error_code"), string_field(object, "error_msg")};
    if (error.code.empty()) return std::nullopt;
    return error;
}

std::optional<Progress> parse_progress(const std::string& body, std::string& problem) {
    if (is_empty_success_body(body)) {
        problem = "the progress answer is empty";
        return std::nullopt;
    }
    const auto object = parse_object(body);
    if (!object) {
        problem = "the progress answer is not a JSON object";
        return std::nullopt;
    }
    if (!object->has("task_status")) {
        problem = "the progress answer has no task_status";
        return std::nullopt;
    }
    Progress progress;
    if (!object->isNull("task_status")) {
        int status = -1;
        try {
            status = object->get("task_status").convert<int>();
        } catch (const Poco::Exception&) {
        }
        if (status < 0 || status > 3) {
            problem = "the progress answer has an unknown task_status";
            return std::nullopt;
        }
        progress.status = status;
    }
    if (const auto detail = object->getObject("progress")) {
        progress.ratio = string_field(detail, "ratio");
        progress.info = string_field(detail, "info");
    }
    return progress;
}

}  // namespace ccs::api
