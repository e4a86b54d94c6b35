// SIGINT, SIGTERM, SIGHUP and SIGQUIT as events. The handler only writes the signal's number to a pipe; a
// thread of its own reads it and calls back, so nothing but write(2) runs in signal context, and the
// callback may take locks, log and cut deadlines.
//
// Handlers matter twice here: as PID 1 of a container (GitHub's container actions; `docker run`
// without --init) a signal with the default disposition is simply dropped, so without them a cancel
// could not even be noticed; elsewhere the default would end the program before the stop went out.
#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ccs::app {

class SignalWatcher {
public:
    using OnSignal = std::function<void(int signal)>;

    // Installs the handlers, before the mode knows what to do with a signal: one that comes while the
    // inputs are read is kept and handed over by handle_with(). One watcher at a time per process.
    // Without a descriptor for its pipe it watches nothing, and says why in unavailable().
    SignalWatcher();
    ~SignalWatcher();  // restores the previous handlers and stops the thread
    SignalWatcher(const SignalWatcher&) = delete;
    SignalWatcher& operator=(const SignalWatcher&) = delete;

    // From now on signals go to `on_signal` (on the watcher's thread), starting with those kept so
    // far. `on_signal` must stay valid until the watcher is destroyed or handle_with is called again.
    void handle_with(OnSignal on_signal);

    // Empty while signals are watched; otherwise why they cannot be.
    const std::string& unavailable() const { return unavailable_; }

private:
    void read_signals();  // the thread
    void deliver(int signal);

    std::mutex mutex_;
    OnSignal on_signal_;
    std::vector<int> kept_;  // signals that came before handle_with
    int read_fd_ = -1;
    int write_fd_ = -1;
    std::thread thread_;
    std::string unavailable_;
};

// Sends a watcher's signals to `on_signal` while it lives; afterwards they are kept again.
class SignalRoute {
public:
    SignalRoute(SignalWatcher& watcher, SignalWatcher::OnSignal on_signal) : watcher_(watcher) {
        watcher_.handle_with(std::move(on_signal));
    }
    ~SignalRoute() { watcher_.handle_with({}); }
    SignalRoute(const SignalRoute&) = delete;
    SignalRoute& operator=(const SignalRoute&) = delete;

private:
    SignalWatcher& watcher_;
};

}  // namespace ccs::app
