// The command `watch` runs: a child in a process group of its own, so the signals passed on reach
// everything it started, and a thread that reaps it, so its end is noticed at once.
//
// Being in its own group, the command is not in a terminal's foreground: one that reads from an
// interactive terminal is stopped (SIGTTIN). CI steps have no terminal. Orphans the command leaves
// behind are not reaped here (as PID 1 of a container they end with it).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/environment.h"

namespace ccs::process {

using ccs::Environment;

// The command could not be started (not found, not executable, ...). The message names it.
class StartError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// `name` as a shell would find it along `path` (the value of PATH); a name containing '/' is taken
// as it is. "" when no executable file is found.
std::string find_program(const std::string& name, const std::string& path);

class Child {
public:
    using Clock = std::chrono::steady_clock;
    using OnExit = std::function<void()>;

    // Starts `command` with exactly `env`, inheriting stdin, stdout and stderr, with default signal
    // dispositions and an empty signal mask, as the leader of a new process group. `on_exit` is
    // called on the reaper thread once the child has ended. Throws StartError.
    Child(const std::vector<std::string>& command, const Environment& env, OnExit on_exit);
    ~Child();  // SIGKILLs the group if the child still runs, and reaps it
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    // Sends `signal` to the child's process group (what it started too). Harmless once all are gone:
    // the group's id stays reserved while any member lives.
    void signal_group(int signal) const;

    // Its exit status as a shell shows it (the code, or 128 + the signal that ended it), once ended.
    std::optional<int> exit_code() const;

    // Waits until the child has ended or `until` passes.
    std::optional<int> wait_until(Clock::time_point until) const;

private:
    void reap();  // the reaper thread

    pid_t pid_ = -1;
    OnExit on_exit_;
    mutable std::mutex mutex_;
    mutable std::condition_variable ended_;
    std::optional<int> exit_code_;
    std::thread reaper_;
};

}  // namespace ccs::process
