#include "emulator/rule_book.h"

namespace ccs::emu {

void RuleBook::replace(std::vector<Rule> rules) {
    std::lock_guard<std::mutex> lock(mutex_);
    rules_ = std::move(rules);
}

std::optional<AppliedRule> RuleBook::take(const ApiCall& call) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        Rule& rule = rules_[i];
        if (rule.fault && acts_on_accept(*rule.fault)) continue;
        if (!rule.matches(call) || (rule.times && *rule.times <= 0)) continue;
        if (rule.times) --*rule.times;
        return AppliedRule{rule, i};
    }
    return std::nullopt;
}

std::optional<AppliedRule> RuleBook::take_on_accept() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        Rule& rule = rules_[i];
        if (!rule.fault || !acts_on_accept(*rule.fault) || (rule.times && *rule.times <= 0)) continue;
        if (rule.times) --*rule.times;
        return AppliedRule{rule, i};
    }
    return std::nullopt;
}

}  // namespace ccs::emu
