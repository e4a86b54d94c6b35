// Which proxy, if any, a connection goes through: HTTPS_PROXY (or HTTP_PROXY for http:// endpoints)
// unless NO_PROXY names the host, the way curl and most CI tools read them. The values arrive through
// the Config (main reads the environment); this module only decides.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "http/origin.h"

namespace ccs::http {

struct ProxySettings {
    std::string https_proxy;  // "http://[user:password@]host[:port]" or "host[:port]"; empty: none
    std::string http_proxy;   // the same, for http:// endpoints
    std::string no_proxy;     // "*", or a comma- (or space-) separated list of hosts, domains and IPs
};

struct ProxyServer {
    std::string host;
    std::uint16_t port = 80;
    std::string username;  // percent-decoded; empty: no Proxy-Authorization
    std::string password;  // a secret
};

// Parses a proxy URL as HTTPS_PROXY holds it. Only plain-HTTP proxies (the CONNECT kind CI runners
// use) are supported. Throws Poco::SyntaxException saying what is wrong, without the password.
ProxyServer parse_proxy(const std::string& url);

// True when `no_proxy` says to reach `host` directly. Entries: "*" (everything), a host name (the host
// and its subdomains; a leading "." or "*." means the same), an IP address, an IP range in CIDR
// notation ("10.0.0.0/8"); an entry's ":port" limits it to that port. Case-insensitive.
bool bypasses_proxy(const std::string& host, std::uint16_t port, const std::string& no_proxy);

// The proxy for `origin`, or nothing for a direct connection.
std::optional<ProxyServer> proxy_for(const Origin& origin, const ProxySettings& settings);

}  // namespace ccs::http
