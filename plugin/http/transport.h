// One keep-alive HTTP(S) connection to one origin, reused for every request a worker sends.
// Each exchange is bounded by the deadline it is given: connect, send and receive timeouts are
// what is left of it, so no call outlives the run.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "core/deadline.h"
#include "core/http_message.h"
#include "http/origin.h"

namespace Poco::Net {
class HTTPClientSession;
}

namespace ccs::http {

struct TlsOptions {
    std::string ca_file;  // extra trusted certificates (PEM); the system store is always loaded too
};

enum class TransportErrorKind {
    Refused,      // nothing listens there
    Reset,        // the connection broke before a whole answer arrived
    Timeout,      // no answer within the time left
    Tls,          // handshake or certificate verification failed
    Dns,          // the host name does not resolve
    TooLarge,     // the answer is bigger than we are willing to read
    Malformed,    // not HTTP
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
    bool answered() const { return response.has_value(); }
};

// Bodies larger than this are not read: no answer of this API comes close.
constexpr std::size_t max_response_body = 1024 * 1024;

class Connection {
public:
    Connection(Origin origin, const TlsOptions& tls);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    const Origin& origin() const { return origin_; }

    // Sends `request` exactly as given (its Host header included) and reads the answer.
    Exchange send(const HttpRequest& request, const Deadline& deadline);

private:
    Exchange exchange(const HttpRequest& request, const Deadline& deadline);

    Origin origin_;
    std::unique_ptr<Poco::Net::HTTPClientSession> session_;
};

// Once per process, before the first connection (OpenSSL set-up).
void initialize_transport();

}  // namespace ccs::http
