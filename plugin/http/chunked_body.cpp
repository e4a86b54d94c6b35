#include "http/chunked_body.h"

#include <Poco/Net/NetException.h>

#include <algorithm>
#include <array>

namespace ccs::http {
namespace {

constexpr std::size_t max_line = 4096;  // a size line with its extensions, or a trailer field
constexpr int max_trailer_fields = 64;
constexpr std::size_t max_size_digits = 15;  // more would overflow, and no answer here comes close

std::string read_line(ByteSource& source) {
    std::string line;
    for (int c = source.next_byte(); c != '\n'; c = source.next_byte()) {
        if (c < 0) throw Poco::Net::ConnectionResetException("the answer ended inside its chunked body");
        if (line.size() == max_line) throw Poco::Net::MessageException("a chunked body line is too long");
        line += static_cast<char>(c);
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// "1a2" or "1a2;name=value": hex digits, then nothing or a chunk extension (RFC 9112, 7.1.1).
std::size_t chunk_size(const std::string& line) {
    std::size_t size = 0;
    std::size_t digits = 0;
    for (; digits < line.size() && hex_digit(line[digits]) >= 0; ++digits) {
        if (digits == max_size_digits) throw Poco::Net::MessageException("a chunk size is too large");
        size = size * 16 + static_cast<std::size_t>(hex_digit(line[digits]));
    }
    const bool extension_follows =
        digits < line.size() && (line[digits] == ';' || line[digits] == ' ' || line[digits] == '\t');
    if (digits == 0 || (digits < line.size() && !extension_follows)) {
        throw Poco::Net::MessageException("the answer's chunked body has an invalid chunk size");
    }
    return size;
}

void read_chunk(ByteSource& source, std::size_t size, std::string& body,
                const std::function<void()>& before_read) {
    std::array<char, std::size_t{16} * 1024> buffer{};
    while (size > 0) {
        before_read();
        const int count =
            source.read_bytes(buffer.data(), static_cast<std::streamsize>(std::min(size, buffer.size())));
        if (count <= 0) throw Poco::Net::ConnectionResetException("the answer ended inside a chunk");
        body.append(buffer.data(), static_cast<std::size_t>(count));
        size -= static_cast<std::size_t>(count);
    }
    if (!read_line(source).empty()) throw Poco::Net::MessageException("a chunk is longer than its size says");
}

}  // namespace

std::optional<std::string> read_chunked_body(ByteSource& source, std::size_t max_body,
                                             const std::function<void()>& before_read) {
    std::string body;
    for (;;) {
        before_read();
        const std::size_t size = chunk_size(read_line(source));
        if (size == 0) break;
        if (size > max_body - body.size()) return std::nullopt;
        read_chunk(source, size, body, before_read);
    }
    // Trailer fields, up to the blank line that ends the answer.
    for (int fields = 0; !read_line(source).empty(); ++fields) {
        if (fields == max_trailer_fields) throw Poco::Net::MessageException("too many trailer fields");
    }
    return body;
}

}  // namespace ccs::http
