// An answer's chunked body, read strictly. Poco's own chunked stream ends quietly at a size line it
// cannot read and at the end of the connection, so a broken or cut answer would pass as a short (or
// empty) success; here either is an error, and the exchange is retried.
#pragma once

#include <cstddef>
#include <functional>
#include <ios>
#include <optional>
#include <string>

namespace ccs::http {

// The connection's bytes, through the session's buffer (what the head's reader already took in).
class ByteSource {
public:
    virtual ~ByteSource() = default;
    virtual int next_byte() = 0;                                       // -1 at the end of the stream
    virtual int read_bytes(char* buffer, std::streamsize length) = 0;  // 0 at the end of the stream
    virtual int buffered_bytes() const = 0;  // taken in from the socket, not read yet
};

// The decoded body; nothing when it would exceed `max_body`. Throws Poco::Net::MessageException for a
// malformed chunk (a size that is not hexadecimal, a chunk longer than its size) and
// Poco::Net::ConnectionResetException when the stream ends before the last chunk. `before_read` is
// called before each wait for bytes (to bound it by what is left of the deadline).
std::optional<std::string> read_chunked_body(ByteSource& source, std::size_t max_body,
                                             const std::function<void()>& before_read);

}  // namespace ccs::http
