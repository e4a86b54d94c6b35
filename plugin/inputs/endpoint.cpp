#include "inputs/endpoint.h"

#include <algorithm>
#include <cctype>

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <Poco/StringTokenizer.h>
#include <Poco/URI.h>

#include "inputs/option_table.h"
#include "inputs/text.h"

namespace ccs::inputs {

namespace {

constexpr std::size_t kMaxRegionLength = 64;

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

Poco::URI parsed_uri(const GivenValue& given) {
    try {
        return Poco::URI(given.value());
    } catch (const Poco::Exception&) {
        refuse(given, "is not a URL");
    }
    return Poco::URI();  // not reached: refuse() throws
}

void check_uri(const GivenValue& given, const Poco::URI& uri, bool allow_insecure_http) {
    const std::string scheme = uri.getScheme();
    if (scheme != "https" && scheme != "http") refuse(given, "must start with https://");
    if (uri.getHost().empty()) refuse(given, "has no host");
    if (!uri.getUserInfo().empty()) {
        // Not quoted: what is before the '@' is likely a password.
        throw InvalidInput(given.origin + ": the URL must not hold a user name or password (not shown)");
    }
    if (scheme == "http" && !allow_insecure_http && !is_loopback_host(uri.getHost())) {
        refuse(given,
               "uses http, which is allowed only for loopback (127.0.0.1, ::1, localhost); use https, or "
               "set " + all_names("allow-insecure-http") + " if you must send the credentials unencrypted");
    }
}

std::string checked_region(const GivenValue& given, bool must_be_known) {
    const std::string& region = given.value();
    const auto& known = known_regions();
    if (!must_be_known && looks_like_region(region)) return region;
    if (std::find(known.begin(), known.end(), region) != known.end()) return region;
    throw InvalidInput(given.origin + ": unknown region " + quoted(region) + "; known regions: " +
                       region_list() + " (for another endpoint, set " + all_names("endpoint") + ")");
}

}  // namespace

const std::vector<std::string>& known_regions() {
    static const std::vector<std::string> regions = {"cn-north-4",  "cn-north-1",    "cn-east-2",
                                                     "cn-south-1",  "cn-east-3",     "la-north-2",
                                                     "sa-brazil-1", "ap-southeast-3"};
    return regions;
}

std::string region_endpoint(const std::string& region) {
    return "https://codearts-check." + region + ".myhuaweicloud.com";
}

bool is_loopback_host(const std::string& host) {
    return Poco::icompare(host, "localhost") == 0 || host == "::1" || is_ipv4_loopback(host);
}

std::string checked_endpoint(const GivenValue& given, bool allow_insecure_http) {
    check_characters(given);
    check_uri(given, parsed_uri(given), allow_insecure_http);
    std::string url = given.value();
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

EndpointChoice choose_endpoint(const GivenValue* region, const GivenValue* endpoint, bool allow_insecure_http) {
    if (!region && !endpoint) {
        throw InvalidInput("no endpoint: set " + all_names("region") + " or " + all_names("endpoint"));
    }
    EndpointChoice choice;
    if (region) choice.region = checked_region(*region, endpoint == nullptr);
    if (endpoint) {
        choice.url = checked_endpoint(*endpoint, allow_insecure_http);
        choice.origin = endpoint->origin;
    } else {
        choice.url = region_endpoint(choice.region);
        choice.origin = "region " + choice.region;
    }
    return choice;
}

}  // namespace ccs::inputs
