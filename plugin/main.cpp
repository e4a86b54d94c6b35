// codearts-check-stop: stops Huawei Cloud CodeArts Check tasks when a CI build is cancelled.
// The only place that reads the process environment and owns stdout/stderr.
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "app/run.h"
#include "core/environment.h"

extern char** environ;

namespace {

// Some CI wrappers and daemons start us with 0, 1 or 2 closed: the next file we open (the signal
// pipe, a socket, an output file) would take that number, and what we print would land in it. Each
// closed one is pointed at /dev/null first, so nothing we open can be mistaken for them.
void reopen_closed_standard_descriptors() {
    for (int fd = 0; fd <= 2; ++fd) {
        if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        const int null_fd = ::open("/dev/null", O_RDWR);  // takes the lowest free number: `fd`
        if (null_fd >= 0 && null_fd != fd) ::close(null_fd);
    }
}

// The process holds credentials in memory: no core file may be written from it, and no other process
// of the same user may read its memory. A watched command is dumpable again (exec), and inherits a
// soft core limit of 0 that it may raise: the hard limit stays as it was.
void keep_secrets_out_of_core_files() {
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    rlimit core{};
    if (::getrlimit(RLIMIT_CORE, &core) == 0) {
        core.rlim_cur = 0;  // even where the system writes cores of non-dumpable processes (suid_dumpable 2)
        ::setrlimit(RLIMIT_CORE, &core);
    }
}

// Each of up to 64 workers holds a socket, and a watched command's pipes and the output files come on
// top: a soft limit set low by a daemon or a wrapper (256, or less) would fail connections with
// "Too many open files". The soft limit is ours to raise up to the hard one; only to the usual 1024,
// which a watched command then inherits: more could break a child that still uses select().
void raise_open_file_limit() {
    constexpr rlim_t usual = 1024;
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) != 0 || files.rlim_cur >= usual) return;
    files.rlim_cur = files.rlim_max == RLIM_INFINITY ? usual : std::min(usual, files.rlim_max);
    ::setrlimit(RLIMIT_NOFILE, &files);
}

// The width of the terminal stderr is, or 0 when it is not one: the reporter then draws run mode's
// progress as a block redrawn in place (outside a CI) instead of log lines. A terminal that cannot
// move its cursor (TERM=dumb) counts as none; one that does not say how wide it is, as 80 columns.
int stderr_terminal_columns() {
    if (::isatty(STDERR_FILENO) == 0) return 0;
    const char* term = std::getenv("TERM");
    if (term == nullptr || std::string(term).empty() || std::string(term) == "dumb") return 0;
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

}  // namespace

int main(int argc, char** argv) {
    reopen_closed_standard_descriptors();
    keep_secrets_out_of_core_files();
    raise_open_file_limit();
    // A reader of our output that went away must not end us before the stop: the write fails instead.
    ::signal(SIGPIPE, SIG_IGN);
    // The run catches these while it lives and puts back what it found. What it finds is "ignore", so
    // a signal that comes after the run has decided its exit code (a storm of them, during the last
    // writes) cannot replace that code with its own; a watched command still gets the defaults.
    for (const int signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) ::signal(signal, SIG_IGN);
    const std::vector<std::string> args(argv + 1, argv + argc);
    const std::string argv0 = argc > 0 ? argv[0] : "";  // the GitHub post run is told apart by its name
    try {
        return ccs::app::run(argv0, args, ccs::environment_from(environ), std::cout, std::cerr,
                             stderr_terminal_columns());
    } catch (const std::exception& error) {
        // Only reached on a bug: the message comes from our code, never from a secret-bearing input.
        std::cerr << "codearts-check-stop: internal error: " << error.what() << '\n';
        return 1;
    } catch (...) {
        std::cerr << "codearts-check-stop: internal error\n";
        return 1;
    }
}
