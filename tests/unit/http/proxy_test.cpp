#include <doctest/doctest.h>

#include <Poco/Exception.h>

#include "http/proxy.h"

using ccs::http::bypasses_proxy;
using ccs::http::Origin;
using ccs::http::parse_proxy;
using ccs::http::proxy_for;
using ccs::http::ProxySettings;

TEST_CASE("a proxy URL as CI runners set HTTPS_PROXY") {
    const auto proxy = parse_proxy("http://ci%40corp:p%3Ass@proxy.corp.example:3128/");
    CHECK(proxy.host == "proxy.corp.example");
    CHECK(proxy.port == 3128);
    CHECK(proxy.username == "ci@corp");
    CHECK(proxy.password == "p:ss");
    const auto bare = parse_proxy("proxy.corp.example:8080");
    CHECK(bare.host == "proxy.corp.example");
    CHECK(bare.port == 8080);
    CHECK(bare.username.empty());
    CHECK(parse_proxy("http://10.1.2.3").port == 80);
}

TEST_CASE("proxies we cannot speak to are refused, with a reason and without the password") {
    for (const char* url :
         {"socks5://user:hunter2@proxy:1080", "https://proxy:443", "http://", "http://proxy:3128/path"}) {
        CAPTURE(url);
        try {
            parse_proxy(url);
            FAIL("accepted");
        } catch (const Poco::SyntaxException& error) {
            CHECK(error.displayText().find("hunter2") == std::string::npos);
        }
    }
}

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
    ProxySettings settings;
    settings.https_proxy = "http://proxy.corp.example:3128";
    settings.no_proxy = ".corp.example";
    const auto cloud =
        proxy_for(Origin::parse("https://codearts-check.cn-north-4.myhuaweicloud.com"), settings);
    REQUIRE(cloud);
    CHECK(cloud->host == "proxy.corp.example");
    CHECK_FALSE(proxy_for(Origin::parse("https://codearts.corp.example"), settings));
    CHECK_FALSE(proxy_for(Origin::parse("http://127.0.0.1:8080"), settings));  // no HTTP_PROXY
    CHECK_FALSE(proxy_for(Origin::parse("https://x.example"), ProxySettings{}));
}
