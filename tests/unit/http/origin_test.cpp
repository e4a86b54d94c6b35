#include <doctest/doctest.h>

#include <Poco/Exception.h>

#include "http/origin.h"

using ccs::http::Origin;

TEST_CASE("the Host header carries the port only when it is not the scheme's default") {
    CHECK(Origin::parse("https://codearts-check.cn-north-4.myhuaweicloud.com").host_header() ==
          "codearts-check.cn-north-4.myhuaweicloud.com");
    CHECK(Origin::parse("https://127.0.0.1:8443/base").host_header() == "127.0.0.1:8443");
    CHECK(Origin::parse("http://localhost:80").host_header() == "localhost");
    CHECK(Origin::parse("http://[::1]:8080").host_header() == "[::1]:8080");
}

TEST_CASE("only http and https URLs with a host are origins") {
    CHECK_THROWS_AS(Origin::parse("ftp://example.com"), Poco::SyntaxException);
    CHECK_THROWS_AS(Origin::parse("https://"), Poco::SyntaxException);
    CHECK(Origin::parse("https://example.com").secure());
    CHECK_FALSE(Origin::parse("http://example.com").secure());
}
