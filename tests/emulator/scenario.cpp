#include "emulator/scenario.h"
#include "emulator/scenario_credentials.h"
#include "emulator/scenario_json.h"
#include "emulator/scenario_tasks.h"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/NumberParser.h>

#include <algorithm>
#include <limits>
#include <sstream>

namespace ccs::emu {

namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Object;
using namespace scenario_json;

const char* const fault_names[] = {
    "reset",           "close",          "hang",    "truncate",    "drip",        "huge",       "redirect",
    "reset-on-accept", "drip-on-accept", "interim", "bad-chunked", "cut-chunked", "extra-bytes"};

std::vector<std::string> as_string_list(const Var& value, const std::string& where) {
    std::vector<std::string> strings;
    const auto array = as_array(value, where);
    for (std::size_t i = 0; i < array->size(); ++i) {
        strings.push_back(
            as_string(array->get(static_cast<unsigned>(i)), where + "[" + std::to_string(i) + "]"));
    }
    return strings;
}

std::string serialised(const Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(value, out);
    return out.str();
}

HeaderList as_headers(const Var& value, const std::string& where) {
    HeaderList headers;
    const auto object = as_object(value, where);
    for (const auto& name : object->getNames())
        headers.emplace_back(name, as_string(object->get(name), where + "." + name));
    return headers;
}

bool has_canned_fields(const Object& rule) {
    return rule.has("status") || rule.has("body") || rule.has("raw_body") || rule.has("headers");
}

CannedAnswer parse_canned(const Object& rule, const std::string& where) {
    if (rule.has("body") && rule.has("raw_body")) fail(where, "give \"body\" or \"raw_body\", not both");
    CannedAnswer canned;
    if (rule.has("status")) canned.status = as_int(rule.get("status"), where + ".status", 100, 599);
    if (rule.has("body")) canned.body = serialised(rule.get("body"));
    if (rule.has("raw_body")) canned.body = as_string(rule.get("raw_body"), where + ".raw_body");
    if (rule.has("headers")) canned.headers = as_headers(rule.get("headers"), where + ".headers");
    return canned;
}

Fault parse_fault(const Object& rule, const std::string& where) {
    const auto fault = fault_from_name(as_string(rule.get("fault"), where + ".fault"));
    if (!fault) {
        fail(where + ".fault",
             "expected one of reset, close, hang, truncate, drip, huge, redirect, reset-on-accept, "
             "drip-on-accept, interim, bad-chunked, cut-chunked, extra-bytes");
    }
    if (has_canned_fields(rule)) fail(where, "a rule has a \"fault\" or a canned answer, not both");
    return *fault;
}

std::optional<CallKind> parse_call(const Object& rule, const std::string& where) {
    if (!rule.has("call")) return std::nullopt;
    const std::string name = as_string(rule.get("call"), where + ".call");
    if (name == "any") return std::nullopt;
    const auto kind = call_kind_from_name(name);
    if (!kind) {
        fail(where + ".call",
             "expected one of stop, progress, run, summary, statistic, defects, create, iam-token, "
             "iam-federation, iam-securitytoken, "
             "iam-projects, github-id-token, any");
    }
    return kind;
}

Rule parse_rule(const Var& value, const std::string& where) {
    const auto object = as_object(value, where);
    reject_unknown_keys(*object,
                        {"call", "task", "times", "delay_ms", "fault", "drip_ms", "location", "status",
                         "body", "raw_body", "headers"},
                        where);
    constexpr int max_ms = 600000;
    Rule rule;
    rule.call = parse_call(*object, where);
    if (object->has("task")) rule.task = as_string(object->get("task"), where + ".task");
    if (object->has("times"))
        rule.times = as_int(object->get("times"), where + ".times", 0, std::numeric_limits<int>::max());
    if (object->has("delay_ms"))
        rule.delay_ms = as_int(object->get("delay_ms"), where + ".delay_ms", 0, max_ms);
    if (object->has("fault")) rule.fault = parse_fault(*object, where);
    if (object->has("drip_ms")) {
        if (rule.fault != Fault::Drip && rule.fault != Fault::DripOnAccept)
            fail(where + ".drip_ms", "only meaningful with \"fault\": \"drip\" or \"drip-on-accept\"");
        rule.drip_ms = as_int(object->get("drip_ms"), where + ".drip_ms", 0, 60000);
    }
    if (object->has("location")) {
        if (rule.fault != Fault::Redirect)
            fail(where + ".location", "only meaningful with \"fault\": \"redirect\"");
        rule.location = as_string(object->get("location"), where + ".location");
    }
    if (rule.fault && acts_on_accept(*rule.fault) && (rule.call || rule.task || rule.delay_ms > 0)) {
        fail(where, std::string("\"") + to_string(*rule.fault) +
                        "\" acts before the request is read: no \"call\", \"task\" or \"delay_ms\"");
    }
    if (!rule.fault && has_canned_fields(*object)) rule.canned = parse_canned(*object, where);
    return rule;
}

std::vector<Rule> as_rules(const Var& value, const std::string& where) {
    std::vector<Rule> rules;
    const auto array = as_array(value, where);
    for (std::size_t i = 0; i < array->size(); ++i) {
        rules.push_back(
            parse_rule(array->get(static_cast<unsigned>(i)), where + "[" + std::to_string(i) + "]"));
    }
    return rules;
}

Object::Ptr parse_document(const std::string& json) {
    try {
        // Keep key order so canned bodies go out in the order the scenario wrote them.
        Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
        return as_object(parser.parse(json), "scenario");
    } catch (const Poco::Exception& error) {
        throw ScenarioError("scenario: not valid JSON: " + error.displayText());
    }
}

}  // namespace

