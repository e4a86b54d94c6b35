#include "support/process.h"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>

#include "support/child_process.h"

extern char** environ;

namespace ccs::test {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// After a timeout kill, how long to keep collecting output: a grandchild that escaped the process
// group may hold the pipes open forever.
constexpr milliseconds drain_after_kill{2000};

int poll_timeout(Clock::time_point until) {
    const auto left = std::chrono::duration_cast<milliseconds>(until - Clock::now()).count();
    return static_cast<int>(std::max<long long>(0, std::min<long long>(left, 100)));
}

// Feeds stdin and drains stdout/stderr of one child until both outputs end or `until` passes.
class OutputPump {
public:
    OutputPump(detail::ChildProcess& child, const std::string& stdin_data, ProcessResult& result)
        : child_(child), stdin_data_(stdin_data), result_(result) {
        if (stdin_data_.empty()) detail::close_fd(child_.stdin_fd);
    }

    bool outputs_open() const { return child_.stdout_fd >= 0 || child_.stderr_fd >= 0; }

    void run_until(Clock::time_point until) {
        while (outputs_open() && Clock::now() < until) step(poll_timeout(until));
    }

private:
    void step(int timeout_ms) {
        pollfd fds[3] = {
            {child_.stdout_fd, POLLIN, 0}, {child_.stderr_fd, POLLIN, 0}, {child_.stdin_fd, POLLOUT, 0}};
        if (::poll(fds, 3, timeout_ms) <= 0) return;
        if (fds[0].revents) drain(child_.stdout_fd, result_.out);
        if (fds[1].revents) drain(child_.stderr_fd, result_.err);
        if (fds[2].revents) feed();
    }

    static void drain(int& fd, std::string& into) {
        if (!detail::read_available(fd, into)) detail::close_fd(fd);
    }

    void feed() {
        const ssize_t wrote = ::write(child_.stdin_fd, stdin_data_.data() + fed_, stdin_data_.size() - fed_);
        if (wrote > 0) fed_ += static_cast<std::size_t>(wrote);
        const bool failed = wrote < 0 && errno != EAGAIN && errno != EINTR;  // EPIPE: it stopped reading
        if (failed || fed_ == stdin_data_.size()) detail::close_fd(child_.stdin_fd);
    }

    detail::ChildProcess& child_;
    const std::string& stdin_data_;
    ProcessResult& result_;
    std::size_t fed_ = 0;
};

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

Environment current_environment() {
    return environment_from(environ);
}

Environment with_inherited(Environment env, std::initializer_list<const char*> names) {
    const Environment inherited = current_environment();
    for (const char* name : names) {
        const auto found = inherited.find(name);
        if (found != inherited.end()) env.insert(*found);
    }
    return env;
}

ProcessResult run_process(const std::string& exe, const std::vector<std::string>& args,
                          const Environment& env, std::chrono::milliseconds timeout,
                          const std::string& stdin_data) {
    const auto start = Clock::now();
    const auto deadline = start + timeout;
    detail::ChildProcess child = detail::spawn_child(exe, args, env, {true, false});
    ProcessResult result;
    OutputPump pump(child, stdin_data, result);
    pump.run_until(deadline);
    // Its outputs closed; the process itself may still be running (a daemon, or just exiting).
    std::optional<int> exit_code = detail::wait_for_exit(
        child.pid,
        std::chrono::duration_cast<milliseconds>(std::max(deadline - Clock::now(), Clock::duration(0))));
    if (!exit_code) {
        result.timed_out = true;
        exit_code = detail::kill_and_reap(child.pid);
        pump.run_until(Clock::now() + drain_after_kill);
    }
    result.exit_code = *exit_code;
    result.seconds = seconds_since(start);
    for (int* fd : {&child.stdin_fd, &child.stdout_fd, &child.stderr_fd}) detail::close_fd(*fd);
    return result;
}

BackgroundProcess::BackgroundProcess(const std::string& exe, const std::vector<std::string>& args,
                                     const Environment& env) {
    const detail::ChildProcess child = detail::spawn_child(exe, args, env, {false, true});
    pid_ = child.pid;
    stdout_fd_ = child.stdout_fd;
    stderr_fd_ = child.stderr_fd;
    pump_ = std::thread([this] { pump_output(); });
}

BackgroundProcess::~BackgroundProcess() {
    if (!exit_code_) exit_code_ = detail::kill_and_reap(pid_);
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_pumping_ = true;
    }
    pump_.join();
    detail::close_fd(stdout_fd_);
    detail::close_fd(stderr_fd_);
}

void BackgroundProcess::pump_output() {
    int out = stdout_fd_, err = stderr_fd_;
    while (out >= 0 || err >= 0) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (stop_pumping_) break;
        }
        pollfd fds[2] = {{out, POLLIN, 0}, {err, POLLIN, 0}};
        if (::poll(fds, 2, 100) <= 0) continue;
        std::string out_text, err_text;
        const bool out_open = !fds[0].revents || detail::read_available(out, out_text);
        const bool err_open = !fds[1].revents || detail::read_available(err, err_text);
        if (!out_open) out = -1;  // closed by the destructor, which owns the descriptors
        if (!err_open) err = -1;
        std::lock_guard<std::mutex> lock(mutex_);
        for (const char c : out_text) {
            if (c != '\n') {
                partial_line_ += c;
                continue;
            }
            lines_.push_back(std::move(partial_line_));
            partial_line_.clear();
        }
        stderr_ += err_text;
        stdout_ended_ = out < 0;
        output_arrived_.notify_all();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    stdout_ended_ = true;
    output_arrived_.notify_all();
}

std::optional<std::string> BackgroundProcess::read_line(std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    output_arrived_.wait_for(lock, timeout, [this] { return !lines_.empty() || stdout_ended_; });
    if (lines_.empty()) return std::nullopt;
    std::string line = std::move(lines_.front());
    lines_.pop_front();
    return line;
}

std::string BackgroundProcess::stderr_text() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stderr_;
}

bool BackgroundProcess::send_signal(int signal) {
    if (exit_code_) return false;
    return ::kill(pid_, signal) == 0;
}

std::optional<int> BackgroundProcess::wait(std::chrono::milliseconds timeout) {
    if (!exit_code_) exit_code_ = detail::wait_for_exit(pid_, timeout);
    return exit_code_;
}

}  // namespace ccs::test
