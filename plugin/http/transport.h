// One keep-alive HTTP(S) connection to one origin, reused for every request a worker sends.
// Each exchange is bounded by the deadline it is given: connect, send and receive timeouts are
// what is left of it, so no call outlives the run.
#pragma once

#include <Poco/Net/Context.h>
#include <Poco/Net/Socket.h>

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/deadline.h"
#include "core/http_message.h"
#include "core/url.h"
#include "http/proxy.h"
#include "http/tls_context.h"

namespace Poco::Net {
class HTTPClientSession;
class HTTPResponse;
class StreamSocket;
}  // namespace Poco::Net

namespace ccs::http {

class ByteSource;

enum class TransportErrorKind {
    Refused,     // nothing listens there
    Reset,       // the connection broke before a whole answer arrived
    Timeout,     // no answer within the time left
    Tls,         // handshake or certificate verification failed
    Dns,         // the host name does not resolve
    TooLarge,    // the answer is bigger than we are willing to read
    Malformed,   // not HTTP
    Unsendable,  // the request itself cannot be sent as it is (a header with a line break): nothing was sent
    LocalLimit,  // this machine refused a resource: no descriptor (EMFILE, ENFILE) or no memory for a socket
    Other,
};
const char* to_string(TransportErrorKind kind);

struct TransportError {
    TransportErrorKind kind = TransportErrorKind::Other;
    std::string message;
};

// Either a response or the reason there is none.
struct Exchange {
    std::optional<HttpResponse> response;
    TransportError error;
    std::chrono::milliseconds elapsed{0};
    // Whether a connection to the server was open (resolved, connected, TLS done) when the exchange
    // ended: a failure before that is one another endpoint may not have (http/endpoint_list.h).
    bool connected = false;
    bool answered() const { return response.has_value(); }
};

// Bodies larger than this are not read: no answer of this API comes close.
constexpr std::size_t max_response_body = std::size_t{1024} * 1024;

// The connection is opened on the first send (and again after a failure or a long idle time): the
// host name is resolved within the deadline, then connected, tunnelled through the proxy `proxy`
// names for this origin (CONNECT) and the TLS handshake done, all within it. The socket exists
// before the first wait on it, so the attempt's timer ends a handshake or a proxy's answer that
// trickles in byte by byte, as it ends such an answer from the server.
class Connection {
public:
    // `tls` is the run's shared context; only https origins use it.
    Connection(Origin origin, SharedTlsContext tls, const ProxySetting& proxy = {});
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    const Origin& origin() const { return origin_; }

    // Sends `request` exactly as given (its Host header included) and reads the answer.
    Exchange send(const HttpRequest& request, const Deadline& deadline);

private:
    Exchange exchange(const HttpRequest& request, const Deadline& deadline);
    void open(const Deadline& deadline);  // a connected session, reused when it is fresh enough
    bool reusable();                      // open, fresh, and quiet
    bool quiet();                         // nothing unasked-for (bytes, or the end) waits on the open session
    Poco::Net::StreamSocket connect_socket(const Deadline& deadline);
    void open_tunnel(Poco::Net::StreamSocket& socket, const Deadline& deadline);  // CONNECT host:port
    void watch(const Poco::Net::StreamSocket& socket);  // the socket the alarm shuts down
    std::istream& receive_final_answer(Poco::Net::HTTPResponse& response, const Deadline& deadline);
    std::optional<std::string> read_body(std::istream& body_stream, const Poco::Net::HTTPResponse& response,
                                         const Deadline& deadline);
    void close_session();
    void shut_down_socket();  // from another thread: ends a blocked read or write

    Origin origin_;
    SharedTlsContext tls_;
    std::optional<ProxyServer> proxy_;
    std::unique_ptr<Poco::Net::HTTPClientSession> session_;
    ByteSource* bytes_ = nullptr;  // session_'s bytes, for strict chunked bodies and leftovers
    std::chrono::steady_clock::time_point last_used_;
    bool connected_ = false;  // this send got a connection open

    std::mutex socket_mutex_;  // guards open_fd_ against the timer thread
    poco_socket_t open_fd_ = POCO_INVALID_SOCKET;
};

// Once per process, before the first connection (OpenSSL set-up).
void initialize_transport();

}  // namespace ccs::http
