#include "http/transport.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Timespan.h>

#include <array>
#include <istream>

namespace ccs::http {
namespace {

using Clock = std::chrono::steady_clock;

Poco::Net::Context::Ptr client_context(const TlsOptions& tls) {
    Poco::Net::Context::Params params;
    params.caLocation = tls.ca_file;
    // The system store honours SSL_CERT_FILE and SSL_CERT_DIR, as users expect.
    params.loadDefaultCAs = true;
    // STRICT makes Poco check the host name even for loopback hosts, which RELAXED skips.
    params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::CLIENT_USE, params);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    return context;
}

std::unique_ptr<Poco::Net::HTTPClientSession> open_session(const Origin& origin, const TlsOptions& tls) {
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (origin.secure()) {
        session = std::make_unique<Poco::Net::HTTPSClientSession>(origin.host, origin.port, client_context(tls));
    } else {
        session = std::make_unique<Poco::Net::HTTPClientSession>(origin.host, origin.port);
    }
    session->setKeepAlive(true);
    return session;
}

Poco::Timespan timespan(std::chrono::milliseconds millis) {
    return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(millis.count()) * 1000);
}

void require_time_left(const Deadline& deadline) {
    if (deadline.expired()) throw Poco::TimeoutException("the deadline passed");
}

Poco::Net::HTTPRequest to_poco(const HttpRequest& request) {
    Poco::Net::HTTPRequest poco(request.method, request.target(), Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& header : request.headers) poco.set(header.name, header.value);
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

TransportError classify(const Poco::Exception& error) {
    using Kind = TransportErrorKind;
    const std::string text = error.displayText();
    if (dynamic_cast<const Poco::TimeoutException*>(&error)) return {Kind::Timeout, text};
    if (dynamic_cast<const Poco::Net::ConnectionRefusedException*>(&error)) return {Kind::Refused, text};
    if (dynamic_cast<const Poco::Net::DNSException*>(&error)) return {Kind::Dns, text};
    if (dynamic_cast<const Poco::Net::SSLException*>(&error)) return {Kind::Tls, text};
    if (dynamic_cast<const Poco::Net::ConnectionResetException*>(&error) ||
        dynamic_cast<const Poco::Net::ConnectionAbortedException*>(&error) ||
        dynamic_cast<const Poco::Net::NoMessageException*>(&error)) {
        return {Kind::Reset, text};
    }
    if (dynamic_cast<const Poco::Net::MessageException*>(&error)) return {Kind::Malformed, text};
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
        case TransportErrorKind::Other: return "network error";
    }
    return "network error";
}

void initialize_transport() { Poco::Net::initializeSSL(); }

Connection::Connection(Origin origin, const TlsOptions& tls)
    : origin_(std::move(origin)), session_(open_session(origin_, tls)) {}

Connection::~Connection() = default;

Exchange Connection::send(const HttpRequest& request, const Deadline& deadline) {
    const auto started = Clock::now();
    Exchange result;
    try {
        result = exchange(request, deadline);
    } catch (const Poco::Exception& error) {
        result.error = classify(error);
    } catch (const std::exception& error) {
        result.error = {TransportErrorKind::Other, error.what()};
    }
    // A connection in an unknown state is never reused.
    if (!result.answered()) session_->reset();
    result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started);
    return result;
}

Exchange Connection::exchange(const HttpRequest& request, const Deadline& deadline) {
    require_time_left(deadline);
    const auto left = timespan(deadline.remaining());
    session_->setTimeout(left, left, left);

    Poco::Net::HTTPRequest poco_request = to_poco(request);
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
    result.response = std::move(response);
    return result;
}

}  // namespace ccs::http
