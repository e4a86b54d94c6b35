#include "inputs/modes.h"

#include <algorithm>

#include "inputs/command_line.h"
#include "inputs/guard_state.h"
#include "inputs/scalars.h"
#include "inputs/task_ids.h"
#include "inputs/text.h"

namespace ccs::inputs {

namespace {

// The statuses GitLab gives CI_JOB_STATUS in after_script (spelled as GitLab spells them).
const std::vector<std::string> kJobStatuses = {"success", "failed", "canceled", "timedout"};

// How long a watched command may be given: a long build, not forever.
constexpr std::chrono::milliseconds kMaxCommandTimeout = std::chrono::hours(24);

void apply_watch_inputs(const RawInputs& raw, Config& config) {
    config.command = raw.command;
    if (const GivenValue* timeout = raw.find("timeout")) {
        config.command_timeout = parse_duration(*timeout, kMaxCommandTimeout);
    }
}

}  // namespace

Mode parse_mode(const RawInputs& raw) {
    if (raw.subcommand == watch_subcommand) return Mode::Watch;
    if (raw.subcommand == post_subcommand) return Mode::Post;
    const GivenValue* given = raw.find("mode");
    if (!given || given->value() == "stop") return Mode::Stop;
    if (given->value() == "guard") return Mode::Guard;
    throw InvalidInput(
        given->origin + ": " + quoted(given->value()) +
        " is not a mode: use stop or guard (watch is a subcommand: watch [options] -- COMMAND)");
}

std::vector<std::string> parse_stop_on(const GivenValue& given) {
    std::vector<std::string> statuses;
    for (const auto& value : given.values) {
        for (const auto& status : split_task_id_list(value)) {
            if (std::find(kJobStatuses.begin(), kJobStatuses.end(), status) == kJobStatuses.end()) {
                throw InvalidInput(given.origin + ": " + quoted(status) +
                                   " is not a GitLab job status: use success, failed, canceled or timedout");
            }
            if (std::find(statuses.begin(), statuses.end(), status) == statuses.end())
                statuses.push_back(status);
        }
    }
    if (statuses.empty()) throw InvalidInput(given.origin + ": no job status given");
    return statuses;
}

void apply_mode_inputs(const RawInputs& raw, const Environment& env, Config& config) {
    switch (config.mode) {
        case Mode::Watch: return apply_watch_inputs(raw, config);
        case Mode::Guard:
            if (config.ci != CiKind::GitHub || config.github_state_path.empty()) {
                throw InvalidInput(raw.find("mode")->origin +
                                   ": guard runs as a GitHub action step: it needs GITHUB_ACTIONS=true and "
                                   "$GITHUB_STATE to arm the post run");
            }
            return;
        case Mode::Post: config.guard_state = read_guard_state(env); return;
        case Mode::Stop: return;
    }
}

}  // namespace ccs::inputs