bool acts_on_accept(Fault fault) {
    return fault == Fault::ResetOnAccept || fault == Fault::DripOnAccept;
}

const char* to_string(Fault fault) {
    return fault_names[static_cast<int>(fault)];
}

std::optional<Fault> fault_from_name(const std::string& name) {
    for (int i = 0; i < static_cast<int>(std::size(fault_names)); ++i) {
        if (name == fault_names[i]) return static_cast<Fault>(i);
    }
    return std::nullopt;
}

bool Rule::matches(const ApiCall& request_call) const {
    if (call && *call != request_call.kind) return false;
    return !task || *task == request_call.task_id;
}

Scenario parse_scenario(const std::string& json) {
    const auto document = parse_document(json);
    reject_unknown_keys(*document,
                        {"tokens", "expired_tokens", "tasks", "latency_ms", "rules", "credentials",
                         "clock_offset_s", "run_conflict_status", "description"},
                        "scenario");
    Scenario scenario;
    if (document->has("tokens")) scenario.tokens = as_string_list(document->get("tokens"), "tokens");
    if (document->has("expired_tokens")) {
        scenario.expired_tokens = as_string_list(document->get("expired_tokens"), "expired_tokens");
    }
    if (document->has("tasks")) scenario.tasks = parse_task_setups(document->get("tasks"), "tasks");
    if (document->has("latency_ms"))
        scenario.latency_ms = as_int(document->get("latency_ms"), "latency_ms", 0, 600000);
    if (document->has("rules")) scenario.rules = as_rules(document->get("rules"), "rules");
    if (document->has("credentials")) {
        scenario.credentials = parse_iam_setup(document->get("credentials"), "credentials");
    }
    if (document->has("clock_offset_s")) {
        scenario.clock_offset_s =
            as_int(document->get("clock_offset_s"), "clock_offset_s", -86400 * 366, 86400 * 366);
    }
    if (document->has("run_conflict_status")) {
        const int status = as_int(document->get("run_conflict_status"), "run_conflict_status", 200, 400);
        if (status != 200 && status != 400) fail("run_conflict_status", "expected 200 or 400");
        scenario.run_conflict_status = status;
    }
    return scenario;
}

TaskStatus parse_task_status(const std::string& text) {
    if (text == "null") return std::nullopt;
    int status = 0;
    if (!Poco::NumberParser::tryParse(text, status))
        fail("task status", "expected an integer or null, got \"" + text + "\"");
    return status;
}

}  // namespace ccs::emu
