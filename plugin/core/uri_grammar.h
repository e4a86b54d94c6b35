// The URI grammar (RFC 3986) as the one rule every URL input and every request line goes through:
// inputs refuse a URL that would smuggle bytes, and the transport refuses to send a request target
// that holds anything else.
#pragma once

#include <optional>
#include <string>

namespace ccs {

// A byte a URI may hold as it is: unreserved, reserved, or the '%' of an escape.
bool is_uri_char(char c);

// What makes `url` unfit to send, or nothing. Refused: a byte outside the URI grammar; a '%' without
// two hex digits; an escape anywhere that decodes to a control character, NUL, a space or DEL; in the
// host or path, an escape that decodes to any byte outside the URI grammar; a "." or ".." path
// segment, plain or escaped. A decoded URL then holds nothing that could end a request line, start a
// header or climb out of the endpoint's base path.
std::optional<std::string> url_smuggling(const std::string& url);

}  // namespace ccs
