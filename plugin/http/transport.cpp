#include "http/transport.h"

#include <cerrno>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPBasicCredentials.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketImpl.h>
#include <Poco/Timespan.h>

#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <istream>

#include "http/chunked_body.h"
#include "http/resolver.h"

namespace ccs::http {
namespace {

using Clock = std::chrono::steady_clock;
using Millis = std::chrono::milliseconds;

// A kept-alive connection idle for longer is not reused: servers and load balancers close idle
// connections after a few seconds, and a request written into one that is closing is lost.
constexpr Millis max_idle{4000};

// Interim answers one request may get before its final one; more is a server going round in circles.
constexpr int max_interim_answers = 8;

// Poco never decides to reconnect by itself (it would resolve the host name again and go around the
// proxy): this connection's own idle limit is the one that counts.
const Poco::Timespan never(86400, 0);

// A session over a socket this connection connected (to an address resolved within the deadline,
// through the proxy, TLS done), never one Poco connects itself. The host name still names the
// server: in the Host header, for SNI and for the certificate check. It also lends its buffered
// bytes to the strict chunked reader.
template <class Base>
class OwnSocketSession : public Base, public ByteSource {
public:
    using Base::Base;
    void attach(const Poco::Net::StreamSocket& socket) { this->attachSocket(socket); }
    int next_byte() override { return this->get(); }
    int read_bytes(char* buffer, std::streamsize length) override { return this->read(buffer, length); }
    int buffered_bytes() const override { return this->buffered(); }
};
using PlainSession = OwnSocketSession<Poco::Net::HTTPClientSession>;
using SecureSession = OwnSocketSession<Poco::Net::HTTPSClientSession>;

// "host:port" as CONNECT names it, IPv6 in brackets.
std::string connect_target(const Origin& origin) {
    const bool ipv6 = origin.host.find(':') != std::string::npos;
    return (ipv6 ? "[" + origin.host + "]" : origin.host) + ":" + std::to_string(origin.port);
}

Poco::Timespan timespan(Millis millis) {
    // Never 0: Poco (and SO_RCVTIMEO) take a zero timeout as "wait forever".
    return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(std::max<Millis::rep>(millis.count(), 1)) *
                          1000);
}

void require_time_left(const Deadline& deadline) {
    if (deadline.expired()) throw Poco::TimeoutException("the deadline passed");
}

// CR, LF or NUL in a header would end the line and start another: header injection. Inputs refuse
// such values long before; this is the last line of defence, right before the bytes go out.
void check_header(const Header& header) {
    const auto unsafe = [](const std::string& text) {
        return text.find_first_of(std::string("\r\n\0", 3)) != std::string::npos;
    };
    if (unsafe(header.name) || unsafe(header.value) || header.name.find(':') != std::string::npos) {
        throw Poco::InvalidArgumentException(
            "refusing to send header " +
            std::string(unsafe(header.name) ? "(unprintable name)" : header.name) +
            ": it contains a line break or NUL");
    }
}

Poco::Net::HTTPRequest to_poco(const HttpRequest& request) {
    Poco::Net::HTTPRequest poco(request.method, request.target(), Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& header : request.headers) {
        check_header(header);
        poco.set(header.name, header.value);
    }
    if (!request.body.empty() || request.method == "POST") {
        poco.setContentLength(static_cast<std::streamsize>(request.body.size()));
    }
    poco.setKeepAlive(true);
    return poco;
}

HttpResponse from_poco(const Poco::Net::HTTPResponse& poco) {
    HttpResponse response;
    response.status = static_cast<int>(poco.getStatus());
    response.reason = poco.getReason();
    for (const auto& [name, value] : poco) response.headers.push_back({name, value});
    return response;
}

bool mentions(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

// TLS failures the user must act on (a certificate that is not trusted or not for this host) are told
// as such; a handshake the server broke off is a connection problem, worth another try.
TransportError classify_tls(const Poco::Net::SSLException& error, const std::string& host) {
    using Kind = TransportErrorKind;
    const std::string text = error.displayText();
    if (dynamic_cast<const Poco::Net::CertificateValidationException*>(&error) ||
        mentions(text, "Unacceptable certificate")) {
        return {Kind::Tls,
                "the server's certificate is not valid for the host name " + host + " (" + text + ")"};
    }
    if (mentions(text, "certificate verify failed") || mentions(text, "certificate")) {
        return {Kind::Tls, "the server's certificate is not trusted (" + text +
                               "): give its CA with --ca-file, or through SSL_CERT_FILE or SSL_CERT_DIR"};
    }
    if (dynamic_cast<const Poco::Net::SSLConnectionUnexpectedlyClosedException*>(&error) ||
        mentions(text, "unexpected eof") || mentions(text, "reset") || mentions(text, "closed")) {
        return {Kind::Reset, "the TLS handshake was broken off (" + text + ")"};
    }
    return {Kind::Tls, "the TLS handshake failed (" + text + ")"};
}

// The system calls' answers that mean this machine, not the network, is short of something. Poco
// passes errno on as the exception's code.
bool is_local_limit(const Poco::Exception& error) {
    const int code = error.code();
    return code == EMFILE || code == ENFILE || code == ENOMEM || code == ENOBUFS;
}

TransportError classify(const Poco::Exception& error, const std::string& host) {
    using Kind = TransportErrorKind;
    const std::string text = error.displayText();
    if (is_local_limit(error)) return {Kind::LocalLimit, text};
    if (dynamic_cast<const Poco::TimeoutException*>(&error)) return {Kind::Timeout, text};
    if (dynamic_cast<const Poco::Net::ConnectionRefusedException*>(&error)) return {Kind::Refused, text};
    if (dynamic_cast<const Poco::Net::DNSException*>(&error)) {
        return {Kind::Dns, "the host name " + host + " does not resolve (" + text + ")"};
    }
    if (const auto* tls = dynamic_cast<const Poco::Net::SSLException*>(&error))
        return classify_tls(*tls, host);
    if (dynamic_cast<const Poco::Net::ConnectionResetException*>(&error) ||
        dynamic_cast<const Poco::Net::ConnectionAbortedException*>(&error) ||
        dynamic_cast<const Poco::Net::NoMessageException*>(&error)) {
        return {Kind::Reset, text};
    }
    if (dynamic_cast<const Poco::Net::MessageException*>(&error)) return {Kind::Malformed, text};
    if (dynamic_cast<const Poco::InvalidArgumentException*>(&error)) return {Kind::Unsendable, text};
    return {Kind::Other, text};
}

}  // namespace

const char* to_string(TransportErrorKind kind) {
    switch (kind) {
        case TransportErrorKind::Refused: return "connection refused";
        case TransportErrorKind::Reset: return "connection reset";
        case TransportErrorKind::Timeout: return "timed out";
        case TransportErrorKind::Tls: return "TLS failure";
        case TransportErrorKind::Dns: return "host name not resolved";
        case TransportErrorKind::TooLarge: return "answer too large";
        case TransportErrorKind::Malformed: return "malformed answer";
        case TransportErrorKind::Unsendable: return "request not sent";
        case TransportErrorKind::LocalLimit: return "out of local resources";
        case TransportErrorKind::Other: return "network error";
    }
    return "network error";
}

void initialize_transport() {
    Poco::Net::initializeSSL();
}

Connection::Connection(Origin origin, SharedTlsContext tls, const ProxySetting& proxy)
    : origin_(std::move(origin)),
      // None given: the system store alone.
      tls_(tls ? std::move(tls) : std::make_shared<const TlsContext>(TlsOptions{})),
      proxy_(proxy_for(origin_, proxy)) {}

Connection::~Connection() = default;

Exchange Connection::send(const HttpRequest& request, const Deadline& deadline) {
    const auto started = Clock::now();
    Exchange result;
    bool cut_off = false;
    {
        // The socket timeouts come from the deadline as it was when they were set, and bound each
        // read, not the exchange. So when this attempt's deadline passes (or the run's, cut short by a
        // signal after they were set), the socket is shut down: a read still waiting ends, and so
        // does an exchange that bytes keep trickling into.
        const Deadline::Alarm expiry = deadline.when_expired([this] { shut_down_socket(); });
        connected_ = false;
        try {
            result = exchange(request, deadline);
        } catch (const Poco::Exception& error) {
            result.error = classify(error, origin_.host);
        } catch (const std::exception& error) {
            result.error = {TransportErrorKind::Other, error.what()};
        }
        cut_off = expiry.fired();
    }
    result.connected = connected_;
    if (cut_off && !result.answered()) {
        result.error = {TransportErrorKind::Timeout, "no whole answer within the time this attempt had"};
    }
    // A connection in an unknown state (or shut down by the alarm) is never reused.
    if (!result.answered() || cut_off) close_session();
    last_used_ = Clock::now();
    result.elapsed = std::chrono::duration_cast<Millis>(last_used_ - started);
    return result;
}

void Connection::shut_down_socket() {
    // Runs on the timer thread while this connection's worker may be blocked in a read, so it
    // touches nothing but the descriptor: shutdown(2) wakes the read (Poco's own shutdown would also
    // write a TLS alert through OpenSSL state the worker is using). Closing stays with the worker, and
    // the descriptor is only known here while the session that owns it is open.
    const std::lock_guard<std::mutex> lock(socket_mutex_);
    if (open_fd_ != POCO_INVALID_SOCKET) ::shutdown(open_fd_, SHUT_RDWR);
}

void Connection::close_session() {
    {
        const std::lock_guard<std::mutex> lock(socket_mutex_);
        open_fd_ = POCO_INVALID_SOCKET;
    }
    bytes_ = nullptr;
    session_.reset();
}

void Connection::watch(const Poco::Net::StreamSocket& socket) {
    const std::lock_guard<std::mutex> lock(socket_mutex_);
    const Poco::Net::SocketImpl* impl = socket.impl();
    open_fd_ = impl ? impl->sockfd() : POCO_INVALID_SOCKET;
}

bool Connection::reusable() {
    return session_ && session_->connected() && Clock::now() - last_used_ < max_idle && quiet();
}

bool Connection::quiet() {
    // Bytes (or the end) waiting on an idle connection answer no request of ours: a late part of the
    // last answer, or the server closing. The next request must not read them as its answer.
    try {
        return bytes_->buffered_bytes() == 0 &&
               !session_->socket().poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ);
    } catch (const Poco::Exception&) {
        return false;
    }
}

