// The test-facing control surface under /_emulator/: no authentication, not logged, no latency.
#pragma once

#include <string>

#include "emulator/answer.h"
#include "emulator/emulator_state.h"
#include "emulator/received_request.h"

namespace ccs::emu {

bool is_admin_path(const std::string& path);

// GET  /_emulator/requests     the request log, a JSON array
// POST /_emulator/scenario     apply a scenario (same format as --scenario)
// POST /_emulator/tasks        {"id": "T1", "status": 0|...|null[, "run": {...}, "results": {...}]}:
//                              create or set a task
// GET  /_emulator/tasks/{id}   {"id": "T1", "status": 3, "progress": {...}, "runs": 1, "exec_ids": [...],
//                              "last_run_body": "{}", "has_results": true, "last_check_time": "..."}
// POST /_emulator/reset        clear the log, the tasks and the rules
Answer answer_admin_request(const ReceivedRequest& request, EmulatorState& state);

}  // namespace ccs::emu
