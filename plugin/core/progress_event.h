// One look at a check's progress in run mode, as the flow hands it to the reporter. The flow says
// what it saw and whether a log line is due (flow::ProgressLines); the reporter decides how to show
// it: that line in a log, or the task's row in a block redrawn on a terminal.
#pragma once

#include <optional>
#include <string>

namespace ccs {

struct ProgressEvent {
    std::string task_id;
    std::string state;  // "started", "following", "waiting", "running", or how the check ended
    std::string ratio;  // the service's text, untrusted: may hold anything, control characters too
    std::string info;   // the same
    std::optional<std::string> line;  // the log line, when one is due; none: nothing for a log
};

}  // namespace ccs
