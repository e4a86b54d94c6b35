// Reading and writing the files inputs name, whatever they turn out to be. A path may name a FIFO
// nobody writes to or reads from, a device, /dev/stdin, or a sparse file of many gigabytes: every
// open is non-blocking, every wait ends by the deadline, and a file's size is checked before it is
// read (a stream that has no size is read no further than the limit).
#pragma once

#include <cstddef>
#include <string>

#include "core/deadline.h"

namespace ccs {

// CA bundles are a few hundred KB (the system's is 200 KB): a file far larger is not one. Checked
// where the inputs are read, and again where a handshake reads the file.
constexpr std::size_t max_certificate_file_bytes = std::size_t{16} * 1024 * 1024;

struct FileText {
    std::string text;
    // Empty on success, else why not: "No such file or directory", "is too large (at most N bytes)".
    std::string error;
    bool absent = false;  // the file does not exist (error says so too)
};

// The whole content, at most `max_bytes`: more is an error, not a cut.
FileText read_bounded_file(const std::string& path, std::size_t max_bytes, const Deadline& deadline);

enum class WriteMode { Append, Replace };

// Writes `text` (created if missing). Append keeps what is there intact: a last line without its
// newline gets one first. Returns "" on success, else why not.
std::string write_bounded_file(const std::string& path, const std::string& text, WriteMode mode,
                               const Deadline& deadline);

// The same writing, piece by piece: for a document (SARIF of thousands of findings) that should not
// be built whole in memory first. Opens at construction; after the first failure nothing more is
// written and error() says why.
class BoundedFileWriter {
public:
    BoundedFileWriter(const std::string& path, WriteMode mode, const Deadline& deadline);
    ~BoundedFileWriter();
    BoundedFileWriter(const BoundedFileWriter&) = delete;
    BoundedFileWriter& operator=(const BoundedFileWriter&) = delete;

    // False once anything failed (this call or an earlier one).
    bool write(const char* data, std::size_t size);
    const std::string& error() const { return error_; }

private:
    int fd_ = -1;
    Deadline deadline_;
    std::string error_;
};

}  // namespace ccs
