#include "emulator/connection_registry.h"

#include <sys/socket.h>

namespace ccs::emu {

ConnectionRegistry::Registration::Registration(ConnectionRegistry& registry, int fd)
    : registry_(registry), fd_(fd) {
    std::lock_guard<std::mutex> lock(registry_.mutex_);
    registry_.fds_.insert(fd_);
    if (registry_.aborting_) ::shutdown(fd_, SHUT_RDWR);
}

ConnectionRegistry::Registration::~Registration() {
    std::lock_guard<std::mutex> lock(registry_.mutex_);
    registry_.fds_.erase(fd_);
}

void ConnectionRegistry::abort_all() {
    std::lock_guard<std::mutex> lock(mutex_);
    aborting_ = true;
    for (const int fd : fds_) ::shutdown(fd, SHUT_RDWR);
}

}  // namespace ccs::emu
