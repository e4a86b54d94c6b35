// Run mode's gate (--fail-on): when a check that succeeded still fails the build. A pure function of
// the parsed rule and the task's results; the one parser of the rule is here too, so the inputs
// validate --fail-on with exactly what the flow applies.
//
// Grammar (ASCII letters in any case; spaces around items, commas and '>' are ignored):
//   gate                 the task's own quality gate verdict (is_access in defects-summary); the default
//   never                report only: no finding fails the build
//   ITEM[,ITEM...]       ITEM is SEVERITY (more than 0) or SEVERITY>N (more than N), N a whole number;
//                        SEVERITY is critical, major, minor or suggestion, each at most once.
// `gate` and `never` stand alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/task_result.h"

namespace ccs {

struct SeverityThreshold {
    Severity severity = Severity::Critical;
    long long more_than = 0;  // fails when the count is more than this

    bool operator==(const SeverityThreshold& other) const {
        return severity == other.severity && more_than == other.more_than;
    }
};

struct FailOn {
    enum class Kind { Gate, Never, Thresholds };
    Kind kind = Kind::Gate;
    std::vector<SeverityThreshold> thresholds;  // Thresholds only, in the order given

    // Only thresholds need the counts; `gate` needs is_access, `never` nothing.
    bool needs_counts() const { return kind == Kind::Thresholds; }
    std::string describe() const;  // "gate", "never", "critical,major>10"
};

struct FailOnParse {
    std::optional<FailOn> fail_on;  // set when the text is valid
    std::string error;              // otherwise what is wrong, and what is allowed
};

// The one parser of --fail-on. The error names the item at fault (quoted, shortened, control
// characters escaped) and ends with the allowed forms; the caller puts the input's name before it.
FailOnParse parse_fail_on(const std::string& text);

struct GateDecision {
    GateVerdict verdict = GateVerdict::None;
    std::string reason;  // one sentence: "the task's quality gate failed", "major: 12 > 10", ...
};

// The verdict on a check that succeeded. `counts`: the summary's, or the statistic's when the summary
// lacked them (nullopt when neither could be had: thresholds then cannot decide, verdict None).
// `is_access`: the summary's (nullopt when it gave none: `gate` has no verdict, None).
GateDecision evaluate_gate(const FailOn& fail_on, const std::optional<SeverityCounts>& counts,
                           std::optional<bool> is_access);

}  // namespace ccs
