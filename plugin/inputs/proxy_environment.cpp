#include "inputs/proxy_environment.h"

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>

#include "core/uri_grammar.h"
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

// "http://[user[:password]@]host[:port][/]" or "host:port"; returns the decoded password.
std::string checked_proxy(const std::string& variable, const std::string& value) {
    if (value.size() > kMaxProxyValue)
        refuse(variable, "is longer than " + std::to_string(kMaxProxyValue) + " bytes");
    if (std::any_of(value.begin(), value.end(), [](char c) { return is_control(c) || c == ' '; })) {
        refuse(variable, "contains a space or a control character");
    }
    if (const auto problem = url_smuggling(value))
        refuse(variable, "cannot be used as it is: it " + *problem);
    Poco::URI uri;
    try {
        uri = Poco::URI(value.find("://") == std::string::npos ? "http://" + value : value);
    } catch (const Poco::Exception&) {
        refuse(variable, "is not a proxy URL");
    }
    if (Poco::toLower(uri.getScheme()) != "http") {
        refuse(variable, "only http:// proxies are supported (not " + uri.getScheme() + "://)");
    }
    if (uri.getHost().empty()) refuse(variable, "has no host");
    if ((!uri.getPath().empty() && uri.getPath() != "/") || !uri.getRawQuery().empty() ||
        !uri.getFragment().empty()) {
        refuse(variable, "must be http://host:port, without a path");
    }
    const std::string user_info = uri.getUserInfo();
    const auto colon = user_info.find(':');
    std::string password;
    try {
        if (colon != std::string::npos) Poco::URI::decode(user_info.substr(colon + 1), password);
    } catch (const Poco::Exception&) {
        // Found by the fuzzer: a bad %-escape in the password made Poco throw past parse_inputs.
        refuse(variable, "has a malformed %-escape in its user information");
    }
    return password;
}

}  // namespace

ProxyConfig proxy_from_environment(const Environment& env) {
    ProxyConfig proxy;
    const auto [https_name, https_value] = first_set(env, {"https_proxy", "HTTPS_PROXY"});
    const auto [http_name, http_value] = first_set(env, {"http_proxy", "HTTP_PROXY"});
    const auto [no_name, no_value] = first_set(env, {"no_proxy", "NO_PROXY"});
    const auto take = [&proxy](const std::string& name, const std::string& value, std::string& field) {
        if (value.empty()) return;
        field = value;
        const std::string password = checked_proxy(name, value);
        if (!password.empty()) proxy.passwords.push_back(password);
    };
    take(https_name, https_value, proxy.https_proxy);
    take(http_name, http_value, proxy.http_proxy);
    if (no_value.size() > kMaxProxyValue) {
        throw InvalidInput(no_name + ": is longer than " + std::to_string(kMaxProxyValue) + " bytes");
    }
    proxy.no_proxy = no_value;
    return proxy;
}

}  // namespace ccs::inputs
