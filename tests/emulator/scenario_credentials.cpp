#include "emulator/scenario_credentials.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <functional>

#include "emulator/scenario.h"

namespace ccs::emu {

namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Object;

[[noreturn]] void fail(const std::string& where, const std::string& what) {
    throw ScenarioError(where + ": " + what);
}

Object::Ptr as_object(const Var& value, const std::string& where, const std::vector<std::string>& known) {
    if (value.type() != typeid(Object::Ptr)) fail(where, "expected a JSON object");
    auto object = value.extract<Object::Ptr>();
    for (const auto& name : object->getNames()) {
        if (std::find(known.begin(), known.end(), name) == known.end())
            fail(where, "unknown field \"" + name + "\"");
    }
    return object;
}

std::string string_of(const Object& object, const std::string& name, const std::string& where,
                      bool required) {
    if (!object.has(name)) {
        if (required) fail(where, "\"" + name + "\" is required");
        return "";
    }
    const Var value = object.get(name);
    if (!value.isString()) fail(where + "." + name, "expected a string");
    return value.convert<std::string>();
}

template <typename Item>
std::vector<Item> list_of(const Object& parent, const std::string& name, const std::string& where,
                          const std::function<Item(const Var&, const std::string&)>& parse_item) {
    std::vector<Item> items;
    if (!parent.has(name)) return items;
    const Var value = parent.get(name);
    if (value.type() != typeid(Poco::JSON::Array::Ptr)) fail(where + "." + name, "expected a JSON array");
    const auto& array = value.extract<Poco::JSON::Array::Ptr>();
    for (std::size_t i = 0; i < array->size(); ++i) {
        items.push_back(parse_item(array->get(static_cast<unsigned>(i)),
                                   where + "." + name + "[" + std::to_string(i) + "]"));
    }
    return items;
}

AccessKey access_key(const Var& value, const std::string& where) {
    const auto object = as_object(value, where, {"ak", "sk", "project_id", "security_token"});
    return AccessKey{string_of(*object, "ak", where, true), string_of(*object, "sk", where, true),
                     string_of(*object, "project_id", where, true),
                     string_of(*object, "security_token", where, false)};
}

IamUser user(const Var& value, const std::string& where) {
    const auto object = as_object(value, where, {"name", "password", "domain", "project_id"});
    return IamUser{string_of(*object, "name", where, true), string_of(*object, "password", where, true),
                   string_of(*object, "domain", where, true), string_of(*object, "project_id", where, false)};
}

std::string plain_string(const Var& value, const std::string& where) {
    if (!value.isString()) fail(where, "expected a string");
    return value.convert<std::string>();
}

IdentityProvider identity_provider(const Var& value, const std::string& where) {
    const auto object = as_object(value, where, {"id", "audience", "project_id", "id_tokens"});
    return IdentityProvider{string_of(*object, "id", where, true),
                            string_of(*object, "audience", where, false),
                            string_of(*object, "project_id", where, true),
                            list_of<std::string>(*object, "id_tokens", where, plain_string)};
}

IamProject project(const Var& value, const std::string& where) {
    const auto object = as_object(value, where, {"id", "name"});
    return IamProject{string_of(*object, "id", where, true), string_of(*object, "name", where, true)};
}

}  // namespace

IamSetup parse_iam_setup(const Var& value, const std::string& where) {
    const auto object = as_object(
        value, where, {"access_keys", "users", "identity_providers", "projects", "github_request_tokens"});
    IamSetup setup;
    setup.access_keys = list_of<AccessKey>(*object, "access_keys", where, access_key);
    setup.users = list_of<IamUser>(*object, "users", where, user);
    setup.identity_providers =
        list_of<IdentityProvider>(*object, "identity_providers", where, identity_provider);
    setup.projects = list_of<IamProject>(*object, "projects", where, project);
    setup.github_request_tokens = list_of<std::string>(*object, "github_request_tokens", where, plain_string);
    return setup;
}

}  // namespace ccs::emu
