// Running real processes from tests: the program under test, the emulator, helper scripts.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <initializer_list>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/environment.h"

namespace ccs::test {

using ccs::Environment;

// This process's environment, for a caller that wants the child to inherit it (run_process does not).
Environment current_environment();

// `env` plus those of `names` that are set in this process's environment (a value in `env` wins).
Environment with_inherited(Environment env, std::initializer_list<const char*> names);

struct ProcessResult {
    int exit_code = -1;      // the exit code, or 128 + signal when a signal ended it (137 after a timeout)
    std::string out;         // everything written to stdout
    std::string err;         // everything written to stderr
    bool timed_out = false;  // killed (SIGKILL, whole process group) because `timeout` passed
    double seconds = 0;      // from start to exit
};

// Runs `exe` (a path; no PATH search) with `args` and EXACTLY `env`, feeds it `stdin_data` then end of
// file, and captures stdout and stderr concurrently, so a chatty program never blocks on a full pipe.
// Throws std::runtime_error only when the program cannot be started at all.
ProcessResult run_process(const std::string& exe, const std::vector<std::string>& args,
                          const Environment& env, std::chrono::milliseconds timeout,
                          const std::string& stdin_data = "");

// A long-running child (a server, typically): read its stdout line by line, signal it, wait for it.
// Stdin is /dev/null. The destructor SIGKILLs the process group if the child still runs. The child also
// gets SIGKILL if the thread that started it ends, so a crashed test never leaves it behind.
class BackgroundProcess {
public:
    BackgroundProcess(const std::string& exe, const std::vector<std::string>& args, const Environment& env);
    ~BackgroundProcess();
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    pid_t pid() const { return pid_; }

    // The next line of stdout without its "\n"; nullopt when none came within `timeout` or stdout ended.
    std::optional<std::string> read_line(std::chrono::milliseconds timeout);

    // Everything written to stderr so far.
    std::string stderr_text() const;

    // False when the child has already been reaped (its pid may belong to someone else by now).
    bool send_signal(int signal);

    // The exit code (as in ProcessResult) once the child has exited; nullopt if it still runs after
    // `timeout`.
    std::optional<int> wait(std::chrono::milliseconds timeout);

private:
    void pump_output();  // the reader thread: stdout into lines_, stderr into stderr_

    pid_t pid_ = -1;
    int stdout_fd_ = -1;
    int stderr_fd_ = -1;
    std::optional<int> exit_code_;  // set once reaped

    mutable std::mutex mutex_;
    std::condition_variable output_arrived_;
    std::deque<std::string> lines_;
    std::string partial_line_;
    std::string stderr_;
    bool stdout_ended_ = false;
    bool stop_pumping_ = false;
    std::thread pump_;
};

}  // namespace ccs::test
