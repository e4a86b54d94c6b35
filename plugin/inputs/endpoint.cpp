#include "inputs/endpoint.h"

#include <algorithm>
#include <cctype>

#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>

#include "core/uri_grammar.h"
#include "core/url.h"
#include "inputs/values.h"

namespace ccs::inputs {

// ---- The service's endpoints ----

namespace {

constexpr std::size_t kMaxRegionLength = 64;
constexpr std::size_t kMaxEndpoints = 8;  // what one attempt may fail over through

struct EndpointChoice {
    std::vector<ServiceUrl> urls;  // in the order to try them (see http/endpoint_list.h); no trailing '/'
    std::string origin;            // "region cn-north-4", or where the endpoint came from: "--endpoint"
    std::string region;            // empty when not given
};

struct RegionEndpoints {
    std::string region;
    bool has_cn_endpoint;  // a second endpoint under .myhuaweicloud.cn
};

// As huaweicloud-sdk-go-v3 and -python-v3 list them (services/codeartscheck/v2/region), in their order.
const std::vector<RegionEndpoints>& region_table() {
    static const std::vector<RegionEndpoints> table = {
        {"cn-north-4", true}, {"cn-north-1", true},  {"cn-east-2", true},    {"cn-south-1", true},
        {"cn-east-3", true},  {"la-north-2", false}, {"sa-brazil-1", false}, {"ap-southeast-3", false},
    };
    return table;
}

bool is_ipv4_loopback(const std::string& host) {
    const Poco::StringTokenizer octets(host, ".");
    if (octets.count() != 4 || host.back() == '.') return false;
    for (const auto& octet : octets) {
        unsigned value = 0;
        const bool digits_only =
            !octet.empty() && octet.size() <= 3 &&
            std::all_of(octet.begin(), octet.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits_only || !Poco::NumberParser::tryParseUnsigned(octet, value) || value > 255) return false;
    }
    return octets[0] == "127";
}

bool looks_like_region(const std::string& region) {
    return region.size() <= kMaxRegionLength && std::all_of(region.begin(), region.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
           });
}

std::string region_list() {
    std::string list;
    for (const auto& region : known_regions()) list += (list.empty() ? "" : ", ") + region;
    return list;
}

void refuse(const GivenValue& given, const std::string& why) {
    throw InvalidInput(given.origin + ": " + quoted(given.value(), 200) + " " + why);
}

// Poco::URI takes more than we want: spaces, control bytes, "?" with nothing after it. Checked first.
void check_characters(const GivenValue& given) {
    const std::string& url = given.value();
    if (std::any_of(url.begin(), url.end(), [](unsigned char c) { return c <= ' ' || c >= 0x7f; })) {
        refuse(given, "is not a URL: it contains a space, a control or a non-ASCII character");
    }
    if (url.find('?') != std::string::npos) refuse(given, "must not have a query ('?')");
    if (url.find('#') != std::string::npos) refuse(given, "must not have a fragment ('#')");
}

// The one service URL parser's reasons, worded for this input.
ServiceUrl parsed_endpoint(const GivenValue& given, bool allow_insecure_http) {
    ServiceUrl url;
    try {
        url = parse_service_url(given.value());
    } catch (const UrlError& error) {
        if (error.problem() == UrlError::Problem::UserInfo) {
            // Not quoted: what is before the '@' is likely a password.
            throw InvalidInput(given.origin + ": the URL must not hold a user name or password (not shown)");
        }
        refuse(given, error.message());
    }
    if (!url.origin.secure() && !allow_insecure_http && !is_loopback_host(url.origin.host)) {
        refuse(given,
               "uses http, which is allowed only for loopback (127.0.0.1, ::1, localhost); use https, or "
               "set " +
                   all_names("allow-insecure-http") + " if you must send the credentials unencrypted");
    }
    return url;
}

std::string checked_region(const GivenValue& given, bool must_be_known) {
    const std::string& region = given.value();
    const auto& known = known_regions();
    if (!must_be_known && looks_like_region(region)) return region;
    if (std::find(known.begin(), known.end(), region) != known.end()) return region;
    throw InvalidInput(given.origin + ": unknown region " + quoted(region) +
                       "; known regions: " + region_list() + " (for another, set " + all_names("endpoint") +
                       ", or its endpoints in " +
                       region_override_variable(looks_like_region(region) ? region : "<REGION>") + ")");
}

// A known region's endpoints as the SDKs list them: "https://codearts-check.<region>.myhuaweicloud.com",
// and for the five Chinese mainland regions a second one ending ".myhuaweicloud.cn". Empty for others.
std::vector<std::string> region_endpoints(const std::string& region) {
    const auto& table = region_table();
    const auto row =
        std::find_if(table.begin(), table.end(), [&](const auto& r) { return r.region == region; });
    if (row == table.end()) return {};
    const std::string host = "https://codearts-check." + region + ".myhuaweicloud";
    if (row->has_cn_endpoint) return {host + ".com", host + ".cn"};
    return {host + ".com"};
}

// "https://a,https://b": each one checked as --endpoint is; blank items (a trailing comma) skipped.
std::vector<ServiceUrl> override_endpoints(const std::string& variable, const std::string& value,
                                           bool allow_insecure_http) {
    std::vector<ServiceUrl> urls;
    const Poco::StringTokenizer items(
        value, ",", Poco::StringTokenizer::TOK_TRIM | Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const auto& item : items) {
        ServiceUrl url = checked_endpoint(GivenValue{variable, {item}, Source::Sdk}, allow_insecure_http);
        const auto same = [&url](const ServiceUrl& other) { return other.url == url.url; };
        if (std::none_of(urls.begin(), urls.end(), same)) urls.push_back(std::move(url));
    }
    if (urls.size() > kMaxEndpoints) {
        throw InvalidInput(variable + ": " + std::to_string(urls.size()) + " endpoints; at most " +
                           std::to_string(kMaxEndpoints));
    }
    return urls;
}

// A region without --endpoint: the override variable's endpoints, or the SDKs' list.
void choose_region_endpoints(const GivenValue& region, const Environment& env, bool allow_insecure_http,
                             EndpointChoice& choice) {
    const bool plausible = looks_like_region(region.value());
    const std::string variable = region_override_variable(region.value());
    // Unset or blank counts as not given.
    const std::string value = plausible ? trimmed_variable(env, variable) : std::string();
    choice.region = checked_region(region, value.empty());
    if (!value.empty()) {
        choice.urls = override_endpoints(variable, value, allow_insecure_http);
        choice.origin = "region " + choice.region + ", endpoints from " + variable;
    } else {
        for (const auto& url : region_endpoints(choice.region)) choice.urls.push_back(parse_service_url(url));
        choice.origin = "region " + choice.region;
    }
}

}  // namespace

