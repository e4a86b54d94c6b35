#include <doctest/doctest.h>

#include "http/proxy.h"

using ccs::parse_no_proxy;
using ccs::parse_proxy_url;
using ccs::parse_service_url;
using ccs::ProxySetting;
using ccs::http::proxy_for;

namespace {

bool bypasses_proxy(const std::string& host, std::uint16_t port, const std::string& no_proxy) {
    return ccs::http::bypasses_proxy(host, port, parse_no_proxy(no_proxy));
}

}  // namespace

TEST_CASE("NO_PROXY: hosts, domains with or without a leading dot, IPs, ranges, ports and *") {
    const std::string no_proxy =
        "localhost, .internal.example,corp.example , 10.0.0.0/8,192.0.2.7,[::1],api.example:8443";
    CHECK(bypasses_proxy("localhost", 443, no_proxy));
    CHECK(bypasses_proxy("LOCALHOST", 443, no_proxy));
    CHECK(bypasses_proxy("a.internal.example", 443, no_proxy));
    CHECK(bypasses_proxy("internal.example", 443, no_proxy));
    CHECK(bypasses_proxy("corp.example", 443, no_proxy));
    CHECK(bypasses_proxy("codearts.corp.example", 443, no_proxy));
    CHECK_FALSE(bypasses_proxy("notcorp.example", 443, no_proxy));
    CHECK(bypasses_proxy("10.20.30.40", 443, no_proxy));
    CHECK_FALSE(bypasses_proxy("11.0.0.1", 443, no_proxy));
    CHECK(bypasses_proxy("192.0.2.7", 443, no_proxy));
    CHECK(bypasses_proxy("::1", 443, no_proxy));
    CHECK(bypasses_proxy("api.example", 8443, no_proxy));
    CHECK_FALSE(bypasses_proxy("api.example", 443, no_proxy));
    CHECK_FALSE(bypasses_proxy("codearts-check.cn-north-4.myhuaweicloud.com", 443, no_proxy));
    CHECK(bypasses_proxy("anything.example", 443, "*"));
    CHECK_FALSE(bypasses_proxy("anything.example", 443, ""));
}

TEST_CASE("HTTPS_PROXY serves https endpoints and HTTP_PROXY http ones, unless NO_PROXY says otherwise") {
    const auto origin = [](const std::string& url) { return parse_service_url(url).origin; };
    ProxySetting settings;
    settings.https = parse_proxy_url("http://proxy.corp.example:3128");
    settings.no_proxy = parse_no_proxy(".corp.example");
    const auto cloud = proxy_for(origin("https://codearts-check.cn-north-4.myhuaweicloud.com"), settings);
    REQUIRE(cloud);
    CHECK(cloud->host == "proxy.corp.example");
    CHECK_FALSE(proxy_for(origin("https://codearts.corp.example"), settings));
    CHECK_FALSE(proxy_for(origin("http://127.0.0.1:8080"), settings));  // no HTTP_PROXY
    CHECK_FALSE(proxy_for(origin("https://x.example"), ProxySetting{}));
}
