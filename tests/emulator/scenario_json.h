// Reading a scenario's JSON: each reader names the field at fault ("tasks.T1.run.steps[1]: expected an
// integer") by throwing ScenarioError. Shared by the scenario's parts (rules, tasks, credentials).
#pragma once

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace ccs::emu::scenario_json {

[[noreturn]] void fail(const std::string& where, const std::string& what);

// Typos in a scenario must not silently turn a rule into "match everything".
void reject_unknown_keys(const Poco::JSON::Object& object, const std::vector<std::string>& known,
                         const std::string& where);

Poco::JSON::Object::Ptr as_object(const Poco::Dynamic::Var& value, const std::string& where);
// An object of these fields only.
Poco::JSON::Object::Ptr as_object(const Poco::Dynamic::Var& value, const std::string& where,
                                  const std::vector<std::string>& known);
Poco::JSON::Array::Ptr as_array(const Poco::Dynamic::Var& value, const std::string& where);
std::string as_string(const Poco::Dynamic::Var& value, const std::string& where);
int as_int(const Poco::Dynamic::Var& value, const std::string& where, int min, int max);

}  // namespace ccs::emu::scenario_json
