// The endpoints of one service, in the order to try them, and the rule for moving to the next: the
// one place that decides failover. As the official SDKs do, a call moves on only when it could not
// reach the endpoint at all (its name does not resolve, nothing listens, the TLS handshake fails),
// never after an answer: an HTTP error comes from the service itself, which another host of it would
// give the same.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/url.h"
#include "http/tls_context.h"
#include "http/transport.h"

namespace ccs::http {

// Whether this exchange failed before a connection was made, in a way another endpoint may not share.
// Not a timeout: the time it had is gone, and the next endpoint would only get less of it.
bool worth_failing_over(const Exchange& exchange);

class EndpointList {
public:
    // `urls` is not empty. Connections open when first used.
    EndpointList(std::vector<ServiceUrl> urls, SharedTlsContext tls, ProxySetting proxy);
    ~EndpointList();
    EndpointList(const EndpointList&) = delete;
    EndpointList& operator=(const EndpointList&) = delete;

    std::size_t size() const { return endpoints_.size(); }
    // The endpoint to use now: the first, until one could not be reached; then the one after it.
    // It stays where a call last got through, so later calls do not wait on a dead one first.
    const ServiceUrl& url() const { return endpoints_[current_].url; }
    Connection& connection();
    // Moves to the next endpoint, after the last back to the first.
    void next() { current_ = (current_ + 1) % endpoints_.size(); }

private:
    struct Endpoint {
        ServiceUrl url;
        std::unique_ptr<Connection> connection;
    };
    std::vector<Endpoint> endpoints_;
    std::size_t current_ = 0;
    SharedTlsContext tls_;
    ProxySetting proxy_;
};

}  // namespace ccs::http
