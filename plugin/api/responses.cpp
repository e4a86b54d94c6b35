#include "api/responses.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/String.h>

#include <vector>

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

// A count as the service sends it: a string of digits ("12"), or a JSON integer. Absent, null and ""
// are no count; anything else (a sign, a fraction, a word, a boolean, too many digits) is unusable.
enum class CountState { Absent, Value, Unusable };

CountState count_value(const Poco::JSON::Object::Ptr& object, const std::string& name, long long& value) {
    if (!object->has(name) || object->isNull(name)) return CountState::Absent;
    const Poco::Dynamic::Var field = object->get(name);
    try {
        if (field.isString()) {
            const std::string& text = field.extract<std::string>();
            if (text.empty()) return CountState::Absent;
            if (text.size() > 18) return CountState::Unusable;
            long long parsed = 0;
            for (const char c : text) {
                if (c < '0' || c > '9') return CountState::Unusable;
                parsed = parsed * 10 + (c - '0');
            }
            value = parsed;
            return CountState::Value;
        }
        if (field.isBoolean() || !field.isInteger()) return CountState::Unusable;
        if (field.isSigned()) {
            const auto parsed = field.convert<Poco::Int64>();
            if (parsed < 0) return CountState::Unusable;
            value = parsed;
            return CountState::Value;
        }
        const auto parsed = field.convert<Poco::UInt64>();
        if (parsed > static_cast<Poco::UInt64>(999999999999999999LL)) return CountState::Unusable;
        value = static_cast<long long>(parsed);
        return CountState::Value;
    } catch (const Poco::Exception&) {
        return CountState::Unusable;
    }
}

struct CountField {
    const char* name;
    long long SeverityCounts::*member;
};

// The four severities' fields, with the summary's names ("critical_count") or the statistic's ("critical").
std::vector<CountField> count_fields(bool summary) {
    return {{summary ? "critical_count" : "critical", &SeverityCounts::critical},
            {summary ? "major_count" : "major", &SeverityCounts::major},
            {summary ? "minor_count" : "minor", &SeverityCounts::minor},
            {summary ? "suggestion_count" : "suggestion", &SeverityCounts::suggestion}};
}

// is_access: "true"/"false" (any case) or a JSON boolean; nullopt for absent, null or "". `usable`
// false for anything else.
std::optional<bool> access_value(const Poco::JSON::Object::Ptr& object, bool& usable) {
    usable = true;
    if (!object->has("is_access") || object->isNull("is_access")) return std::nullopt;
    const Poco::Dynamic::Var field = object->get("is_access");
    if (field.isBoolean()) return field.extract<bool>();
    if (field.isString()) {
        const std::string text = Poco::toLower(Poco::trim(field.extract<std::string>()));
        if (text.empty()) return std::nullopt;
        if (text == "true") return true;
        if (text == "false") return false;
    }
    usable = false;
    return std::nullopt;
}

bool is_plain_id(const std::string& text) {
    if (text.empty() || text.size() > 64) return false;
    for (const char c : text) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '_' || c == '-';
        if (!plain) return false;
    }
    return true;
}

// A finding's small numbers (defect_level, line_number) by the count rule above: nullopt when absent
// or unusable, so the caller's default applies.
std::optional<long long> small_number(const Poco::JSON::Object::Ptr& object, const std::string& name) {
    long long value = 0;
    if (count_value(object, name, value) != CountState::Value) return std::nullopt;
    return value;
}

Severity severity_of(const Poco::JSON::Object::Ptr& defect) {
    const auto level = small_number(defect, "defect_level");
    if (!level || *level > 3) return Severity::Suggestion;  // a real finding of unknown weight: the least
    return static_cast<Severity>(*level);
}

long line_of(const Poco::JSON::Object::Ptr& defect) {
    constexpr long long max_line = 2147483647;  // what every findings format can hold
    const auto line = small_number(defect, "line_number");
    return line && *line <= max_line ? static_cast<long>(*line) : 0;
}

