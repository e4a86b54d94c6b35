// Keeps secrets out of everything a reporter prints or writes. The CI may mask them too, but not
// everywhere (GitHub does not mask $GITHUB_OUTPUT; GitLab and Jenkins mask only what is declared).
#pragma once

#include <string>
#include <vector>

#include "core/task_result.h"

namespace ccs::report {

// What stands in for a secret.
inline constexpr const char* redacted_mark = "***";

class Redactor {
public:
    Redactor() = default;

    // Empty secrets are ignored. A multi-line secret is also redacted line by line, as the runner
    // masks it (its log masking works per line).
    explicit Redactor(const std::vector<std::string>& secrets);

    // `text` with every byte that belongs to an occurrence of a secret replaced, each run of such
    // bytes by one "***". Marking bytes rather than replacing secret after secret means overlapping
    // secrets leave nothing of either behind.
    std::string redact(const std::string& text) const;

    // A copy with every string field redacted (the findings' too), to render safely in any format
    // afterwards.
    TaskResult redact(const TaskResult& task) const;
    RunReport redact(const RunReport& report) const;

private:
    void redact_in_place(FindingsReport& findings) const;

    std::vector<std::string> secrets_;  // unique, non-empty, longest first
};

}  // namespace ccs::report
