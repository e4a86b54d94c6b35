#include "core/bounded_file.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace ccs {
namespace {

// Closes on scope exit.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

std::string too_large(std::size_t max_bytes) {
    return "is too large (at most " + std::to_string(max_bytes) + " bytes)";
}

// Waits for `events` on a non-blocking descriptor; false when the deadline came first.
bool wait_for(int fd, short events, const Deadline& deadline) {
    for (;;) {
        const auto left = deadline.remaining().count();
        if (left <= 0) return false;
        pollfd entry{fd, events, 0};
        // Not one long poll: a signal may cut the deadline meanwhile.
        const int ready = ::poll(&entry, 1, static_cast<int>(std::min<long long>(left, 50)));
        if (ready > 0) return true;
        if (ready < 0 && errno != EINTR) return true;  // the read or write says what is wrong
    }
}

std::string open_error(int error) {
    if (error == ENXIO) return "is a FIFO or socket nobody reads from";
    return std::strerror(error);
}

std::string read_all(int fd, std::size_t max_bytes, const Deadline& deadline, std::string& text) {
    char chunk[64 * 1024];
    for (;;) {
        const ssize_t got = ::read(fd, chunk, sizeof chunk);
        if (got > 0) {
            text.append(chunk, static_cast<std::size_t>(got));
            if (text.size() > max_bytes) return too_large(max_bytes);
        } else if (got == 0) {
            return "";
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            if (!wait_for(fd, POLLIN, deadline)) return "was not written to the end by the deadline";
        } else if (errno != EINTR) {
            return std::strerror(errno);
        }
    }
}

std::string write_all(int fd, const char* data, std::size_t size, const Deadline& deadline) {
    std::size_t written = 0;
    while (written < size) {
        const ssize_t n = ::write(fd, data + written, size - written);
        if (n > 0) {
            written += static_cast<std::size_t>(n);
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (!wait_for(fd, POLLOUT, deadline)) return "was not read by the deadline";
        } else if (n < 0 && errno != EINTR) {
            return std::strerror(errno);
        }
    }
    return "";
}

// A regular file whose last byte is not a newline: what is appended must start a line of its own.
// Read through a descriptor of its own: the one we write with must be write-only (see below).
bool ends_mid_line(const std::string& path, int write_fd) {
    struct stat info {};
    if (::fstat(write_fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size == 0) return false;
    const Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    char last = '\n';
    return fd.get() >= 0 && ::pread(fd.get(), &last, 1, info.st_size - 1) == 1 && last != '\n';
}

}  // namespace

FileText read_bounded_file(const std::string& path, std::size_t max_bytes, const Deadline& deadline) {
    FileText result;
    // O_NONBLOCK: opening a FIFO with no writer must not wait; O_NOCTTY: a terminal must not become ours.
    const Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        result.absent = errno == ENOENT;
        result.error = open_error(errno);
        return result;
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) {
        result.error = std::strerror(errno);
    } else if (S_ISDIR(info.st_mode)) {
        result.error = "is a directory";
    } else if (S_ISREG(info.st_mode) && static_cast<unsigned long long>(info.st_size) > max_bytes) {
        result.error = too_large(max_bytes);  // a sparse file of gigabytes is not read to find out
    } else {
        // One buffer of the file's size: the system bundle is read at every run, and a grown copy
        // would stay in the process's peak memory.
        if (S_ISREG(info.st_mode)) result.text.reserve(static_cast<std::size_t>(info.st_size) + 1);
        // A FIFO no writer has opened yet reads as empty at once: wait for one first, as long as the
        // deadline allows (Linux reports no hang-up on a FIFO that never had a writer).
        if (S_ISFIFO(info.st_mode) && !wait_for(fd.get(), POLLIN, deadline)) {
            result.error = "is a FIFO nothing was written to by the deadline";
        } else {
            result.error = read_all(fd.get(), max_bytes, deadline, result.text);
        }
    }
    if (!result.error.empty()) result.text.clear();
    return result;
}

std::string write_bounded_file(const std::string& path, const std::string& text, WriteMode mode,
                               const Deadline& deadline) {
    BoundedFileWriter writer(path, mode, deadline);
    writer.write(text.data(), text.size());
    return writer.error();
}

BoundedFileWriter::BoundedFileWriter(const std::string& path, WriteMode mode, const Deadline& deadline)
    : deadline_(deadline) {
    const int flags =
        O_CREAT | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (mode == WriteMode::Append ? O_APPEND : O_TRUNC);
    // Write-only and non-blocking: a FIFO nobody reads from fails at once (ENXIO) instead of waiting;
    // O_RDWR would make us its reader, and the text would vanish into it.
    fd_ = ::open(path.c_str(), O_WRONLY | flags, 0644);
    if (fd_ < 0) {
        error_ = open_error(errno);
    } else if (mode == WriteMode::Append && ends_mid_line(path, fd_)) {
        write("\n", 1);
    }
}

BoundedFileWriter::~BoundedFileWriter() {
    if (fd_ >= 0) ::close(fd_);
}

bool BoundedFileWriter::write(const char* data, std::size_t size) {
    if (error_.empty()) error_ = write_all(fd_, data, size, deadline_);
    return error_.empty();
}

}  // namespace ccs