// defect_status as text: a string as sent, an integer's digits, anything else "".
std::string status_of(const Poco::JSON::Object::Ptr& defect) {
    if (!defect->has("defect_status") || defect->isNull("defect_status")) return {};
    const Poco::Dynamic::Var value = defect->get("defect_status");
    if (value.isString()) return value.extract<std::string>();
    long long number = 0;
    return count_value(defect, "defect_status", number) == CountState::Value ? std::to_string(number) : "";
}

PageDefect page_defect(const Poco::JSON::Object::Ptr& defect) {
    PageDefect entry;
    Finding& finding = entry.finding;
    finding.defect_id = string_field(defect, "defect_id");
    finding.severity = severity_of(defect);
    finding.rule = string_field(defect, "rule_name");
    if (finding.rule.empty()) finding.rule = string_field(defect, "defect_checker_name");
    finding.message = string_field(defect, "defect_content");
    finding.service_path = string_field(defect, "file_path");
    finding.line = line_of(defect);
    entry.status = status_of(defect);
    return entry;
}

}  // namespace

std::string parse_exec_id(const std::string& body) {
    if (is_empty_success_body(body)) return {};
    const auto object = parse_object(body);
    if (!object) return {};
    const std::string exec_id = string_field(object, "exec_id");
    return is_plain_id(exec_id) ? exec_id : std::string();
}

std::optional<DefectsSummary> parse_defects_summary(const std::string& body, std::string& problem) {
    const auto object = parse_object(body);
    if (!object) {
        problem = "the defects summary is not a JSON object";
        return std::nullopt;
    }
    DefectsSummary summary;
    SeverityCounts counts;
    bool complete = true;
    for (const CountField& field : count_fields(true)) {
        switch (count_value(object, field.name, counts.*field.member)) {
            case CountState::Value: break;
            case CountState::Absent: complete = false; break;
            case CountState::Unusable:
                problem = std::string("the defects summary's ") + field.name +
                          " is not a non-negative whole number";
                return std::nullopt;
        }
    }
    if (complete) summary.counts = counts;
    bool usable = true;
    summary.is_access = access_value(object, usable);
    if (!usable) {
        problem = "the defects summary's is_access is neither true nor false";
        return std::nullopt;
    }
    return summary;
}

std::optional<SeverityCounts> parse_defects_statistic(const std::string& body, std::string& problem) {
    const auto object = parse_object(body);
    if (!object) {
        problem = "the defects statistic is not a JSON object";
        return std::nullopt;
    }
    const auto severity = object->getObject("severity");
    if (!severity) {
        problem = "the defects statistic has no severity counts";
        return std::nullopt;
    }
    SeverityCounts counts;
    for (const CountField& field : count_fields(false)) {
        switch (count_value(severity, field.name, counts.*field.member)) {
            case CountState::Value: break;
            case CountState::Absent:
                problem = std::string("the defects statistic has no ") + field.name + " count";
                return std::nullopt;
            case CountState::Unusable:
                problem = std::string("the defects statistic's ") + field.name +
                          " count is not a non-negative whole number";
                return std::nullopt;
        }
    }
    return counts;
}

std::optional<DefectsPage> parse_defects_page(const std::string& body, std::string& problem) {
    const auto object = parse_object(body);
    if (!object) {
        problem = "the defects page is not a JSON object";
        return std::nullopt;
    }
    DefectsPage page;
    if (count_value(object, "total", page.total) != CountState::Value) {
        problem = "the defects page's total is missing or not a non-negative whole number";
        return std::nullopt;
    }
    if (!object->has("defects") || object->isNull("defects")) return page;
    const auto defects = object->getArray("defects");
    if (!defects) {
        problem = "the defects page's defects is not a list";
        return std::nullopt;
    }
    page.entries = static_cast<long long>(defects->size());
    for (std::size_t i = 0; i < defects->size(); ++i) {
        const auto defect = defects->getObject(static_cast<unsigned>(i));
        if (defect) {
            page.defects.push_back(page_defect(defect));
        } else {
            ++page.unusable;
        }
    }
    return page;
}

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
