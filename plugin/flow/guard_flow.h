// The GitHub guard in two halves. The main run checks everything and arms; the post run, which the
// runner starts after the job's steps when the job was cancelled or failed, stops what was armed.
// A hard kill of the main step cannot skip it: the post run is a new container, started anyway.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/guard_state.h"

namespace ccs::flow {

using StateEntries = std::vector<std::pair<std::string, std::string>>;

// What the main run saves to $GITHUB_STATE: `armed`, and the task ids when it has them (without
// them the post run reads --task-id-file, which its inputs name again). Nothing secret.
StateEntries guard_state_entries(const std::vector<std::string>& task_ids);

// The tasks the post run stops: those the main run saved, else those its own inputs give.
std::vector<std::string> armed_task_ids(const GuardState& state, const std::vector<std::string>& given);

}  // namespace ccs::flow
