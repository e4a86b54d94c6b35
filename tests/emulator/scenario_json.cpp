#include "emulator/scenario_json.h"

#include <algorithm>

#include "emulator/scenario.h"

namespace ccs::emu::scenario_json {

using Poco::Dynamic::Var;
using Poco::JSON::Object;

void fail(const std::string& where, const std::string& what) {
    throw ScenarioError(where + ": " + what);
}

void reject_unknown_keys(const Object& object, const std::vector<std::string>& known,
                         const std::string& where) {
    for (const auto& name : object.getNames()) {
        if (std::find(known.begin(), known.end(), name) == known.end())
            fail(where, "unknown field \"" + name + "\"");
    }
}

Object::Ptr as_object(const Var& value, const std::string& where) {
    if (value.type() != typeid(Object::Ptr)) fail(where, "expected a JSON object");
    return value.extract<Object::Ptr>();
}

Object::Ptr as_object(const Var& value, const std::string& where, const std::vector<std::string>& known) {
    auto object = as_object(value, where);
    reject_unknown_keys(*object, known, where);
    return object;
}

Poco::JSON::Array::Ptr as_array(const Var& value, const std::string& where) {
    if (value.type() != typeid(Poco::JSON::Array::Ptr)) fail(where, "expected a JSON array");
    return value.extract<Poco::JSON::Array::Ptr>();
}

std::string as_string(const Var& value, const std::string& where) {
    if (!value.isString()) fail(where, "expected a string");
    return value.convert<std::string>();
}

int as_int(const Var& value, const std::string& where, int min, int max) {
    if (!value.isInteger()) fail(where, "expected an integer");
    const auto number = value.convert<Poco::Int64>();
    if (number < min || number > max) {
        fail(where, "expected " + std::to_string(min) + ".." + std::to_string(max) + ", got " +
                        std::to_string(number));
    }
    return static_cast<int>(number);
}

}  // namespace ccs::emu::scenario_json
