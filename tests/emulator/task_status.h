// A task's status as the service reports it.
#pragma once

#include <optional>

namespace ccs::emu {

// task_status as the service reports it: 0 running, 1 check failed, 2 succeeded, 3 stopped, nullopt for
// the service's null (never run). Other integers are stored as given, to test clients against them.
using TaskStatus = std::optional<int>;
constexpr int status_running = 0;
constexpr int status_failed = 1;
constexpr int status_succeeded = 2;
constexpr int status_stopped = 3;

}  // namespace ccs::emu
