// What kind of failure an answer (or a missing answer) is, which decides whether to retry and
// which exit code a final failure gets. Answers are classified by the one table in core/error_class.h.
#pragma once

#include "core/error_class.h"
#include "http/transport.h"

namespace ccs::api {

using ccs::classify_service_error;
using ccs::ErrorClass;

// When no answer arrived at all.
ErrorClass classify_transport_error(http::TransportErrorKind kind);

}  // namespace ccs::api
