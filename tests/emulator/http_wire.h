// The emulator's own HTTP/1.1 reader and writer. The emulator owns the wire instead of using
// Poco::Net::HTTPServer because faults need the raw socket, and because Poco's server refuses header
// values over 8 KB while real IAM tokens may be far longer (the API allows up to 100000 characters).
#pragma once

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

#include "emulator/answer.h"
#include "emulator/received_request.h"

namespace ccs::emu {

// The bytes received are not an HTTP request we can answer; the connection is dropped.
class WireError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Reads successive requests from one connection (keep-alive), buffering what arrives early.
class WireReader {
public:
    explicit WireReader(Poco::Net::StreamSocket& socket) : socket_(socket) {}

    // The next request, or nullopt when the client closed the connection or sent nothing for `idle`.
    // Throws WireError on malformed input and Poco::Exception on socket errors.
    std::optional<ReceivedRequest> next(std::chrono::milliseconds idle);

private:
    bool fill(std::chrono::milliseconds timeout);  // false: end of stream or timeout
    std::string read_through(const std::string& delimiter, std::size_t limit);
    std::string read_exact(std::size_t count);
    std::string read_body(const ReceivedRequest& head);
    std::string read_chunked_body();

    Poco::Net::StreamSocket& socket_;
    std::string pending_;
};

// Status line, headers and body, ready to send. The wire adds Content-Type (JSON), Content-Length,
// X-Request-Id, Connection and Server unless the answer's own headers name them.
std::string format_answer(const Answer& answer, const std::string& request_id, bool close);

// Only the status line and headers; `content_length` is what the Content-Length header claims.
std::string format_head(const Answer& answer, const std::string& request_id, bool close,
                        std::size_t content_length);

// Sends every byte (sendBytes may send less than asked). Throws Poco::Exception on socket errors.
void send_all(Poco::Net::StreamSocket& socket, const std::string& bytes);

std::string reason_phrase(int status);

}  // namespace ccs::emu
