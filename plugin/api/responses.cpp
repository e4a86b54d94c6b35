#include "api/responses.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

namespace ccs::api {
namespace {

// Length of the valid UTF-8 sequence at `at`, or 0 when the bytes there are not one.
std::size_t utf8_sequence_length(const std::string& text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    const std::size_t length = lead >= 0xC2 && lead <= 0xDF   ? 2
                               : lead >= 0xE0 && lead <= 0xEF ? 3
                               : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                              : 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (length == 0 || at + length > text.size()) return 0;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
    if (byte(at + 1) < low || byte(at + 1) > high) return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(at + i) < 0x80 || byte(at + i) > 0xBF) return 0;
    }
    return length;
}

// The body with every byte the JSON parser would refuse (not UTF-8, a raw control character) made
// a '?' or a space: a service that sends them in its error_msg still means its error_code.
std::string parseable(const std::string& body) {
    std::string text;
    text.reserve(body.size());
    for (std::size_t at = 0; at < body.size();) {
        const auto c = static_cast<unsigned char>(body[at]);
        if (c < 0x80) {
            text += c < 0x20 ? ' ' : body[at];
            ++at;
        } else if (const std::size_t length = utf8_sequence_length(body, at)) {
            text.append(body, at, length);
            at += length;
        } else {
            text += '?';
            ++at;
        }
    }
    return text;
}

// The body as a JSON object, or nullptr when it is not one. Poco 1.11 throws on a bare top-level
// `null`, which is why callers check is_empty_success_body first.
Poco::JSON::Object::Ptr parse_object(const std::string& body) {
    try {
        Poco::JSON::Parser parser;
        const Poco::Dynamic::Var parsed = parser.parse(parseable(body));
        if (parsed.type() == typeid(Poco::JSON::Object::Ptr))
            return parsed.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
    } catch (const std::exception&) {
    }
    return nullptr;
}

// A string member's value; anything else (a number, an object, an array) is not turned into text.
std::string string_field(const Poco::JSON::Object::Ptr& object, const std::string& name) {
    if (!object->has(name) || object->isNull(name)) return {};
    const Poco::Dynamic::Var value = object->get(name);
    return value.isString() ? value.extract<std::string>() : std::string();
}

bool is_string_field(const Poco::JSON::Object::Ptr& object, const std::string& name) {
    return object->get(name).isString();
}

// task_status as the service means it: a JSON integer 0 to 3. "0", 0.5, true: unknown.
std::optional<int> task_status_value(const Poco::Dynamic::Var& value) {
    if (value.isBoolean() || !value.isInteger()) return std::nullopt;
    try {
        const auto status = value.convert<Poco::Int64>();
        if (status >= 0 && status <= 3) return static_cast<int>(status);
    } catch (const Poco::Exception&) {
    }
    return std::nullopt;
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
    if (!object->has("error_code") || object->isNull("error_code")) return std::nullopt;
    ServiceError error{string_field(object, "error_code"), string_field(object, "error_msg")};
    error.unusable_code = !is_string_field(object, "error_code");
    if (error.code.empty() && !error.unusable_code) return std::nullopt;
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
        const std::optional<int> status = task_status_value(object->get("task_status"));
        if (!status) {
            problem = "the progress answer has an unknown task_status";
            return std::nullopt;
        }
        progress.status = *status;
    }
    if (const auto detail = object->getObject("progress")) {
        progress.ratio = string_field(detail, "ratio");
        progress.info = string_field(detail, "info");
    }
    return progress;
}

}  // namespace ccs::api
