// The URLs a run uses, parsed once while its inputs are validated (inputs/) into the typed values the
// rest of the program takes as they are: a service's URL (an endpoint, the IAM endpoint, the id-token
// request URL) as the origin to connect to and the path requests start with; a proxy URL as the
// server to tunnel through; NO_PROXY as its entries. One parser for each; nothing after inputs/
// parses a URL again. What is refused for smuggling bytes is core/uri_grammar.h's rule.
#pragma once

#include <Poco/Exception.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ccs {

// Why a text is not the URL it should be. message() says so without showing the URL (it may hold a
// password); problem() lets each input word it its own way.
class UrlError : public Poco::SyntaxException {
public:
    enum class Problem {
        NotUrl,    // not parseable as a URL at all
        NotHttp,   // a scheme other than the ones allowed
        NoHost,    // no host
        UserInfo,  // a user name or password where none may be
        Other,     // anything else message() names
    };
    UrlError(Problem problem, const std::string& message)
        : Poco::SyntaxException(message), problem_(problem) {}
    Problem problem() const { return problem_; }

private:
    Problem problem_;
};

// Scheme, host and port of a service: what a connection is opened to, and what the Host header (and
// so the signature) says.
struct Origin {
    std::string scheme;  // "https" or "http"
    std::string host;    // without brackets for IPv6
    std::uint16_t port = 443;

    bool secure() const { return scheme == "https"; }
    bool default_port() const { return port == (secure() ? 443 : 80); }
    // The Host header value: the port only when it is not the scheme's default, as the SDKs sign it.
    std::string host_header() const;
};

// An absolute http(s) URL of a service, in the parts a request is built from.
struct ServiceUrl {
    std::string url;  // the text it was parsed from (an endpoint's without trailing '/'), for logs
    Origin origin;
    // The path as a request line carries it: percent-encoded again after decoding, so whatever the URL
    // escaped (a '?', a space, a line break) stays escaped, never a raw byte on the wire.
    std::string path;
    std::string query;  // raw, without '?'; empty when none (only the id-token URL has one)

    // The path requests under this URL start with: `path` without trailing '/'.
    std::string base_path() const;
};

// "http(s)://host[:port][/path][?query]"; a fragment is ignored. Throws UrlError: NotUrl, NotHttp,
// NoHost or UserInfo, checked in that order.
ServiceUrl parse_service_url(const std::string& url);

// A proxy, as HTTPS_PROXY names it.
struct ProxyServer {
    std::string host;
    std::uint16_t port = 80;
    std::string username;  // percent-decoded; empty: no Proxy-Authorization
    std::string password;  // percent-decoded; a secret
};

// "http://[user[:password]@]host[:port][/]" or "host[:port]": only plain-HTTP proxies (the CONNECT
// kind CI runners use). Throws UrlError whose message() says what is wrong (after "HTTPS_PROXY: "),
// never showing the password.
ProxyServer parse_proxy_url(const std::string& url);

// One NO_PROXY entry: "*", a host name or domain (a leading "." or "*." means the domain), an IP
// address or a CIDR range, limited to `port` when the entry gave one.
struct NoProxyEntry {
    std::string host;  // lower case, without brackets
    std::optional<std::uint16_t> port;
};

// A comma- (or space-) separated NO_PROXY list, as curl reads it; never fails.
std::vector<NoProxyEntry> parse_no_proxy(const std::string& no_proxy);

// The proxies the environment names, as curl reads them (http/proxy.h decides which one applies).
struct ProxySetting {
    std::optional<ProxyServer> https;    // https_proxy / HTTPS_PROXY: for https endpoints
    std::optional<ProxyServer> http;     // http_proxy / HTTP_PROXY: for http ones
    std::vector<NoProxyEntry> no_proxy;  // no_proxy / NO_PROXY: the hosts reached directly

    // The proxies' passwords, if any: secrets.
    std::vector<std::string> passwords() const;
};

}  // namespace ccs
