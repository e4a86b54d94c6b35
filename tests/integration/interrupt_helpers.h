// Helpers for the tests that interrupt the program with real signals: the program in the
// background, bounded polling, wall-clock times to compare with the emulator's request log.
#pragma once

#include <doctest/doctest.h>

#include <dirent.h>
#include <signal.h>

#include <cerrno>
#include <chrono>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/strings.h"
#include "program.h"
#include "support/emulator.h"
#include "support/process.h"

namespace ccs::test {

// Milliseconds since the epoch, as the emulator stamps requests (received_unix_ms).
inline double unix_ms_now() {
    return static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count());
}

// Polls `condition` every 20 ms for at most `limit`; true once it holds.
inline bool eventually(const std::function<bool()>& condition,
                       std::chrono::milliseconds limit = std::chrono::seconds(10)) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!condition()) {
        if (std::chrono::steady_clock::now() >= until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

// What a watched command needs to find `sleep` and `sh`, and nothing else.
inline Environment command_environment() {
    return with_inherited({{"PATH", "/usr/local/bin:/usr/bin:/bin"}},
                          {"TMPDIR", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"});
}

inline std::vector<std::string> joined(std::vector<std::string> first,
                                       const std::vector<std::string>& second) {
    first.insert(first.end(), second.begin(), second.end());
    return first;
}

// The emulator's requests for `path_suffix` ("/stop"), in arrival order.
inline std::vector<RecordedRequest> requests_to(const Emulator& emulator, const std::string& path_suffix) {
    std::vector<RecordedRequest> found;
    for (const auto& request : emulator.requests()) {
        if (ends_with(request.path, path_suffix)) found.push_back(request);
    }
    return found;
}

// A whole small file ("" when it does not exist yet), without its trailing newline.
inline std::string file_text(const std::string& path) {
    std::string content = read_file_if_present(path).value_or("");
    while (!content.empty() && (content.back() == '\n' || content.back() == '\r')) content.pop_back();
    return content;
}

// Whether a process with this pid exists (a zombie counts: it has not been reaped yet).
inline bool process_exists(pid_t pid) {
    return ::kill(pid, 0) == 0 || errno == EPERM;
}

// The pids whose parent is `parent`, from /proc.
inline std::vector<pid_t> children_of(pid_t parent) {
    std::vector<pid_t> children;
    DIR* proc = ::opendir("/proc");
    if (!proc) return children;
    while (const dirent* entry = ::readdir(proc)) {
        const std::string name = entry->d_name;
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        const std::string stat = file_text("/proc/" + name + "/stat");
        const auto close_paren = stat.rfind(')');
        if (close_paren == std::string::npos) continue;
        std::istringstream fields(stat.substr(close_paren + 2));
        char state = 0;
        pid_t ppid = 0;
        fields >> state >> ppid;
        if (ppid == parent) children.push_back(static_cast<pid_t>(std::stol(name)));
    }
    ::closedir(proc);
    return children;
}

// The arguments of /usr/bin/unshare that run a command as PID 1 of a new PID namespace, /proc mounted
// for it (a container's init, where a signal with no handler is dropped): as root, else as root of a
// new user namespace; empty when this machine allows neither (no privilege, user namespaces off).
inline std::vector<std::string> pid_namespace_unshare() {
    const std::vector<std::string> as_root = {"--pid", "--fork", "--mount-proc"};
    const std::vector<std::string> as_user = {"--user", "--map-root-user", "--pid", "--fork", "--mount-proc"};
    for (const auto& candidate : {as_root, as_user}) {
        if (run_process("/usr/bin/unshare", joined(candidate, {"/bin/true"}), command_environment(),
                        std::chrono::seconds(10))
                .exit_code == 0) {
            return candidate;
        }
    }
    return {};
}

// The command that `unshare` (process `unshare_pid`, started with pid_namespace_unshare()) runs: its
// only child. Checks that it is that namespace's init, and returns its pid as seen from here.
inline pid_t namespace_init(pid_t unshare_pid) {
    const std::vector<pid_t> init = children_of(unshare_pid);
    REQUIRE(init.size() == 1);
    // "NSpid: <pid here> <pid in the new namespace>": the program is that namespace's init.
    const std::string status = file_text("/proc/" + std::to_string(init[0]) + "/status");
    const auto nspid = status.find("NSpid:");
    REQUIRE(nspid != std::string::npos);
    const std::string line = status.substr(nspid, status.find('\n', nspid) - nspid);
    CHECK(line.substr(line.find_last_of(" \t") + 1) == "1");
    return init[0];
}

// The program running in the background, for signals.
class BackgroundProgram {
public:
    BackgroundProgram(const std::vector<std::string>& args, const Environment& env,
                      const std::string& exe = program_path())
        : args_(args), env_(env), process_(exe, args, env) {}

    pid_t pid() const { return process_.pid(); }
    bool signal(int signal) { return process_.send_signal(signal); }
    bool exited() { return process_.wait(std::chrono::milliseconds(0)).has_value(); }

    // The exit code, or fails the test (after killing it) when it has not exited within `limit`.
    int finish(std::chrono::milliseconds limit = std::chrono::seconds(20)) {
        const std::optional<int> code = process_.wait(limit);
        collect_stdout();
        INFO("stdout:\n" << out_ << "\nstderr:\n" << process_.stderr_text());
        REQUIRE(code.has_value());
        ProcessResult result;
        result.out = out_;
        result.err = process_.stderr_text();
        check_no_secret_leaked(result, args_, env_);
        return *code;
    }

    const std::string& out() const { return out_; }
    std::string err() const { return process_.stderr_text(); }

private:
    void collect_stdout() {
        while (auto line = process_.read_line(std::chrono::milliseconds(200))) out_ += *line + "\n";
    }

    std::vector<std::string> args_;
    Environment env_;
    BackgroundProcess process_;
    std::string out_;
};

}  // namespace ccs::test
