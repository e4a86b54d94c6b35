// What the GitHub reporter makes of a finished run: annotations and step outputs. Pass a redacted
// report; these functions only format.
#pragma once

#include <cstddef>
#include <string>

#include "core/task_result.h"

namespace ccs::report::github {

// GitHub shows at most 10 annotations of a level per step; more would be dropped silently.
inline constexpr std::size_t max_annotations_per_level = 10;
// Each list output (stopped, not-running, failed, request-ids) stays below this many bytes.
inline constexpr std::size_t max_output_value_bytes = std::size_t{32} * 1024;

// One annotation per task: failed -> ::error, stopped and not-running -> ::notice. When a level has
// more tasks than GitHub shows, the last annotation shown lists the rest by id. A skipped run gets
// one ::notice with the reason.
std::string task_annotations(const RunReport& report);

// $GITHUB_OUTPUT entries, heredoc form: result, stopped, not-running, failed, request-ids (ids
// separated by single spaces).
std::string output_entries(const RunReport& report);

}  // namespace ccs::report::github
