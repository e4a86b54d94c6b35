#include "emulator/faults.h"

#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "emulator/http_wire.h"

namespace ccs::emu {

namespace {

using std::chrono::milliseconds;

constexpr auto hang_limit = std::chrono::seconds(120);
constexpr std::size_t huge_body_bytes = 50u << 20;
constexpr std::size_t huge_chunk_bytes = 64u << 10;
const std::string redirect_origin = "http://198.51.100.7";  // TEST-NET-2: routes nowhere

int close_connection(Poco::Net::StreamSocket& socket) {
    socket.shutdown();  // FIN (after close_notify on TLS); the connection ends without an answer
    return 0;
}

// True when the client closed its side (or the socket failed) within `wait`.
bool peer_gone(Poco::Net::StreamSocket& socket, milliseconds wait) {
    try {
        if (!socket.poll(Poco::Timespan(wait.count() * 1000), Poco::Net::Socket::SELECT_READ)) return false;
        char discard[4096];
        return socket.receiveBytes(discard, sizeof(discard)) <= 0;
    } catch (const Poco::Exception&) {
        return true;
    }
}

// Holds the connection open and silent. Returns early when the client gives up, so a hanging test
// client does not keep one of the emulator's threads for two minutes after it left.
int hang(FaultContext& context) {
    const auto until = std::chrono::steady_clock::now() + hang_limit;
    while (std::chrono::steady_clock::now() < until && !context.shutdown.triggered()) {
        if (peer_gone(context.socket, milliseconds(100))) break;
    }
    return 0;
}

int truncate(FaultContext& context) {
    const Answer answer = context.normal_answer();
    const std::size_t claimed = answer.body.size() + 512;
    context.before_send(answer.status);
    send_all(context.socket, format_head(answer, context.request_id, true, claimed) + answer.body);
    context.socket.shutdown();
    return answer.status;
}

int drip(FaultContext& context, milliseconds interval) {
    const Answer answer = context.normal_answer();
    const std::string bytes = format_answer(answer, context.request_id, true);
    context.before_send(answer.status);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i > 0 && !context.shutdown.sleep_for(interval)) break;
        send_all(context.socket, bytes.substr(i, 1));
    }
    return answer.status;
}

// 50 MB of a JSON-looking progress body, streamed: for clients that must cap what they read.
int huge(FaultContext& context) {
    const std::string prefix = R"({"task_status":0,"progress":{"ratio":"50%","info":")";
    const std::string suffix = R"("}})";
    context.before_send(200);
    send_all(context.socket, format_head(json_answer(200, ""), context.request_id, true, huge_body_bytes));
    send_all(context.socket, prefix);
    const std::string filler(huge_chunk_bytes, 'x');
    std::size_t left = huge_body_bytes - prefix.size() - suffix.size();
    while (left > 0 && !context.shutdown.triggered()) {
        const std::size_t count = std::min(left, filler.size());
        send_all(context.socket, filler.substr(0, count));
        left -= count;
    }
    if (left == 0) send_all(context.socket, suffix);
    return 200;
}

// The normal answer after two interim ones (102 and 103): the client must skip both.
int interim(FaultContext& context) {
    const Answer answer = context.normal_answer();
    context.before_send(answer.status);
    send_all(context.socket,
             "HTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>; rel=preload\r\n\r\n");
    send_all(context.socket, format_answer(answer, context.request_id, true));
    return answer.status;
}

// A chunked answer: "bad" announces a chunk whose size is not hexadecimal; otherwise the body stops
// in the middle of its chunk and the connection closes.
int chunked(FaultContext& context, bool bad) {
    Answer answer = context.normal_answer();
    answer.headers.push_back({"Transfer-Encoding", "chunked"});
    std::string head = format_head(answer, context.request_id, true, 0);
    head.erase(head.find("Content-Length: 0\r\n"), std::string("Content-Length: 0\r\n").size());
    const std::string body = answer.body.empty() ? "{}" : answer.body;
    context.before_send(answer.status);
    char size[16];
    std::snprintf(size, sizeof size, "%zx\r\n", body.size() + 16);
    send_all(context.socket, head + (bad ? std::string("zz\r\n") + body : size + body));
    context.socket.shutdown();
    return answer.status;
}

