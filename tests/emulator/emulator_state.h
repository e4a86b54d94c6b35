// Everything the emulator knows, shared by all connections.
#pragma once

#include <atomic>
#include <chrono>
#include <string>

#include "emulator/iam_book.h"
#include "emulator/request_log.h"
#include "emulator/rule_book.h"
#include "emulator/scenario.h"
#include "emulator/shutdown_signal.h"
#include "emulator/task_store.h"
#include "emulator/token_book.h"

namespace ccs::emu {

struct EmulatorState {
    explicit EmulatorState(std::string log_file = "") : log(std::move(log_file)) {}

    TaskStore tasks;
    RuleBook rules;
    TokenBook tokens;
    IamBook iam;  // IAM's users, keys, identity providers and projects, and what it issued
    RequestLog log;
    std::atomic<int> latency_ms{0};  // added before every API answer
    static constexpr int default_run_conflict_status = 400;
    std::atomic<int> run_conflict_status{default_run_conflict_status};  // of CC.00050015 (task is running)
    ShutdownSignal shutdown;

    // Replaces each part the scenario has (tokens, expired tokens, tasks, latency, rules, credentials,
    // clock offset); parts it does not have stay as they are.
    void apply(const Scenario& scenario);

    // Clears the request log, the tasks, the rules and what IAM issued, and puts the run conflict status
    // back to 400; tokens, credentials and latency stay.
    void reset();

    std::chrono::milliseconds latency() const { return std::chrono::milliseconds(latency_ms.load()); }
};

}  // namespace ccs::emu
