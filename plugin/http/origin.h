// Scheme, host and port of an endpoint: what a connection is opened to, and what the Host header
// (and so the signature) says.
#pragma once

#include <cstdint>
#include <string>

namespace ccs::http {

struct Origin {
    std::string scheme;  // "https" or "http"
    std::string host;    // without brackets for IPv6
    std::uint16_t port = 443;

    bool secure() const { return scheme == "https"; }
    bool default_port() const { return port == (secure() ? 443 : 80); }
    // The Host header value: the port only when it is not the scheme's default, as the SDKs sign it.
    std::string host_header() const;

    // Parses "https://host[:port][/base]"; throws Poco::SyntaxException on anything else.
    static Origin parse(const std::string& url);
};

// The path of `url` as a request line carries it: percent-encoded again after Poco decoded it, so
// whatever the URL escaped (a '?', a space, a line break) stays escaped, never a raw byte on the wire.
std::string request_path_of(const std::string& url);

}  // namespace ccs::http
