#include "process/child.h"

#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/threads.h"

namespace ccs::process {
namespace {

bool is_executable_file(const std::string& path) {
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

// posix_spawn's attributes: own process group, nothing blocked, every signal at its default (our
// handlers are replaced by exec anyway; this also undoes an inherited "ignore").
class SpawnAttributes {
public:
    SpawnAttributes() {
        ::posix_spawnattr_init(&attributes_);
        sigset_t none;
        sigset_t all;
        ::sigemptyset(&none);
        ::sigfillset(&all);
        ::posix_spawnattr_setpgroup(&attributes_, 0);
        ::posix_spawnattr_setsigmask(&attributes_, &none);
        ::posix_spawnattr_setsigdefault(&attributes_, &all);
        ::posix_spawnattr_setflags(&attributes_,
                                   POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    }
    ~SpawnAttributes() { ::posix_spawnattr_destroy(&attributes_); }
    SpawnAttributes(const SpawnAttributes&) = delete;
    SpawnAttributes& operator=(const SpawnAttributes&) = delete;

    const posix_spawnattr_t* get() const { return &attributes_; }

private:
    posix_spawnattr_t attributes_;
};

// NUL-terminated pointer arrays into `storage`, as exec wants them.
std::vector<char*> pointers_to(std::vector<std::string>& storage) {
    std::vector<char*> pointers;
    pointers.reserve(storage.size() + 1);
    for (auto& text : storage) pointers.push_back(text.data());
    pointers.push_back(nullptr);
    return pointers;
}

// What execvp uses when PATH is unset.
std::string path_variable(const Environment& env) {
    return variable(env, "PATH", "/bin:/usr/bin");
}

int shell_exit_code(int status) {
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

}  // namespace

std::string find_program(const std::string& name, const std::string& path) {
    if (name.empty()) return "";
    if (name.find('/') != std::string::npos) return is_executable_file(name) ? name : "";
    std::size_t start = 0;
    for (;;) {
        const std::size_t colon = path.find(':', start);
        std::string directory =
            path.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (directory.empty()) directory = ".";  // an empty PATH entry means the current directory
        std::string candidate = directory;
        candidate.append("/").append(name);
        if (is_executable_file(candidate)) return candidate;
        if (colon == std::string::npos) return "";
        start = colon + 1;
    }
}

Child::Child(const std::vector<std::string>& command, const Environment& env, OnExit on_exit)
    : on_exit_(std::move(on_exit)) {
    if (command.empty()) throw StartError("no command to run");
    const std::string program = find_program(command.front(), path_variable(env));
    if (program.empty()) throw StartError("command not found: " + command.front());

    std::vector<std::string> arguments = command;
    std::vector<std::string> variables;
    variables.reserve(env.size());
    for (const auto& [name, value] : env) variables.push_back(std::string(name).append("=").append(value));
    const std::vector<char*> argv = pointers_to(arguments);
    const std::vector<char*> envp = pointers_to(variables);

    const SpawnAttributes attributes;
    const int error =
        ::posix_spawn(&pid_, program.c_str(), nullptr, attributes.get(), argv.data(), envp.data());
    if (error != 0) throw StartError("cannot run " + command.front() + ": " + std::strerror(error));
    if (!try_start_thread(reaper_, [this] { reap(); })) {
        // Nothing would see it end: it must not run unwatched.
        ::kill(-pid_, SIGKILL);
        int status = 0;
        while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
        throw StartError("cannot watch " + command.front() + ": no thread can be started");
    }
}

Child::~Child() {
    if (!exit_code()) signal_group(SIGKILL);
    reaper_.join();
}

void Child::signal_group(int signal) const {
    ::kill(-pid_, signal);
}

std::optional<int> Child::exit_code() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return exit_code_;
}

std::optional<int> Child::wait_until(Clock::time_point until) const {
    std::unique_lock<std::mutex> lock(mutex_);
    ended_.wait_until(lock, until, [this] { return exit_code_.has_value(); });
    return exit_code_;
}

void Child::reap() {
    int status = 0;
    pid_t reaped;
    while ((reaped = ::waitpid(pid_, &status, 0)) < 0 && errno == EINTR) {
    }
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        exit_code_ = reaped == pid_ ? shell_exit_code(status) : 127;
    }
    ended_.notify_all();
    if (on_exit_) on_exit_();
}

}  // namespace ccs::process
