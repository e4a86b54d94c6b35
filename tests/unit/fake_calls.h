// Call results the flow tests' fake services answer with, where more than one test file needs them.
#pragma once

#include "api/task_api.h"

namespace ccs::testing {

// No answer at all: the attempt timed out (transient).
inline api::CallResult unreachable() {
    api::CallResult result;
    result.transport_error = http::TransportError{http::TransportErrorKind::Timeout, "timed out"};
    result.error_class = api::ErrorClass::Transient;
    result.attempts = 1;
    return result;
}

}  // namespace ccs::testing
