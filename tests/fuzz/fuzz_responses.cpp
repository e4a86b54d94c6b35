// The service's answers are untrusted bytes: any body must give a result, never a crash, a hang or a
// leak, and a body is never both a success and an error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/responses.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);
    const auto error = ccs::api::parse_service_error(body);
    std::string problem;
    const auto progress = ccs::api::parse_progress(body, problem);
    ccs::fuzz::require(progress.has_value() == problem.empty(),
                       "a progress answer has a result or a problem");
    if (ccs::api::is_empty_success_body(body)) {
        ccs::fuzz::require(!error.has_value(), "an empty success body carries no error");
    }
    return 0;
}