Poco::Net::StreamSocket Connection::connect_socket(const Deadline& deadline) {
    // Only the proxy's name needs resolving when there is one: it resolves the server's for us.
    const std::string& host = proxy_ ? proxy_->host : origin_.host;
    const std::uint16_t port = proxy_ ? proxy_->port : origin_.port;
    const Poco::Net::SocketAddress address = resolve(host, port, deadline);
    require_time_left(deadline);
    Poco::Net::StreamSocket socket(address.family());
    watch(socket);  // from here on, the alarm can end every wait on it
    const auto left = timespan(deadline.remaining());
    socket.connect(address, left);
    socket.setReceiveTimeout(left);  // for a proxy's answer to CONNECT
    socket.setSendTimeout(left);
    socket.setNoDelay(true);
    return socket;
}

void Connection::open_tunnel(Poco::Net::StreamSocket& socket, const Deadline& deadline) {
    Poco::Net::HTTPClientSession proxy_session(socket);
    const auto left = timespan(deadline.remaining());
    proxy_session.setTimeout(left, left, left);
    Poco::Net::HTTPRequest connect(Poco::Net::HTTPRequest::HTTP_CONNECT, connect_target(origin_),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    connect.setHost(connect_target(origin_));
    connect.set("Proxy-Connection", "keep-alive");
    if (!proxy_->username.empty()) {
        Poco::Net::HTTPBasicCredentials(proxy_->username, proxy_->password).proxyAuthenticate(connect);
    }
    proxy_session.sendRequest(connect);
    Poco::Net::HTTPResponse answer;
    proxy_session.receiveResponse(answer);
    proxy_session.detachSocket();
    if (answer.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) {
        throw Poco::Net::HTTPException("the proxy did not open a tunnel: HTTP " +
                                       std::to_string(answer.getStatus()) + " " + answer.getReason());
    }
}

void Connection::open(const Deadline& deadline) {
    if (reusable()) return;
    close_session();
    Poco::Net::StreamSocket socket = connect_socket(deadline);
    require_time_left(deadline);
    if (proxy_ && origin_.secure()) open_tunnel(socket, deadline);

    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    ByteSource* bytes = nullptr;
    require_time_left(deadline);
    const auto left = timespan(deadline.remaining());
    socket.setReceiveTimeout(left);
    socket.setSendTimeout(left);
    if (origin_.secure()) {
        // The handshake happens here, each read bounded by `left` and the whole by the alarm.
        const auto secure_socket =
            Poco::Net::SecureStreamSocket::attach(socket, origin_.host, tls_->context());
        auto secure = std::make_unique<SecureSession>(origin_.host, origin_.port, tls_->context());
        secure->attach(secure_socket);
        bytes = secure.get();
        session = std::move(secure);
    } else {
        auto plain = std::make_unique<PlainSession>(origin_.host, origin_.port);
        if (proxy_) {
            // A plain-HTTP request goes to the proxy whole (absolute URI, Proxy-Authorization).
            Poco::Net::HTTPClientSession::ProxyConfig config;
            config.host = socket.peerAddress().host().toString();
            config.port = socket.peerAddress().port();
            config.username = proxy_->username;
            config.password = proxy_->password;
            plain->setProxyConfig(config);
        }
        plain->attach(socket);
        bytes = plain.get();
        session = std::move(plain);
    }
    session->setKeepAlive(true);
    session->setKeepAliveTimeout(never);
    session_ = std::move(session);
    bytes_ = bytes;
}

std::istream& Connection::receive_final_answer(Poco::Net::HTTPResponse& response, const Deadline& deadline) {
    // Interim answers (1xx: 102 Processing, 103 Early Hints; Poco skips only 100) say nothing about
    // the request's outcome; the final answer follows them. 101 would switch protocols: not HTTP then.
    for (int interim = 0;; ++interim) {
        require_time_left(deadline);
        session_->setTimeout(timespan(deadline.remaining()));
        session_->socket().setReceiveTimeout(timespan(deadline.remaining()));
        std::istream& body_stream = session_->receiveResponse(response);
        const int status = static_cast<int>(response.getStatus());
        if (status < 100 || status >= 200) return body_stream;
        if (status == 101 || interim == max_interim_answers) {
            throw Poco::Net::MessageException("the server answered " + std::to_string(status) +
                                              " and no final answer");
        }
    }
}

std::optional<std::string> Connection::read_body(std::istream& body_stream,
                                                 const Poco::Net::HTTPResponse& response,
                                                 const Deadline& deadline) {
    // Each read may wait only for what is left of the deadline.
    const auto before_read = [&] {
        require_time_left(deadline);
        session_->socket().setReceiveTimeout(timespan(deadline.remaining()));
    };
    const int status = static_cast<int>(response.getStatus());
    if (response.getChunkedTransferEncoding() && status != 204 && status != 304) {
        return read_chunked_body(*bytes_, max_response_body, before_read);
    }
    // Let a timeout or reset inside the body stream surface as itself, not as a silent short read.
    body_stream.exceptions(std::ios::badbit);
    std::string body;
    std::array<char, std::size_t{16} * 1024> chunk{};
    while (body_stream) {
        before_read();
        body_stream.read(chunk.data(), chunk.size());
        body.append(chunk.data(), static_cast<std::size_t>(body_stream.gcount()));
        if (body.size() > max_response_body) return std::nullopt;
    }
    if (response.hasContentLength() &&
        static_cast<std::streamsize>(body.size()) < response.getContentLength()) {
        throw Poco::Net::ConnectionResetException("the answer ended before its announced length");
    }
    return body;
}

Exchange Connection::exchange(const HttpRequest& request, const Deadline& deadline) {
    require_time_left(deadline);
    Poco::Net::HTTPRequest poco_request = to_poco(request);
    open(deadline);
    connected_ = true;

    require_time_left(deadline);
    const auto left = timespan(deadline.remaining());
    session_->setTimeout(left, left, left);
    session_->socket().setSendTimeout(left);
    session_->socket().setReceiveTimeout(left);
    session_->sendRequest(poco_request) << request.body;

    Poco::Net::HTTPResponse poco_response;
    std::istream& body_stream = receive_final_answer(poco_response, deadline);
    Exchange result;
    HttpResponse response = from_poco(poco_response);
    std::optional<std::string> body = read_body(body_stream, poco_response, deadline);
    if (!body) {
        result.error = {TransportErrorKind::TooLarge,
                        "the answer is larger than " + std::to_string(max_response_body) + " bytes"};
        return result;
    }
    response.body = std::move(*body);
    // The server said it closes the connection: do not write the next request into it. Nor when
    // bytes beyond the answer arrived: they would be read as the next request's answer.
    if (!poco_response.getKeepAlive() || !quiet()) close_session();
    result.response = std::move(response);
    return result;
}

}  // namespace ccs::http
