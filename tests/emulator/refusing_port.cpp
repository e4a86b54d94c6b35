#include "emulator/refusing_port.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace ccs::emu {

namespace {

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("refusing port: " + what + ": " + std::strerror(errno));
}

}  // namespace

RefusingPort::RefusingPort(const std::string& host) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = 0;
    if (::inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1) {
        throw std::runtime_error("refusing port: not an IPv4 address: " + host);
    }
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) fail("socket");
    socklen_t length = sizeof address;
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API takes sockaddr*
    auto* generic = reinterpret_cast<sockaddr*>(&address);
    if (::bind(fd_, generic, length) != 0 || ::getsockname(fd_, generic, &length) != 0) {
        const int saved = errno;
        ::close(fd_);
        errno = saved;
        fail("bind");
    }
    port_ = ntohs(address.sin_port);  // no listen(): a connect to it is refused
}

RefusingPort::~RefusingPort() {
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace ccs::emu
