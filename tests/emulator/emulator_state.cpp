#include "emulator/emulator_state.h"

namespace ccs::emu {

void EmulatorState::apply(const Scenario& scenario) {
    if (scenario.tokens) tokens.set_accepted(*scenario.tokens);
    if (scenario.expired_tokens) tokens.set_expired(*scenario.expired_tokens);
    if (scenario.tasks) tasks.replace_all(*scenario.tasks);
    if (scenario.latency_ms) latency_ms = *scenario.latency_ms;
    if (scenario.rules) rules.replace(*scenario.rules);
    if (scenario.credentials) iam.configure(*scenario.credentials);
    if (scenario.run_conflict_status) run_conflict_status = *scenario.run_conflict_status;
    if (scenario.clock_offset_s) iam.set_clock_offset(std::chrono::seconds(*scenario.clock_offset_s));
}

void EmulatorState::reset() {
    log.clear();
    tasks.clear();
    rules.clear();
    iam.clear_issued();
    run_conflict_status = default_run_conflict_status;
}

}  // namespace ccs::emu
