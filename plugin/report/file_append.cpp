#include "report/file_append.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ccs::report {

namespace {

std::string last_error() {
    return std::strerror(errno);
}

// write(2) may write less than asked, or be interrupted by a signal (cancellation sends some).
bool write_all(int fd, const std::string& text) {
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        written += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

std::string append_to_file(const std::string& path, const std::string& text) {
    // POSIX rather than std::ofstream, to get an errno worth reporting.
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return last_error();
    std::string error;
    if (!write_all(fd, text)) error = last_error();
    if (::close(fd) != 0 && error.empty()) error = last_error();
    return error;
}

}  // namespace ccs::report
