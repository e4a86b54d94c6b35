#include "emulator/http_wire.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>

namespace ccs::emu {

namespace {

constexpr std::size_t max_head_bytes = 1 << 20;  // room for a 100000-character token and then some
constexpr std::size_t max_body_bytes = 16 << 20;
constexpr std::chrono::milliseconds mid_request_timeout{30000};

double unix_ms_now() {
    return static_cast<double>(Poco::Timestamp().epochMicroseconds()) / 1000.0;
}

// "Name: value" lines after the request line; names keep their case.
HeaderList parse_header_lines(const std::string& head, std::string::size_type start) {
    HeaderList headers;
    while (start < head.size()) {
        auto end = head.find("\r\n", start);
        if (end == std::string::npos) end = head.size();
        const std::string line = head.substr(start, end - start);
        start = end + 2;
        if (line.empty()) break;
        const auto colon = line.find(':');
        if (colon == std::string::npos || colon == 0) throw WireError("malformed header line: " + line);
        headers.emplace_back(line.substr(0, colon), Poco::trim(line.substr(colon + 1)));
    }
    return headers;
}

ReceivedRequest parse_head(const std::string& head) {
    const auto line_end = head.find("\r\n");
    const std::string request_line = head.substr(0, line_end);
    const auto first_space = request_line.find(' ');
    const auto last_space = request_line.rfind(' ');
    if (first_space == std::string::npos || last_space == first_space) {
        throw WireError("malformed request line: " + request_line);
    }
    ReceivedRequest request;
    request.method = request_line.substr(0, first_space);
    const std::string target = request_line.substr(first_space + 1, last_space - first_space - 1);
    request.version = request_line.substr(last_space + 1);
    const auto question = target.find('?');
    request.path = target.substr(0, question);
    if (question != std::string::npos) request.query = target.substr(question + 1);
    request.headers = parse_header_lines(head, line_end + 2);
    return request;
}

bool has_header(const HeaderList& headers, const std::string& name) {
    for (const auto& header : headers) {
        if (Poco::icompare(header.first, name) == 0) return true;
    }
    return false;
}

}  // namespace

std::optional<ReceivedRequest> WireReader::next(std::chrono::milliseconds idle) {
    if (pending_.empty() && !fill(idle)) return std::nullopt;
    ReceivedRequest request = parse_head(read_through("\r\n\r\n", max_head_bytes));
    request.body = read_body(request);
    request.received_unix_ms = unix_ms_now();
    return request;
}

bool WireReader::fill(std::chrono::milliseconds timeout) {
    // Poll first (SSL may already hold decrypted bytes, hence available()) so a silent client costs
    // a bounded wait rather than a blocked thread.
    const Poco::Timespan wait(static_cast<long>(timeout.count() / 1000),
                              static_cast<long>(timeout.count() % 1000) * 1000);
    if (socket_.available() <= 0 && !socket_.poll(wait, Poco::Net::Socket::SELECT_READ)) return false;
    char buffer[65536];
    const int received = socket_.receiveBytes(buffer, sizeof(buffer));
    if (received <= 0) return false;
    pending_.append(buffer, static_cast<std::size_t>(received));
    return true;
}

std::string WireReader::read_through(const std::string& delimiter, std::size_t limit) {
    std::string::size_type found;
    while ((found = pending_.find(delimiter)) == std::string::npos) {
        if (pending_.size() > limit) throw WireError("request head too large");
        if (!fill(mid_request_timeout)) throw WireError("connection ended inside a request");
    }
    std::string taken = pending_.substr(0, found + delimiter.size());
    pending_.erase(0, found + delimiter.size());
    return taken;
}

std::string WireReader::read_exact(std::size_t count) {
    while (pending_.size() < count) {
        if (!fill(mid_request_timeout)) throw WireError("connection ended inside a request body");
    }
    std::string taken = pending_.substr(0, count);
    pending_.erase(0, count);
    return taken;
}

std::string WireReader::read_body(const ReceivedRequest& head) {
    const std::string* encoding = head.header("Transfer-Encoding");
    if (encoding && Poco::icompare(*encoding, "chunked") == 0) return read_chunked_body();
    const std::string* length = head.header("Content-Length");
    if (!length) return {};  // no length, no chunks: no body (RFC 9112, 6.3)
    std::uint64_t count = 0;
    if (!Poco::NumberParser::tryParseUnsigned64(*length, count) || count > max_body_bytes) {
        throw WireError("bad Content-Length: " + *length);
    }
    return read_exact(static_cast<std::size_t>(count));
}

std::string WireReader::read_chunked_body() {
    std::string body;
    while (true) {
        const std::string size_line = read_through("\r\n", 1024);
        unsigned size = 0;
        if (!Poco::NumberParser::tryParseHex(Poco::trim(size_line.substr(0, size_line.find(';'))), size)) {
            throw WireError("bad chunk size");
        }
        if (size == 0) break;
        if (body.size() + size > max_body_bytes) throw WireError("request body too large");
        body += read_exact(size);
        read_exact(2);  // the CRLF after the chunk
    }
    while (read_through("\r\n", 8192) != "\r\n") {
        // trailer fields: ignored
    }
    return body;
}

std::string format_head(const Answer& answer, const std::string& request_id, bool close,
                        std::size_t content_length) {
    HeaderList headers = answer.headers;
    const auto add_default = [&headers](const std::string& name, const std::string& value) {
        if (!has_header(headers, name)) headers.emplace_back(name, value);
    };
    add_default("Content-Type", "application/json");
    add_default("Content-Length", std::to_string(content_length));
    add_default("X-Request-Id", request_id);
    add_default("Connection", close ? "close" : "keep-alive");
    add_default("Server", "codearts-check-emulator");
    std::string head =
        "HTTP/1.1 " + std::to_string(answer.status) + " " + reason_phrase(answer.status) + "\r\n";
    for (const auto& [name, value] : headers) head.append(name).append(": ").append(value).append("\r\n");
    return head.append("\r\n");
}

std::string format_answer(const Answer& answer, const std::string& request_id, bool close) {
    return format_head(answer, request_id, close, answer.body.size()) + answer.body;
}

void send_all(Poco::Net::StreamSocket& socket, const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const int count = socket.sendBytes(bytes.data() + sent, static_cast<int>(bytes.size() - sent));
        if (count <= 0) throw WireError("the peer stopped receiving");
        sent += static_cast<std::size_t>(count);
    }
}

std::string reason_phrase(int status) {
    switch (status) {
        case 200: return "OK";
        case 201: return "Created";
        case 204: return "No Content";
        case 302: return "Found";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 502: return "Bad Gateway";
        case 503: return "Service Unavailable";
        case 504: return "Gateway Timeout";
        default: return "Status " + std::to_string(status);
    }
}

}  // namespace ccs::emu
