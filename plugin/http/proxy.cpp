#include "http/proxy.h"

#include <Poco/Net/IPAddress.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>

#include "core/strings.h"

namespace ccs::http {
namespace {

// "[::1]" -> "::1": hosts may come bracketed.
std::string unbracketed(const std::string& host) {
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') return host.substr(1, host.size() - 2);
    return host;
}

bool in_cidr(const Poco::Net::IPAddress& address, const std::string& cidr) {
    const auto slash = cidr.find('/');
    Poco::Net::IPAddress network;
    unsigned prefix = 0;
    if (!Poco::Net::IPAddress::tryParse(cidr.substr(0, slash), network) ||
        !Poco::NumberParser::tryParseUnsigned(cidr.substr(slash + 1), prefix) ||
        network.family() != address.family()) {
        return false;
    }
    const unsigned bits = network.family() == Poco::Net::IPAddress::IPv4 ? 32 : 128;
    if (prefix > bits) return false;
    const Poco::Net::IPAddress mask(prefix, network.family());
    return (address & mask) == (network & mask);
}

bool entry_matches(const NoProxyEntry& entry, const std::string& host, std::uint16_t port) {
    if (entry.port && *entry.port != port) return false;
    std::string entry_host = entry.host;
    if (entry_host == "*") return true;

    Poco::Net::IPAddress address;
    const bool host_is_ip = Poco::Net::IPAddress::tryParse(host, address);
    if (entry_host.find('/') != std::string::npos) return host_is_ip && in_cidr(address, entry_host);
    Poco::Net::IPAddress entry_address;
    if (Poco::Net::IPAddress::tryParse(entry_host, entry_address))
        return host_is_ip && address == entry_address;

    if (starts_with(entry_host, "*.")) entry_host.erase(0, 1);
    if (starts_with(entry_host, ".")) entry_host.erase(0, 1);
    if (entry_host.empty()) return false;
    return host == entry_host || ends_with(host, "." + entry_host);
}

}  // namespace

bool bypasses_proxy(const std::string& host, std::uint16_t port, const std::vector<NoProxyEntry>& no_proxy) {
    const std::string name = Poco::toLower(unbracketed(host));
    for (const auto& entry : no_proxy) {
        if (entry_matches(entry, name, port)) return true;
    }
    return false;
}

std::optional<ProxyServer> proxy_for(const Origin& origin, const ProxySetting& setting) {
    const std::optional<ProxyServer>& proxy = origin.secure() ? setting.https : setting.http;
    if (!proxy || bypasses_proxy(origin.host, origin.port, setting.no_proxy)) return std::nullopt;
    return proxy;
}

}  // namespace ccs::http
