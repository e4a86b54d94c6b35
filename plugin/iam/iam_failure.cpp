#include "iam/iam_failure.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

namespace ccs::iam {

namespace {

using Poco::JSON::Object;

std::string string_field(const Object& object, const std::string& name) {
    const auto value = object.get(name);
    return value.isString() ? value.convert<std::string>() : "";
}

std::optional<ErrorBody> flat_error(const Object& object) {
    ErrorBody error{string_field(object, "error_code"), string_field(object, "error_msg")};
    if (error.code.empty() && error.message.empty()) return std::nullopt;
    return error;
}

std::optional<ErrorBody> keystone_error(const Object& object) {
    const Object::Ptr error = object.getObject("error");
    if (!error) return std::nullopt;
    ErrorBody body{"", string_field(*error, "message")};
    if (body.message.empty()) body.message = string_field(*error, "title");
    if (body.message.empty()) return std::nullopt;
    return body;
}

}  // namespace

std::string IamFailure::describe() const {
    std::string what = refused ? service + " refused the credentials" : service + " gave no credentials";
    std::string details = call;
    if (http_status != 0) details += ": HTTP " + std::to_string(http_status);
    if (!error_code.empty()) details += " " + error_code;
    if (!error_message.empty()) details += (error_code.empty() ? " " : ": ") + error_message;
    if (!problem.empty()) details += (http_status != 0 || !error_message.empty() ? "; " : ": ") + problem;
    return what + " (" + details + ")";
}

std::optional<ErrorBody> parse_error_body(const std::string& body) {
    try {
        Poco::JSON::Parser parser;
        const auto parsed = parser.parse(body);
        if (parsed.type() != typeid(Object::Ptr)) return std::nullopt;
        const Object::Ptr& object = parsed.extract<Object::Ptr>();
        if (auto flat = flat_error(*object)) return flat;
        return keystone_error(*object);
    } catch (const Poco::Exception&) {
        return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace ccs::iam
