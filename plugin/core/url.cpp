#include "core/url.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

namespace ccs {
namespace {

using Problem = UrlError::Problem;

Poco::URI parsed(const std::string& url, const char* not_url) {
    try {
        return Poco::URI(url);
    } catch (const Poco::Exception&) {
        throw UrlError(Problem::NotUrl, not_url);
    }
}

// "[::1]" -> "::1": NO_PROXY entries may come bracketed.
std::string unbracketed(const std::string& host) {
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') return host.substr(1, host.size() - 2);
    return host;
}

// Splits "host:port" (or "[v6]:port"); an entry with more than one ':' and no brackets is an IPv6 address.
NoProxyEntry no_proxy_entry(const std::string& entry) {
    NoProxyEntry parsed_entry{entry, std::nullopt};
    const auto colon = entry.rfind(':');
    if (colon != std::string::npos) {
        const bool bracketed = entry.front() == '[';
        const bool bare_ipv6 = !bracketed && entry.find(':') != colon;
        unsigned number = 0;
        if (!bare_ipv6 && (!bracketed || entry[colon - 1] == ']') &&
            Poco::NumberParser::tryParseUnsigned(entry.substr(colon + 1), number) && number <= 65535) {
            parsed_entry.host = entry.substr(0, colon);
            parsed_entry.port = static_cast<std::uint16_t>(number);
        }
    }
    parsed_entry.host = unbracketed(parsed_entry.host);
    return parsed_entry;
}

}  // namespace

std::string Origin::host_header() const {
    const bool ipv6 = host.find(':') != std::string::npos;
    const std::string bracketed = ipv6 ? "[" + host + "]" : host;
    return default_port() ? bracketed : bracketed + ":" + std::to_string(port);
}

std::string ServiceUrl::base_path() const {
    std::string base = path;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base;
}

ServiceUrl parse_service_url(const std::string& url) {
    const Poco::URI uri = parsed(url, "is not a URL");
    const std::string& scheme = uri.getScheme();
    if (scheme != "https" && scheme != "http") throw UrlError(Problem::NotHttp, "must start with https://");
    if (uri.getHost().empty()) throw UrlError(Problem::NoHost, "has no host");
    if (!uri.getUserInfo().empty())
        throw UrlError(Problem::UserInfo, "must not hold a user name or password");
    ServiceUrl service{url, Origin{scheme, uri.getHost(), uri.getPort()}, "", uri.getRawQuery()};
    Poco::URI::encode(uri.getPath(), "?#", service.path);
    return service;
}

ProxyServer parse_proxy_url(const std::string& url) {
    const Poco::URI uri =
        parsed(url.find("://") == std::string::npos ? "http://" + url : url, "is not a proxy URL");
    if (Poco::toLower(uri.getScheme()) != "http") {
        throw UrlError(Problem::NotHttp,
                       "only http:// proxies are supported (not " + uri.getScheme() + "://)");
    }
    if (uri.getHost().empty()) throw UrlError(Problem::NoHost, "has no host");
    if ((!uri.getPath().empty() && uri.getPath() != "/") || !uri.getRawQuery().empty() ||
        !uri.getFragment().empty()) {
        throw UrlError(Problem::Other, "must be http://host:port, without a path");
    }
    ProxyServer proxy;
    proxy.host = uri.getHost();
    proxy.port = uri.getPort();
    // Split before decoding: an encoded ':' (%3A) belongs to the part it is in.
    const std::string& user_info = uri.getUserInfo();
    const auto colon = user_info.find(':');
    try {
        Poco::URI::decode(user_info.substr(0, colon), proxy.username);
        if (colon != std::string::npos) Poco::URI::decode(user_info.substr(colon + 1), proxy.password);
    } catch (const Poco::Exception&) {
        // Found by the fuzzer: a bad %-escape in the password made Poco throw past parse_inputs.
        throw UrlError(Problem::Other, "has a malformed %-escape in its user information");
    }
    return proxy;
}

std::vector<NoProxyEntry> parse_no_proxy(const std::string& no_proxy) {
    std::vector<NoProxyEntry> entries;
    const Poco::StringTokenizer items(
        no_proxy, ", \t", Poco::StringTokenizer::TOK_IGNORE_EMPTY | Poco::StringTokenizer::TOK_TRIM);
    for (const auto& item : items) entries.push_back(no_proxy_entry(Poco::toLower(item)));
    return entries;
}

std::vector<std::string> ProxySetting::passwords() const {
    std::vector<std::string> found;
    for (const auto& proxy : {https, http}) {
        if (proxy && !proxy->password.empty()) found.push_back(proxy->password);
    }
    return found;
}

}  // namespace ccs
