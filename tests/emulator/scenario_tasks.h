// The scenario's "tasks" part: each task's status, and optionally how its runs go and what results they
// leave (see README.md, "Runs").
#pragma once

#include <Poco/Dynamic/Var.h>

#include <map>
#include <string>

#include "emulator/run_plan.h"

namespace ccs::emu {

// A task's value: a status (an integer or null), or an object {"status", "run", "results"}. Throws
// ScenarioError naming the offending field ("tasks.T1.run.steps[1].after_ms: ...").
TaskSetup parse_task_setup(const Poco::Dynamic::Var& value, const std::string& where);

// {"T1": <task>, ...}
std::map<std::string, TaskSetup> parse_task_setups(const Poco::Dynamic::Var& value, const std::string& where);

}  // namespace ccs::emu
