// The active scenario rules and how many uses each has left.
#pragma once

#include <mutex>
#include <optional>
#include <vector>

#include "emulator/scenario.h"

namespace ccs::emu {

// A rule that applied, and its position in the rule list (for the log).
struct AppliedRule {
    Rule rule;
    std::size_t index = 0;
};

class RuleBook {
public:
    void replace(std::vector<Rule> rules);
    void clear() { replace({}); }

    // The first rule that matches `call` and has uses left, after using one of them. Checking and using
    // happen under one lock, so concurrent requests never share a rule's last use.
    std::optional<AppliedRule> take(const ApiCall& call);

    // For a connection just accepted: the first "reset-on-accept" rule with uses left, after using one.
    // take() never returns such rules; they act before there is a call to match.
    std::optional<AppliedRule> take_on_accept();

private:
    std::mutex mutex_;
    std::vector<Rule> rules_;  // `times` counts down as rules are used
};

}  // namespace ccs::emu
