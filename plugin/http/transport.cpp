#include "http/transport.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SocketImpl.h>
#include <Poco/Timespan.h>

#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <istream>

#include "http/expiry_timer.h"
#include "http/resolver.h"

namespace ccs::http {
namespace {

using Clock = std::chrono::steady_clock;
using Millis = std::chrono::milliseconds;

// A kept-alive connection idle for longer is not reused: servers and load balancers close idle
// connections after a few seconds, and a request written into one that is closing is lost.
constexpr Millis max_idle{4000};

// A session that connects to an address resolved beforehand (within the deadline) instead of
// resolving the host name itself, which could block for longer than the run may take. The host name
// still names the server: in the Host header, for SNI and for the certificate check.
template <class Base>
class PreResolvedSession : public Base {
public:
    using Base::Base;
    void connect_to(const Poco::Net::SocketAddress& address) { this->connect(address); }
};
using PlainSession = PreResolvedSession<Poco::Net::HTTPClientSession>;
using SecureSession = PreResolvedSession<Poco::Net::HTTPSClientSession>;

Poco::Timespan timespan(Millis millis) {
    // Never 0: Poco (and SO_RCVTIMEO) take a zero timeout as "wait forever".
    return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(std::max<Millis::rep>(millis.count(), 1)) * 1000);
}

void require_time_left(const Deadline& deadline) {
    if (deadline.expired()) throw Poco::TimeoutException("the deadline passed");
}

// CR, LF or NUL in a header would end the line and start another: header injection. Inputs refuse
// such values long before; this is the last line of defence, right before the bytes go out.
void check_header(const Header& header) {
    const auto unsafe = [](const std::string& text) { return text.find_first_of(std::string("\r\n\0", 3)) != std::string::npos; };
    if (unsafe(header.name) || unsafe(header.value) || header.name.find(':') != std::string::npos) {
        throw Poco::InvalidArgumentException("refusing to send header " + std::string(unsafe(header.name) ? "(unprintable name)" : header.name) +
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

bool mentions(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

// TLS failures the user must act on (a certificate that is not trusted or not for this host) are told
// as such; a handshake the server broke off is a connection problem, worth another try.
TransportError classify_tls(const Poco::Net::SSLException& error, const std::string& host) {
    using Kind = TransportErrorKind;
    const std::string text = error.displayText();
    if (dynamic_cast<const Poco::Net::CertificateValidationException*>(&error) || mentions(text, "Unacceptable certificate")) {
        return {Kind::Tls, "the server's certificate is not valid for the host name " + host + " (" + text + ")"};
    }
    if (mentions(text, "certificate verify failed") || mentions(text, "certificate")) {
        return {Kind::Tls, "the server's certificate is not trusted (" + text +
                               "): give its CA with --ca-file, or through SSL_CERT_FILE or SSL_CERT_DIR"};
    }
    if (dynamic_cast<const Poco::Net::SSLConnectionUnexpectedlyClosedException*>(&error) || mentions(text, "unexpected eof") ||
        mentions(text, "reset") || mentions(text, "closed")) {
        return {Kind::Reset, "the TLS handshake was broken off (" + text + ")"};
    }
    return {Kind::Tls, "the TLS handshake failed (" + text + ")"};
}

TransportError classify(const Poco::Exception& error, const std::string& host) {
    using Kind = TransportErrorKind;
    const std::string text = error.displayText();
    if (dynamic_cast<const Poco::TimeoutException*>(&error)) return {Kind::Timeout, text};
    if (dynamic_cast<const Poco::Net::ConnectionRefusedException*>(&error)) return {Kind::Refused, text};
    if (dynamic_cast<const Poco::Net::DNSException*>(&error)) {
        return {Kind::Dns, "the host name " + host + " does not resolve (" + text + ")"};
    }
    if (const auto* tls = dynamic_cast<const Poco::Net::SSLException*>(&error)) return classify_tls(*tls, host);
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
        case TransportErrorKind::Other: return "network error";
    }
    return "network error";
}

void initialize_transport() { Poco::Net::initializeSSL(); }

Connection::Connection(Origin origin, SharedTlsContext tls, const ProxySettings& proxy)
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
        // The socket timeouts come from the deadline as it was when they were set; a signal may cut
        // the deadline shorter afterwards, and then its watchdog ends a read still waiting.
        const Deadline::AbortGuard abort = deadline.abort_when_expired([this] { shut_down_socket(); });
        // And this attempt's own deadline (shorter than the run's) ends it even when bytes keep
        // trickling in, which no socket timeout does.
        const ExpiryTimer timer(deadline, [this] { shut_down_socket(); });
        connected_ = false;
        try {
            result = exchange(request, deadline);
        } catch (const Poco::Exception& error) {
            result.error = classify(error, origin_.host);
        } catch (const std::exception& error) {
            result.error = {TransportErrorKind::Other, error.what()};
        }
        cut_off = abort.fired() || timer.fired();
    }
    result.connected = connected_;
    if (cut_off && !result.answered()) {
        result.error = {TransportErrorKind::Timeout, "no whole answer within the time this attempt had"};
    }
    // A connection in an unknown state (or shut down by the watchdog) is never reused.
    if (!result.answered() || cut_off) close_session();
    last_used_ = Clock::now();
    result.elapsed = std::chrono::duration_cast<Millis>(last_used_ - started);
    return result;
}

void Connection::shut_down_socket() {
    // Runs on the watchdog thread while this connection's worker may be blocked in a read, so it
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
    session_.reset();
}

void Connection::open(const Deadline& deadline) {
    if (session_ && session_->connected() && Clock::now() - last_used_ < max_idle) return;
    close_session();
    // Only the proxy's name needs resolving when there is one: it resolves the server's for us.
    const std::string& host = proxy_ ? proxy_->host : origin_.host;
    const std::uint16_t port = proxy_ ? proxy_->port : origin_.port;
    const Poco::Net::SocketAddress address = resolve(host, port, deadline);
    require_time_left(deadline);

    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (origin_.secure()) {
        session = std::make_unique<SecureSession>(origin_.host, origin_.port, tls_->context());
    } else {
        session = std::make_unique<PlainSession>(origin_.host, origin_.port);
    }
    if (proxy_) {
        Poco::Net::HTTPClientSession::ProxyConfig config;
        config.host = address.host().toString();  // resolved: Poco must not resolve it again
        config.port = address.port();
        config.username = proxy_->username;
        config.password = proxy_->password;
        session->setProxyConfig(config);
    }
    session->setKeepAlive(true);
    const auto left = timespan(deadline.remaining());
    session->setTimeout(left, left, left);  // the TLS handshake is bounded by the connect timeout too
    if (origin_.secure()) {
        static_cast<SecureSession&>(*session).connect_to(address);
    } else {
        static_cast<PlainSession&>(*session).connect_to(address);
    }
    session_ = std::move(session);
    const std::lock_guard<std::mutex> lock(socket_mutex_);
    const Poco::Net::SocketImpl* socket = session_->socket().impl();
    open_fd_ = socket ? socket->sockfd() : POCO_INVALID_SOCKET;
}

Exchange Connection::exchange(const HttpRequest& request, const Deadline& deadline) {
    require_time_left(deadline);
    Poco::Net::HTTPRequest poco_request = to_poco(request);
    open(deadline);
    connected_ = true;

    require_time_left(deadline);
    const auto left = timespan(deadline.remaining());
    session_->setTimeout(left, left, left);
    session_->sendRequest(poco_request) << request.body;

    require_time_left(deadline);
    session_->setTimeout(timespan(deadline.remaining()));
    Poco::Net::HTTPResponse poco_response;
    std::istream& body_stream = session_->receiveResponse(poco_response);

    // Let a timeout or reset inside the body stream surface as itself, not as a silent short read.
    body_stream.exceptions(std::ios::badbit);

    Exchange result;
    HttpResponse response = from_poco(poco_response);
    std::array<char, 16 * 1024> chunk{};
    while (body_stream) {
        // Each read may wait only for what is left of the deadline.
        require_time_left(deadline);
        session_->socket().setReceiveTimeout(timespan(deadline.remaining()));
        body_stream.read(chunk.data(), chunk.size());
        response.body.append(chunk.data(), static_cast<std::size_t>(body_stream.gcount()));
        if (response.body.size() > max_response_body) {
            result.error = {TransportErrorKind::TooLarge,
                            "the answer is larger than " + std::to_string(max_response_body) + " bytes"};
            return result;
        }
    }
    if (poco_response.hasContentLength() &&
        static_cast<std::streamsize>(response.body.size()) < poco_response.getContentLength()) {
        throw Poco::Net::ConnectionResetException("the answer ended before its announced length");
    }
    // The server said it closes the connection: do not write the next request into it.
    if (!poco_response.getKeepAlive()) close_session();
    result.response = std::move(response);
    return result;
}

}  // namespace ccs::http
