// `watch`: run a command, and stop the tasks when it runs past its timeout or when the program is
// interrupted. The stop goes out at once, while the command shuts down, not after it: on a CI the
// kill follows the first signal within seconds, and a stop sent after it is worth nothing.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

#include "core/deadline.h"
#include "core/task_result.h"
#include "flow/grace_period.h"
#include "flow/stop_flow.h"

namespace ccs::flow {

// The watched command as the flow sees it (the program hands it a child process).
struct WatchedCommand {
    std::function<void(int signal)> signal;  // to its process group
    // Its exit code (the shell's: code, or 128 + signal) once it has ended; nullopt at `until`.
    std::function<std::optional<int>(Deadline::Clock::time_point until)> wait_until;
};

struct WatchSettings {
    std::optional<std::chrono::milliseconds> timeout;  // how long the command may run; none: no limit
    std::chrono::milliseconds grace{6000};  // the stop's budget, from the timeout or the first signal;
                                            // the command is killed when it is spent
};

enum class WatchEnd { CommandExited, TimedOut, Signalled };

struct WatchResult {
    WatchEnd end = WatchEnd::CommandExited;
    int signal = 0;                 // Signalled: the first signal
    int exit_code = 0;              // the program's: the command's own, 124 after a timeout, 128 + signal
    std::optional<RunReport> stop;  // when the tasks were stopped
};

inline constexpr int timed_out_exit_code = 124;  // as timeout(1)

// A stop by a deadline; it reads the task ids when it is called, not before. `exit_code` is the one
// the run will end with (124 after a timeout, 128 + N after a signal), whatever the stop gives.
using StopBy = std::function<RunReport(const Deadline&, int exit_code)>;

class Watch {
public:
    Watch(WatchSettings settings, StopBy stop, Log log);
    ~Watch();

    // From other threads: the command's reaper, the signal watcher. Signals are passed on to the
    // command at once; a second one also ends the stop now.
    void command_exited();
    void signal_received(int signal);

    // Waits for the command, its timeout or a signal; on the last two, stops the tasks while the
    // command shuts down, waits for it until the grace budget is spent, then kills it.
    WatchResult run(const WatchedCommand& command);

private:
    enum class Trigger { None, CommandExited, TimedOut, Signalled };

    Trigger wait_for_trigger(const WatchedCommand& command);
    int finish_command(const WatchedCommand& command, const Deadline& deadline);

    WatchSettings settings_;
    StopBy stop_;
    Log log_;

    std::mutex mutex_;
    std::condition_variable changed_;
    const WatchedCommand* command_ = nullptr;             // set while run() runs, for passing signals on
    Trigger trigger_ = Trigger::None;                     // the first of: exit, timeout, signal
    SignalCount signals_;                                 // the second-signal rule (flow/grace_period.h)
    std::unique_ptr<CancellableDeadline> stop_deadline_;  // from the trigger on
};

}  // namespace ccs::flow
