#include "support/json_result.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <stdexcept>

namespace ccs::test {

Poco::JSON::Object::Ptr parse_json_object(const std::string& text) {
    try {
        return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
    } catch (const std::exception& error) {
        throw std::runtime_error("not a JSON object (" + std::string(error.what()) +
                                 "): " + text.substr(0, 200));
    }
}

std::string task_outcome(const std::string& json_text, std::size_t index) {
    const auto tasks = parse_json_object(json_text)->getArray("tasks");
    if (!tasks || index >= tasks->size())
        throw std::runtime_error("no task " + std::to_string(index) + " in " + json_text.substr(0, 200));
    return tasks->getObject(static_cast<unsigned>(index))->getValue<std::string>("outcome");
}

std::string joined_strings(const Poco::JSON::Object::Ptr& object, const std::string& key) {
    std::string joined;
    for (const auto& item : *object->getArray(key)) joined += (joined.empty() ? "" : " ") + item.toString();
    return joined;
}

}  // namespace ccs::test
