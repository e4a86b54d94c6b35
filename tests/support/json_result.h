// The program's JSON result (--json, --json-file) as tests read it: one parser for every test, so a
// change of the document's shape is followed in one place.
#pragma once

#include <Poco/JSON/Object.h>

#include <cstddef>
#include <string>

namespace ccs::test {

// `text` parsed as a JSON object; throws std::runtime_error naming the start of the text when it is
// not one (the message then shows what the program printed instead).
Poco::JSON::Object::Ptr parse_json_object(const std::string& text);

// The outcome of task `index` in a JSON result ("stopped", "not-running", "failed").
std::string task_outcome(const std::string& json_text, std::size_t index = 0);

// The strings of the array `key` of `object`, joined with single spaces ("" when it is empty).
std::string joined_strings(const Poco::JSON::Object::Ptr& object, const std::string& key);

}  // namespace ccs::test
