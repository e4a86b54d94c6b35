// What kind of failure an answer (or a missing answer) is, which decides whether to retry and
// which exit code a final failure gets. Codes and statuses from the API reference.
#pragma once

#include <string>

#include "http/transport.h"

namespace ccs::api {

enum class ErrorClass {
    Transient,  // busy, throttled, internal error, network trouble: try again within the deadline
    Auth,       // credentials or permission refused: never retried, exit code 3
    Rejected,   // the request itself was refused (validation, unknown task): never retried
};

const char* to_string(ErrorClass error_class);

// From the HTTP status and the service's error_code (empty when the body carried none). The code
// wins over the status: the service answers some errors with 200, and "busy" with 400.
ErrorClass classify_service_error(int http_status, const std::string& error_code);

// When no answer arrived at all.
ErrorClass classify_transport_error(http::TransportErrorKind kind);

}  // namespace ccs::api
