// Which proxy, if any, a connection goes through: HTTPS_PROXY (or HTTP_PROXY for http:// endpoints)
// unless NO_PROXY names the host, the way curl and most CI tools read them. The values arrive parsed
// through the Config (core/url.h); this module only decides.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/url.h"

namespace ccs::http {

// True when `no_proxy` says to reach `host` directly. Entries: "*" (everything), a host name (the host
// and its subdomains; a leading "." or "*." means the same), an IP address, an IP range in CIDR
// notation ("10.0.0.0/8"); an entry's port limits it to that port. Case-insensitive.
bool bypasses_proxy(const std::string& host, std::uint16_t port, const std::vector<NoProxyEntry>& no_proxy);

// The proxy for `origin`, or nothing for a direct connection.
std::optional<ProxyServer> proxy_for(const Origin& origin, const ProxySetting& setting);

}  // namespace ccs::http
