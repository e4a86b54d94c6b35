// A finding's text as every findings writer shows it: one cut, one fallback for what the service left
// empty, one way to name a location. Each writer still escapes the result for its own format.
#pragma once

#include <cstddef>
#include <string>

#include "core/finding.h"

namespace ccs::report {

// A finding's message is cut to this many characters: one runaway message must not make a SARIF or
// Code Quality file of megabytes.
inline constexpr std::size_t max_finding_message_chars = 4000;

// A rule name is cut to this many: it is an annotation's title and a SARIF rule id.
inline constexpr std::size_t max_finding_rule_chars = 200;

// The rule cut at max_finding_rule_chars, or "unknown-rule" when the service named none.
std::string finding_rule(const Finding& finding);

// The message cut at max_finding_message_chars, or "<rule> (no message)" when empty.
std::string finding_message(const Finding& finding);

// "src/a.c:12", "src/a.c" (no line), or "" (no usable path).
std::string finding_location(const Finding& finding);

// What a findings file holds. SARIF for GitHub and GitLab Code Quality both need a file for each
// finding (GitHub rejects a whole upload for one result without a location: "locationFromSarifResult:
// expected at least one location"), and a made-up path would show as a file that does not exist: a
// finding without a usable path is left out of both, and counted.
struct WrittenFindings {
    std::size_t written = 0;
    std::size_t without_location = 0;
};

}  // namespace ccs::report
