#include "support/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace ccs::test::detail {

namespace {

// argv/envp built before fork(): the child of a multi-threaded process may not allocate.
struct ExecArguments {
    std::vector<std::string> storage;
    std::vector<char*> argv;
    std::vector<char*> envp;
};

ExecArguments exec_arguments(const std::string& exe, const std::vector<std::string>& args,
                             const std::map<std::string, std::string>& env) {
    ExecArguments exec;
    exec.storage.push_back(exe);
    exec.storage.insert(exec.storage.end(), args.begin(), args.end());
    for (const auto& [name, value] : env) exec.storage.push_back(name + "=" + value);
    const std::size_t argc = args.size() + 1;
    for (std::size_t i = 0; i < exec.storage.size(); ++i) {
        (i < argc ? exec.argv : exec.envp).push_back(exec.storage[i].data());
    }
    exec.argv.push_back(nullptr);
    exec.envp.push_back(nullptr);
    return exec;
}

struct Pipe {
    int read = -1;
    int write = -1;
};

Pipe make_pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe2: ") + std::strerror(errno));
    return {fds[0], fds[1]};
}

// Closes every descriptor from 3 up except `keep`, without allocating (async-signal-safe).
void close_inherited_fds(int keep) {
    if (keep > 3) ::close_range(3, static_cast<unsigned>(keep - 1), 0);
    ::close_range(static_cast<unsigned>(keep + 1), ~0u, 0);
}

// Runs in the child between fork and exec: only async-signal-safe calls.
[[noreturn]] void become_child(const ExecArguments& exec, int in, int out, int err, int error_report,
                               const SpawnOptions& options, pid_t parent) {
    ::setpgid(0, 0);  // own group: a timeout kills the program and anything it started
    if (options.die_with_parent) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);
    }
    struct sigaction default_action {};
    default_action.sa_handler = SIG_DFL;
    ::sigaction(SIGPIPE, &default_action, nullptr);  // the test process ignores it; exec keeps ignores
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    close_inherited_fds(error_report);
    ::execve(exec.argv[0], exec.argv.data(), exec.envp.data());
    const int error = errno;
    [[maybe_unused]] const auto written = ::write(error_report, &error, sizeof(error));
    ::_exit(127);
}

void set_nonblocking(int fd) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

// A vanished reader must cost the test process an EPIPE, not its life.
void ignore_sigpipe_once() {
    static std::once_flag once;
    std::call_once(once, [] { ::signal(SIGPIPE, SIG_IGN); });
}

// The exec error the child reported, 0 when exec succeeded (the pipe closed on exec).
int exec_error(int error_report) {
    int error = 0;
    ssize_t got;
    while ((got = ::read(error_report, &error, sizeof(error))) < 0 && errno == EINTR) {
    }
    return got == static_cast<ssize_t>(sizeof(error)) ? error : 0;
}

}  // namespace

ChildProcess spawn_child(const std::string& exe, const std::vector<std::string>& args,
                         const std::map<std::string, std::string>& env, const SpawnOptions& options) {
    ignore_sigpipe_once();
    const ExecArguments exec = exec_arguments(exe, args, env);
    const int null_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    Pipe in = options.pipe_stdin ? make_pipe() : Pipe{null_fd, -1};
    Pipe out = make_pipe(), err = make_pipe(), report = make_pipe();
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) become_child(exec, in.read, out.write, err.write, report.write, options, parent);
    for (int fd : {in.read, out.write, err.write, report.write}) ::close(fd);
    if (options.pipe_stdin) ::close(null_fd);
    const int error = pid < 0 ? errno : exec_error(report.read);
    ::close(report.read);
    if (pid < 0 || error != 0) {
        for (int fd : {in.write, out.read, err.read}) {
            if (fd >= 0) ::close(fd);
        }
        if (pid > 0) ::waitpid(pid, nullptr, 0);
        throw std::runtime_error("cannot run " + exe + ": " + std::strerror(error));
    }
    set_nonblocking(out.read);
    set_nonblocking(err.read);
    if (in.write >= 0) set_nonblocking(in.write);
    return {pid, in.write, out.read, err.read};
}

int exit_code_from_status(int wait_status) {
    if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
    if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
    return -1;
}

std::optional<int> wait_for_exit(pid_t pid, std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (true) {
        int status = 0;
        const pid_t reaped = ::waitpid(pid, &status, WNOHANG);
        if (reaped == pid) return exit_code_from_status(status);
        if (reaped < 0 && errno != EINTR) return -1;  // not our child (any more): nothing to wait for
        if (std::chrono::steady_clock::now() >= until) return std::nullopt;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

int kill_and_reap(pid_t pid) {
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);  // in case it left its group
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    return exit_code_from_status(status);
}

bool read_available(int fd, std::string& into) {
    char buffer[65536];
    while (true) {
        const ssize_t got = ::read(fd, buffer, sizeof(buffer));
        if (got > 0) {
            into.append(buffer, static_cast<std::size_t>(got));
        } else if (got == 0) {
            return false;
        } else if (errno == EINTR) {
            continue;
        } else {
            return errno == EAGAIN || errno == EWOULDBLOCK;
        }
    }
}

void close_fd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

}  // namespace ccs::test::detail
