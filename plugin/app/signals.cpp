#include "app/signals.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <string>

#include "core/threads.h"

namespace ccs::app {
namespace {

// SIGQUIT too: some CI runners send it to end a job, and its default would dump core and end us.
constexpr std::array<int, 4> watched_signals = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

// The write end of the current watcher's pipe, for the handler. -1 when no watcher lives.
volatile sig_atomic_t signal_pipe = -1;

// Byte 0 tells the thread to end; a signal is sent as its number (all below 256).
constexpr unsigned char quit_byte = 0;

struct sigaction previous_actions[watched_signals.size()];

extern "C" void on_signal(int signal) {
    const int saved_errno = errno;
    const auto byte = static_cast<unsigned char>(signal);
    // A full pipe drops the byte: hundreds of unread signals say nothing the first ones did not.
    [[maybe_unused]] const auto written = ::write(signal_pipe, &byte, 1);
    errno = saved_errno;
}

void install_handlers() {
    struct sigaction action {};
    action.sa_handler = on_signal;
    ::sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;  // reads and waits elsewhere carry on; the deadline ends them
    for (std::size_t i = 0; i < watched_signals.size(); ++i) {
        ::sigaction(watched_signals[i], &action, &previous_actions[i]);
    }
}

void restore_handlers() {
    for (std::size_t i = 0; i < watched_signals.size(); ++i) {
        ::sigaction(watched_signals[i], &previous_actions[i], nullptr);
    }
}

}  // namespace

SignalWatcher::SignalWatcher() {
    int fds[2];
    // O_CLOEXEC: a watched command must not inherit it; O_NONBLOCK on the write end: the handler
    // must never block.
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        // No descriptor left (a tiny `ulimit -n`): the signals keep the disposition main gave them
        // (ignored), so none ends the run before its report; the deadline ends it instead.
        unavailable_ = std::string("pipe2: ") + std::strerror(errno);
        return;
    }
    read_fd_ = fds[0];
    write_fd_ = fds[1];
    ::fcntl(write_fd_, F_SETFL, ::fcntl(write_fd_, F_GETFL) | O_NONBLOCK);
    signal_pipe = write_fd_;
    // Without a thread, signals are still caught (so none ends us) but only kept in the pipe: the
    // run then ends by its own deadline, with its report and exit code.
    try_start_thread(thread_, [this] { read_signals(); });
    install_handlers();
}

SignalWatcher::~SignalWatcher() {
    if (!unavailable_.empty()) return;
    restore_handlers();
    signal_pipe = -1;
    const unsigned char byte = quit_byte;
    while (thread_.joinable() && ::write(write_fd_, &byte, 1) < 0 && errno == EINTR) {
    }
    if (thread_.joinable()) thread_.join();
    ::close(read_fd_);
    ::close(write_fd_);
}

void SignalWatcher::read_signals() {
    for (;;) {
        unsigned char byte = quit_byte;
        const ssize_t got = ::read(read_fd_, &byte, 1);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0 || byte == quit_byte) return;
        deliver(byte);
    }
}

void SignalWatcher::deliver(int signal) {
    // Held while the handler runs, so handle_with() cannot replace it half-way.
    const std::lock_guard<std::mutex> lock(mutex_);
    if (on_signal_) {
        on_signal_(signal);
    } else {
        kept_.push_back(signal);
    }
}

void SignalWatcher::handle_with(OnSignal on_signal) {
    const std::lock_guard<std::mutex> lock(mutex_);
    on_signal_ = std::move(on_signal);
    if (!on_signal_) return;
    for (const int signal : kept_) on_signal_(signal);
    kept_.clear();
}

}  // namespace ccs::app
