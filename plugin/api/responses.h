// Reading the service's answers. Bodies are untrusted: any bytes must give a result, never a crash.
#pragma once

#include <optional>
#include <string>

#include "core/task_result.h"

namespace ccs::api {

struct ServiceError {
    std::string code;            // "CC.00000003"
    std::string message;         // the service's error_msg, as sent
    bool unusable_code = false;  // an error_code that is not a string: an error, but no code to act on
};

// The error an answer carries ({"error_code": "...", "error_msg": "..."}), if any. Empty bodies,
// `null`, `{}`, other JSON and non-JSON carry none. Bytes that are not UTF-8 and raw control
// characters do not hide an error_code; one that is not a string gives `unusable_code`.
std::optional<ServiceError> parse_service_error(const std::string& body);

struct Progress {
    TaskStatus status;  // nullopt: the service's null, never run
    std::string ratio;  // "50%", meaningful while running
    std::string info;
};

// A progress answer, or nullopt with `problem` saying what is wrong with the body.
std::optional<Progress> parse_progress(const std::string& body, std::string& problem);

// True for the bodies a successful stop answers with: empty, `null` or `{}` (whitespace allowed).
bool is_empty_success_body(const std::string& body);

}  // namespace ccs::api
