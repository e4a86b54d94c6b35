#include "http/endpoint_list.h"

#include <utility>

namespace ccs::http {

bool worth_failing_over(const Exchange& exchange) {
    if (exchange.answered() || exchange.connected) return false;
    switch (exchange.error.kind) {
        case TransportErrorKind::Dns:
        case TransportErrorKind::Refused:
        case TransportErrorKind::Tls:
        case TransportErrorKind::Reset:  // a handshake broken off
        case TransportErrorKind::Other: return true;
        case TransportErrorKind::Timeout:
        case TransportErrorKind::TooLarge:
        case TransportErrorKind::Malformed:
        case TransportErrorKind::Unsendable:
        case TransportErrorKind::LocalLimit: return false;  // another endpoint would meet the same limit
    }
    return false;
}

EndpointList::EndpointList(std::vector<ServiceUrl> urls, SharedTlsContext tls, ProxySetting proxy)
    : tls_(std::move(tls)), proxy_(std::move(proxy)) {
    for (auto& url : urls) endpoints_.push_back({std::move(url), nullptr});
}

EndpointList::~EndpointList() = default;

Connection& EndpointList::connection() {
    Endpoint& endpoint = endpoints_[current_];
    if (!endpoint.connection) {
        endpoint.connection = std::make_unique<Connection>(endpoint.url.origin, tls_, proxy_);
    }
    return *endpoint.connection;
}

}  // namespace ccs::http
