// The sockets of the connections being served, so a shutdown can cut them all at once: a thread blocked
// reading or writing wakes up as soon as its socket is shut down.
#pragma once

#include <mutex>
#include <set>

namespace ccs::emu {

class ConnectionRegistry {
public:
    // Registers a connection's descriptor for the lifetime of this object. It must be destroyed before the
    // socket is closed, so abort_all() never touches a descriptor number that was reused.
    class Registration {
    public:
        Registration(ConnectionRegistry& registry, int fd);
        ~Registration();
        Registration(const Registration&) = delete;
        Registration& operator=(const Registration&) = delete;

    private:
        ConnectionRegistry& registry_;
        int fd_;
    };

    // Shuts down every registered socket, and any registered afterwards.
    void abort_all();

private:
    std::mutex mutex_;
    std::set<int> fds_;
    bool aborting_ = false;
};

}  // namespace ccs::emu
