#include "core/gate.h"

#include <array>
#include <cstdio>

namespace ccs {
namespace {

constexpr const char* allowed =
    "use gate, never, or a comma list of critical, major, minor, suggestion, each optionally with >N "
    "(critical: more than 0; major>10: more than 10)";

constexpr std::array<Severity, 4> severities = {Severity::Critical, Severity::Major, Severity::Minor,
                                                Severity::Suggestion};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string trimmed(const std::string& text) {
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    return text.substr(begin, end - begin);
}

std::string lower(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

// The item as an error message shows it: quoted, at most 40 characters, bytes that are not printable
// ASCII as \xNN (the text may come from anywhere, and goes to a log).
std::string quoted(const std::string& text) {
    std::string shown = "\"";
    for (std::size_t i = 0; i < text.size() && i < 40; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02X", c);
            shown += escaped;
        } else {
            shown += static_cast<char>(c);
        }
    }
    if (text.size() > 40) shown += "...";
    return shown + "\"";
}

std::optional<Severity> severity_named(const std::string& name) {
    for (const Severity severity : severities) {
        if (name == to_string(severity)) return severity;
    }
    return std::nullopt;
}

FailOnParse failure(const std::string& what) {
    FailOnParse parse;
    parse.error = what + ": " + allowed;
    return parse;
}

// One ITEM, or the error.
FailOnParse parse_item(const std::string& item, SeverityThreshold& threshold) {
    const std::size_t gt = item.find('>');
    const std::string name = lower(trimmed(item.substr(0, gt)));
    const std::optional<Severity> severity = severity_named(name);
    if (!severity) {
        if (name == "gate" || name == "never")
            return failure(quoted(name) + " cannot be combined with other items");
        return failure(quoted(trimmed(item.substr(0, gt))) + " is not a severity");
    }
    threshold.severity = *severity;
    threshold.more_than = 0;
    if (gt == std::string::npos) return {};
    const std::string number = trimmed(item.substr(gt + 1));
    if (number.empty()) return failure(quoted(trimmed(item)) + " has no number after '>'");
    if (number.size() > 15) return failure(quoted(trimmed(item)) + " has too large a number");
    long long value = 0;
    for (const char c : number) {
        if (c < '0' || c > '9')
            return failure(quoted(trimmed(item)) + " needs a whole number of 0 or more after '>'");
        value = value * 10 + (c - '0');
    }
    threshold.more_than = value;
    return {};
}

}  // namespace

std::string FailOn::describe() const {
    if (kind == Kind::Gate) return "gate";
    if (kind == Kind::Never) return "never";
    std::string text;
    for (const SeverityThreshold& threshold : thresholds) {
        if (!text.empty()) text += ",";
        text += to_string(threshold.severity);
        if (threshold.more_than > 0) text += ">" + std::to_string(threshold.more_than);
    }
    return text;
}

FailOnParse parse_fail_on(const std::string& text) {
    const std::string whole = lower(trimmed(text));
    if (whole.empty()) return failure("it is empty");
    FailOnParse parse;
    if (whole == "gate" || whole == "never") {
        parse.fail_on = FailOn{whole == "gate" ? FailOn::Kind::Gate : FailOn::Kind::Never, {}};
        return parse;
    }
    FailOn fail_on{FailOn::Kind::Thresholds, {}};
    std::size_t begin = 0;
    for (;;) {
        const std::size_t comma = text.find(',', begin);
        const std::string item =
            text.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin);
        if (trimmed(item).empty()) return failure("an item is empty (two commas, or one at an end)");
        SeverityThreshold threshold;
        FailOnParse item_error = parse_item(item, threshold);
        if (!item_error.error.empty()) return item_error;
        for (const SeverityThreshold& earlier : fail_on.thresholds) {
            if (earlier.severity == threshold.severity)
                return failure(quoted(to_string(threshold.severity)) + " is given more than once");
        }
        fail_on.thresholds.push_back(threshold);
        if (comma == std::string::npos) break;
        begin = comma + 1;
    }
    parse.fail_on = fail_on;
    return parse;
}

GateDecision evaluate_gate(const FailOn& fail_on, const std::optional<SeverityCounts>& counts,
                           std::optional<bool> is_access) {
    GateDecision decision;
    switch (fail_on.kind) {
        case FailOn::Kind::Never:
            decision.reason = "--fail-on never: findings are reported, never failed on";
            return decision;
        case FailOn::Kind::Gate:
            if (!is_access) {
                decision.reason =
                    "the service gave no quality gate verdict (is_access is empty): nothing to "
                    "fail on";
            } else if (*is_access) {
                decision.verdict = GateVerdict::Passed;
                decision.reason = "the task's quality gate passed";
            } else {
                decision.verdict = GateVerdict::Failed;
                decision.reason = "the task's quality gate failed";
            }
            return decision;
        case FailOn::Kind::Thresholds: break;
    }
    if (!counts) {
        decision.reason =
            "the finding counts could not be read: --fail-on " + fail_on.describe() + " cannot decide";
        return decision;
    }
    std::string over;
    for (const SeverityThreshold& threshold : fail_on.thresholds) {
        const long long count = count_of(*counts, threshold.severity);
        if (count <= threshold.more_than) continue;
        if (!over.empty()) over += ", ";
        over += std::to_string(count) + " " + to_string(threshold.severity) + " (more than " +
                std::to_string(threshold.more_than) + ")";
    }
    decision.verdict = over.empty() ? GateVerdict::Passed : GateVerdict::Failed;
    decision.reason = over.empty() ? "no severity over its limit (--fail-on " + fail_on.describe() + ")"
                                   : "--fail-on " + fail_on.describe() + ": " + over;
    return decision;
}

}  // namespace ccs
