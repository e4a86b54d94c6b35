#include "core/uri_grammar.h"

#include <cctype>
#include <cstring>

namespace ccs {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes `part` into `decoded`; what is wrong with its escapes, or nothing. `strict`: the host and
// path, where a decoded byte must still be a URI character.
std::optional<std::string> decode(const std::string& part, bool strict, std::string& decoded) {
    for (std::size_t i = 0; i < part.size(); ++i) {
        if (part[i] != '%') {
            decoded += part[i];
            continue;
        }
        const int high = i + 2 < part.size() ? hex_value(part[i + 1]) : -1;
        const int low = high >= 0 ? hex_value(part[i + 2]) : -1;
        if (low < 0) return std::string("has a '%' that is not followed by two hex digits");
        const auto byte = static_cast<unsigned char>(high * 16 + low);
        if (byte <= 0x20 || byte == 0x7f) {
            return "percent-encodes a control character, NUL or space (%" + part.substr(i + 1, 2) + ")";
        }
        if (strict && !is_uri_char(static_cast<char>(byte))) {
            return "percent-encodes a byte outside the URI grammar (%" + part.substr(i + 1, 2) + ")";
        }
        decoded += static_cast<char>(byte);
        i += 2;
    }
    return std::nullopt;
}

bool has_dot_segment(const std::string& decoded_path) {
    std::size_t start = 0;
    while (start <= decoded_path.size()) {
        const std::size_t end = std::min(decoded_path.find('/', start), decoded_path.size());
        const std::string segment = decoded_path.substr(start, end - start);
        if (segment == "." || segment == "..") return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

bool is_uri_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           (c != '\0' && std::strchr("-._~:/?#[]@!$&'()*+,;=%", c) != nullptr);
}

std::optional<std::string> url_smuggling(const std::string& url) {
    for (const char c : url) {
        if (!is_uri_char(c))
            return std::string(
                "holds a byte outside the URI grammar (a space, a control or a non-ASCII character)");
    }
    const std::size_t scheme_end = url.find("://");
    const std::size_t authority = scheme_end == std::string::npos ? 0 : scheme_end + 3;
    const std::size_t path = std::min(url.find_first_of("/?#", authority), url.size());
    const std::size_t query = std::min(url.find_first_of("?#", path), url.size());
    const std::size_t at = url.rfind('@', path - 1);
    const std::size_t host = at == std::string::npos || at < authority ? authority : at + 1;
    std::string decoded;
    if (host > authority) {
        if (auto problem = decode(url.substr(authority, host - authority), false, decoded)) return problem;
    }
    if (auto problem = decode(url.substr(host, path - host), true, decoded)) return problem;
    std::string decoded_path;
    if (auto problem = decode(url.substr(path, query - path), true, decoded_path)) return problem;
    if (has_dot_segment(decoded_path)) return std::string("has a '.' or '..' path segment");
    if (auto problem = decode(url.substr(query), false, decoded)) return problem;
    return std::nullopt;
}

}  // namespace ccs
