// The one parser of each kind of URL a run uses (core/url.h).
#include <doctest/doctest.h>

#include <Poco/Exception.h>

#include "core/url.h"

using ccs::parse_no_proxy;
using ccs::parse_proxy_url;
using ccs::parse_service_url;

TEST_CASE("the Host header carries the port only when it is not the scheme's default") {
    CHECK(parse_service_url("https://codearts-check.cn-north-4.myhuaweicloud.com").origin.host_header() ==
          "codearts-check.cn-north-4.myhuaweicloud.com");
    CHECK(parse_service_url("https://127.0.0.1:8443/base").origin.host_header() == "127.0.0.1:8443");
    CHECK(parse_service_url("http://localhost:80").origin.host_header() == "localhost");
    CHECK(parse_service_url("http://[::1]:8080").origin.host_header() == "[::1]:8080");
}

TEST_CASE("only http and https URLs with a host are origins") {
    CHECK_THROWS_AS(parse_service_url("ftp://example.com"), Poco::SyntaxException);
    CHECK_THROWS_AS(parse_service_url("https://"), Poco::SyntaxException);
    CHECK(parse_service_url("https://example.com").origin.secure());
    CHECK_FALSE(parse_service_url("http://example.com").origin.secure());
}

TEST_CASE("a service URL's path as the request line carries it, its base path and its query") {
    const auto url = parse_service_url("https://h.example:8443/a%20b/base//?api-version=2.0");
    CHECK(url.origin.port == 8443);
    CHECK(url.path == "/a%20b/base//");
    CHECK(url.base_path() == "/a%20b/base");
    CHECK(url.query == "api-version=2.0");
    CHECK(parse_service_url("https://h.example").base_path().empty());
    CHECK(parse_service_url("https://h.example/").base_path().empty());
}

TEST_CASE("each reason a text is not a service URL is told apart, user info last") {
    const auto problem = [](const std::string& url) {
        try {
            parse_service_url(url);
        } catch (const ccs::UrlError& error) {
            return error.problem();
        }
        FAIL("accepted");
        return ccs::UrlError::Problem::Other;
    };
    using Problem = ccs::UrlError::Problem;
    CHECK(problem("ftp://example.com") == Problem::NotHttp);
    CHECK(problem("https://") == Problem::NoHost);
    CHECK(problem("https://u:pw@example.com") == Problem::UserInfo);
}

TEST_CASE("a proxy URL as CI runners set HTTPS_PROXY") {
    const auto proxy = parse_proxy_url("http://ci%40corp:p%3Ass@proxy.corp.example:3128/");
    CHECK(proxy.host == "proxy.corp.example");
    CHECK(proxy.port == 3128);
    CHECK(proxy.username == "ci@corp");
    CHECK(proxy.password == "p:ss");
    const auto bare = parse_proxy_url("proxy.corp.example:8080");
    CHECK(bare.host == "proxy.corp.example");
    CHECK(bare.port == 8080);
    CHECK(bare.username.empty());
    CHECK(parse_proxy_url("http://10.1.2.3").port == 80);
}

TEST_CASE("proxies we cannot speak to are refused, with a reason and without the password") {
    for (const char* url :
         {"socks5://user:hunter2@proxy:1080", "https://proxy:443", "http://", "http://proxy:3128/path",
          "http://u:hunter2%zz@proxy:3128", "http://u%@proxy:3128"}) {
        CAPTURE(url);
        try {
            parse_proxy_url(url);
            FAIL("accepted");
        } catch (const Poco::SyntaxException& error) {
            CHECK(error.displayText().find("hunter2") == std::string::npos);
        }
    }
}

TEST_CASE("NO_PROXY entries: lower case, without brackets, a port split off where one is given") {
    const auto entries =
        parse_no_proxy(" LocalHost, .internal.example\t[::1],api.example:8443 ::1 [::1]:80,,");
    REQUIRE(entries.size() == 6);
    CHECK(entries[0].host == "localhost");
    CHECK_FALSE(entries[0].port);
    CHECK(entries[1].host == ".internal.example");
    CHECK(entries[2].host == "::1");
    CHECK_FALSE(entries[2].port);
    CHECK(entries[3].host == "api.example");
    CHECK(entries[3].port == 8443);
    CHECK(entries[4].host == "::1");  // a bare IPv6 address: its last group is no port
    CHECK_FALSE(entries[4].port);
    CHECK(entries[5].host == "::1");
    CHECK(entries[5].port == 80);
    CHECK(parse_no_proxy("").empty());
}
