// Starting a child process with pipes on its standard streams: the part run_process and
// BackgroundProcess share. Internal to the test support library.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ccs::test::detail {

struct ChildProcess {
    pid_t pid = -1;
    int stdin_fd = -1;   // write end; -1 when stdin is /dev/null
    int stdout_fd = -1;  // read ends, non-blocking
    int stderr_fd = -1;
};

struct SpawnOptions {
    bool pipe_stdin = true;
    bool die_with_parent = false;  // SIGKILL the child if the thread that started it dies
};

// Runs `exe` (a path; no PATH search) with argv = exe + args and exactly `env`, in its own process
// group, with default signal dispositions and an empty signal mask. Throws std::runtime_error when the
// program cannot be executed.
ChildProcess spawn_child(const std::string& exe, const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env, const SpawnOptions& options);

// Exit status as a shell reports it: the exit code, or 128 + the signal that killed it.
int exit_code_from_status(int wait_status);

// Reaps the child if it has exited within `timeout`; returns its exit code, nullopt while it runs.
std::optional<int> wait_for_exit(pid_t pid, std::chrono::milliseconds timeout);

// SIGKILLs the child's whole process group and reaps the child (blocking; a killed child goes fast).
int kill_and_reap(pid_t pid);

// Reads what is available without blocking; false once the pipe reached end of file.
bool read_available(int fd, std::string& into);

void close_fd(int& fd);

}  // namespace ccs::test::detail
