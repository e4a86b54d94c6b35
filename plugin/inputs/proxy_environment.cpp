#include "inputs/proxy_environment.h"

#include <algorithm>

#include "core/uri_grammar.h"
#include "core/url.h"
#include "inputs/text.h"

namespace ccs::inputs {
namespace {

constexpr std::size_t kMaxProxyValue = 4096;

// The first non-empty of the variables, with its name.
std::pair<std::string, std::string> first_set(const Environment& env,
                                              std::initializer_list<const char*> names) {
    for (const char* name : names) {
        const auto found = env.find(name);
        if (found != env.end() && !trimmed(found->second).empty()) return {name, trimmed(found->second)};
    }
    return {"", ""};
}

void refuse(const std::string& variable, const std::string& why) {
    throw InvalidInput(variable + ": " + why + " (the value is not shown: it may hold a password)");
}

// "http://[user[:password]@]host[:port][/]" or "host:port", parsed by the one proxy URL parser.
ProxyServer checked_proxy(const std::string& variable, const std::string& value) {
    if (value.size() > kMaxProxyValue)
        refuse(variable, "is longer than " + std::to_string(kMaxProxyValue) + " bytes");
    if (std::any_of(value.begin(), value.end(), [](char c) { return is_control(c) || c == ' '; })) {
        refuse(variable, "contains a space or a control character");
    }
    if (const auto problem = url_smuggling(value))
        refuse(variable, "cannot be used as it is: it " + *problem);
    try {
        return parse_proxy_url(value);
    } catch (const UrlError& error) {
        refuse(variable, error.message());
    }
    return {};  // not reached: refuse() throws
}

}  // namespace

ProxySetting proxy_from_environment(const Environment& env) {
    ProxySetting proxy;
    const auto [https_name, https_value] = first_set(env, {"https_proxy", "HTTPS_PROXY"});
    const auto [http_name, http_value] = first_set(env, {"http_proxy", "HTTP_PROXY"});
    const auto [no_name, no_value] = first_set(env, {"no_proxy", "NO_PROXY"});
    if (!https_value.empty()) proxy.https = checked_proxy(https_name, https_value);
    if (!http_value.empty()) proxy.http = checked_proxy(http_name, http_value);
    if (no_value.size() > kMaxProxyValue) {
        throw InvalidInput(no_name + ": is longer than " + std::to_string(kMaxProxyValue) + " bytes");
    }
    proxy.no_proxy = parse_no_proxy(no_value);
    return proxy;
}

}  // namespace ccs::inputs
