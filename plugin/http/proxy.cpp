#include "http/proxy.h"

#include <Poco/Exception.h>
#include <Poco/Net/IPAddress.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

namespace ccs::http {
namespace {

std::string lower(const std::string& text) {
    return Poco::toLower(text);
}

// "[::1]" -> "::1": NO_PROXY entries and hosts may come bracketed.
std::string unbracketed(const std::string& host) {
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') return host.substr(1, host.size() - 2);
    return host;
}

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Splits "host:port" (or "[v6]:port"); an entry with more than one ':' and no brackets is an IPv6 address.
void split_port(const std::string& entry, std::string& host, std::optional<std::uint16_t>& port) {
    host = entry;
    port.reset();
    const auto colon = entry.rfind(':');
    if (colon == std::string::npos) return;
    const bool bracketed = entry.front() == '[';
    if (!bracketed && entry.find(':') != colon) return;  // bare IPv6
    if (bracketed && entry[colon - 1] != ']') return;
    unsigned number = 0;
    if (!Poco::NumberParser::tryParseUnsigned(entry.substr(colon + 1), number) || number > 65535) return;
    host = entry.substr(0, colon);
    port = static_cast<std::uint16_t>(number);
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

bool entry_matches(const std::string& raw_entry, const std::string& host, std::uint16_t port) {
    std::string entry_host;
    std::optional<std::uint16_t> entry_port;
    split_port(lower(raw_entry), entry_host, entry_port);
    if (entry_port && *entry_port != port) return false;
    entry_host = unbracketed(entry_host);
    if (entry_host == "*") return true;

    Poco::Net::IPAddress address;
    const bool host_is_ip = Poco::Net::IPAddress::tryParse(host, address);
    if (entry_host.find('/') != std::string::npos) return host_is_ip && in_cidr(address, entry_host);
    Poco::Net::IPAddress entry_address;
    if (Poco::Net::IPAddress::tryParse(entry_host, entry_address))
        return host_is_ip && address == entry_address;

    if (entry_host.rfind("*.", 0) == 0) entry_host.erase(0, 1);
    if (entry_host.rfind('.', 0) == 0) entry_host.erase(0, 1);
    if (entry_host.empty()) return false;
    return host == entry_host || ends_with(host, "." + entry_host);
}

}  // namespace

ProxyServer parse_proxy(const std::string& url) {
    const std::string with_scheme = url.find("://") == std::string::npos ? "http://" + url : url;
    Poco::URI uri;
    try {
        uri = Poco::URI(with_scheme);
    } catch (const Poco::SyntaxException&) {
        throw Poco::SyntaxException("not a proxy URL");
    }
    if (lower(uri.getScheme()) != "http") {
        throw Poco::SyntaxException("only http:// proxies are supported, not " + uri.getScheme() + "://");
    }
    if (uri.getHost().empty()) throw Poco::SyntaxException("the proxy URL has no host");
    const std::string path = uri.getPath();
    if ((!path.empty() && path != "/") || !uri.getRawQuery().empty() || !uri.getFragment().empty()) {
        throw Poco::SyntaxException("a proxy URL is scheme://host:port, without a path");
    }
    ProxyServer proxy;
    proxy.host = uri.getHost();
    proxy.port = uri.getPort();
    // Split before decoding: an encoded ':' (%3A) belongs to the part it is in.
    const std::string user_info = uri.getUserInfo();
    const auto colon = user_info.find(':');
    Poco::URI::decode(user_info.substr(0, colon), proxy.username);
    if (colon != std::string::npos) Poco::URI::decode(user_info.substr(colon + 1), proxy.password);
    return proxy;
}

bool bypasses_proxy(const std::string& host, std::uint16_t port, const std::string& no_proxy) {
    const std::string name = lower(unbracketed(host));
    const Poco::StringTokenizer entries(
        no_proxy, ", \t", Poco::StringTokenizer::TOK_IGNORE_EMPTY | Poco::StringTokenizer::TOK_TRIM);
    for (const auto& entry : entries) {
        if (entry_matches(entry, name, port)) return true;
    }
    return false;
}

std::optional<ProxyServer> proxy_for(const Origin& origin, const ProxySettings& settings) {
    const std::string& url = origin.secure() ? settings.https_proxy : settings.http_proxy;
    if (url.empty() || bypasses_proxy(origin.host, origin.port, settings.no_proxy)) return std::nullopt;
    return parse_proxy(url);
}

}  // namespace ccs::http