// The normal answer, kept alive, then a second whole answer nobody asked for: a client that reads the
// next answer from this connection gets a stale "{}" (a stop's success) instead.
int extra_bytes(FaultContext& context) {
    const Answer answer = context.normal_answer();
    context.before_send(answer.status);
    send_all(context.socket, format_answer(answer, context.request_id, false) +
                                 format_answer(Answer{200, {}, "{}"}, context.request_id, false));
    context.shutdown.sleep_for(milliseconds(500));  // let the client try to reuse the connection
    return answer.status;
}

// To `location` as given, or to the default origin with the same path.
int redirect(FaultContext& context, const std::string& location) {
    const ReceivedRequest& request = context.request;
    const std::string target = request.query.empty() ? request.path : request.path + "?" + request.query;
    const std::string to = location.empty() ? redirect_origin + target : location;
    Answer answer{302, {{"Location", to}, {"Content-Type", "text/html"}}, ""};
    context.before_send(answer.status);
    send_all(context.socket, format_answer(answer, context.request_id, true));
    return answer.status;
}

}  // namespace

// Sends RST instead of FIN, TLS or not. A zero linger makes close() reset the connection, and dup2()
// performs that close in place: the descriptor number stays open (now an unconnected socket) for the
// Poco socket that still owns it, so Poco's own close later can never hit a reused number, and no TLS
// close_notify reaches the client first.
void reset_connection(Poco::Net::StreamSocket& socket) {
    const int fd = socket.impl()->sockfd();
    const linger abort_on_close{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof(abort_on_close));
    const int placeholder = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (placeholder >= 0) {
        ::dup2(placeholder, fd);
        ::close(placeholder);
    }
}

void drip_raw(Poco::Net::StreamSocket& socket, milliseconds interval, const ShutdownSignal& shutdown) {
    // A TLS handshake record header announcing 16 KB, then its "body", straight onto the descriptor.
    const std::string bytes = std::string("\x16\x03\x03\x40\x00", 5) + std::string(16384, '\x01');
    const int fd = socket.impl()->sockfd();
    const auto until = std::chrono::steady_clock::now() + hang_limit;
    for (std::size_t i = 0; i < bytes.size() && std::chrono::steady_clock::now() < until; ++i) {
        if (i > 0 && !shutdown.sleep_for(interval)) return;
        char discard[4096];  // the client's hello, read raw: the TLS layer must not answer it
        if (::recv(fd, discard, sizeof discard, MSG_DONTWAIT) == 0) return;  // the client left
        if (::send(fd, &bytes[i], 1, MSG_NOSIGNAL) != 1) return;
    }
}

int perform_fault(const Rule& rule, FaultContext& context) {
    switch (*rule.fault) {
        case Fault::Reset: reset_connection(context.socket); return 0;
        case Fault::Close: return close_connection(context.socket);
        case Fault::Hang: return hang(context);
        case Fault::Truncate: return truncate(context);
        case Fault::Drip: return drip(context, milliseconds(rule.drip_ms));
        case Fault::Huge: return huge(context);
        case Fault::Redirect: return redirect(context, rule.location);
        case Fault::Interim: return interim(context);
        case Fault::BadChunked: return chunked(context, true);
        case Fault::CutChunked: return chunked(context, false);
        case Fault::ExtraBytes: return extra_bytes(context);
        case Fault::ResetOnAccept:
        case Fault::DripOnAccept:
            reset_connection(context.socket);
            return 0;  // not reached: see connection.cpp
    }
    return 0;
}

}  // namespace ccs::emu
