#include "api/error_class.h"

#include "http/retrying_exchange.h"

namespace ccs::api {

ErrorClass classify_transport_error(http::TransportErrorKind kind) {
    // One rule for every client (http::worth_retrying): connection trouble may pass, a certificate that
    // does not verify or a name that does not resolve will be the same a second later.
    return http::worth_retrying(kind) ? ErrorClass::Transient : ErrorClass::Rejected;
}

}  // namespace ccs::api