const std::vector<std::string>& known_regions() {
    static const std::vector<std::string> regions = [] {
        std::vector<std::string> names;
        for (const auto& row : region_table()) names.push_back(row.region);
        return names;
    }();
    return regions;
}

std::string region_override_variable(const std::string& region) {
    std::string upper;
    for (const char c : region)
        upper += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return "HUAWEICLOUD_SDK_REGION_CODEARTSCHECK_" + upper;
}

bool is_loopback_host(const std::string& host) {
    return Poco::icompare(host, "localhost") == 0 || host == "::1" || is_ipv4_loopback(host);
}

ServiceUrl checked_endpoint(const GivenValue& given, bool allow_insecure_http) {
    check_characters(given);
    ServiceUrl url = parsed_endpoint(given, allow_insecure_http);
    if (const auto problem = url_smuggling(given.value()))
        refuse(given, "cannot be sent as it is: it " + *problem);
    while (!url.url.empty() && url.url.back() == '/') url.url.pop_back();
    return url;
}

namespace {

EndpointChoice choose_endpoint(const GivenValue* region, const GivenValue* endpoint, const Environment& env,
                               bool allow_insecure_http) {
    if (!region && !endpoint) {
        throw InvalidInput("no endpoint: set " + all_names("region") + " or " + all_names("endpoint"));
    }
    EndpointChoice choice;
    if (!endpoint) {
        choose_region_endpoints(*region, env, allow_insecure_http, choice);
        return choice;
    }
    if (region) choice.region = checked_region(*region, false);
    choice.urls = {checked_endpoint(*endpoint, allow_insecure_http)};
    choice.origin = endpoint->origin;
    return choice;
}

}  // namespace

void apply_endpoint(const RawInputs& raw, const Environment& env, Config& config) {
    EndpointChoice endpoint =
        choose_endpoint(raw.find("region"), raw.find("endpoint"), env, config.allow_insecure_http);
    config.endpoints = std::move(endpoint.urls);
    config.endpoint_origin = std::move(endpoint.origin);
    config.region = std::move(endpoint.region);
}

// ---- The proxy ----

namespace {

constexpr std::size_t kMaxProxyValue = 4096;

// The first non-empty of the variables, with its name.
std::pair<std::string, std::string> first_set(const Environment& env,
                                              std::initializer_list<const char*> names) {
    for (const char* name : names) {
        std::string value = trimmed_variable(env, name);
        if (!value.empty()) return {name, std::move(value)};
    }
    return {"", ""};
}

void refuse_proxy(const std::string& variable, const std::string& why) {
    throw InvalidInput(variable + ": " + why + " (the value is not shown: it may hold a password)");
}

// "http://[user[:password]@]host[:port][/]" or "host:port", parsed by the one proxy URL parser.
ProxyServer checked_proxy(const std::string& variable, const std::string& value) {
    if (value.size() > kMaxProxyValue)
        refuse_proxy(variable, "is longer than " + std::to_string(kMaxProxyValue) + " bytes");
    if (std::any_of(value.begin(), value.end(), [](char c) { return is_control(c) || c == ' '; })) {
        refuse_proxy(variable, "contains a space or a control character");
    }
    if (const auto problem = url_smuggling(value))
        refuse_proxy(variable, "cannot be used as it is: it " + *problem);
    try {
        return parse_proxy_url(value);
    } catch (const UrlError& error) {
        refuse_proxy(variable, error.message());
    }
    return {};  // not reached: refuse_proxy() throws
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
