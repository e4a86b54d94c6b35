#include <doctest/doctest.h>

#include "auth/aksk_signer.h"
#include "emulator/signature_verifier.h"

using ccs::emu::parse_authorization;

TEST_CASE("parses an Authorization header written by the SDK") {
    const auto parsed = parse_authorization(
        "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-project-id;x-sdk-date, "
        "Signature=54d46273ede3a34fce1fbe5a293e236c73ef0102bd237b8c2bbfb42bd0f74308");
    REQUIRE(parsed.has_value());
    CHECK(parsed->algorithm == "SDK-HMAC-SHA256");
    CHECK(parsed->access_key == "AccessKey");
    CHECK(parsed->signed_headers == std::vector<std::string>{"host", "x-project-id", "x-sdk-date"});
    CHECK(parsed->signature == "54d46273ede3a34fce1fbe5a293e236c73ef0102bd237b8c2bbfb42bd0f74308");
}

TEST_CASE("round-trips what authorization_header writes") {
    ccs::HttpRequest request{"GET", "/p", "", {{"Host", "h"}, {"X-Sdk-Date", "20060102T150405Z"}}, ""};
    const auto parsed =
        parse_authorization(ccs::auth::authorization_header(request, "AK", "SK", {"X-Sdk-Date", "Host"}));
    REQUIRE(parsed.has_value());
    CHECK(parsed->access_key == "AK");
    CHECK(parsed->signed_headers == std::vector<std::string>{"host", "x-sdk-date"});
    CHECK(parsed->signature.size() == 64);
}

TEST_CASE("tolerates spacing and field order, ignores unknown fields") {
    const auto parsed =
        parse_authorization("  V11-HMAC-SHA256 Signature = ab ,Access=AK,SignedHeaders=host, Extra=1 ");
    REQUIRE(parsed.has_value());
    CHECK(parsed->algorithm == "V11-HMAC-SHA256");
    CHECK(parsed->access_key == "AK");
    CHECK(parsed->signed_headers == std::vector<std::string>{"host"});
    CHECK(parsed->signature == "ab");
}

TEST_CASE("refuses malformed values") {
    CHECK_FALSE(parse_authorization(""));
    CHECK_FALSE(parse_authorization("SDK-HMAC-SHA256"));
    CHECK_FALSE(parse_authorization("Access=AK, SignedHeaders=host, Signature=ab"));  // no algorithm
    CHECK_FALSE(parse_authorization("SDK-HMAC-SHA256 SignedHeaders=host, Signature=ab"));
    CHECK_FALSE(parse_authorization("SDK-HMAC-SHA256 Access=AK, Signature=ab"));
    CHECK_FALSE(parse_authorization("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host"));
    CHECK_FALSE(parse_authorization("SDK-HMAC-SHA256 Access=, SignedHeaders=host, Signature=ab"));
    CHECK_FALSE(parse_authorization("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;;x, Signature=ab"));
    CHECK_FALSE(parse_authorization("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;, Signature=ab"));
    CHECK_FALSE(
        parse_authorization("SDK-HMAC-SHA256 Access=AK, Access=BK, SignedHeaders=host, Signature=ab"));
    CHECK_FALSE(parse_authorization("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=ab,"));
    CHECK_FALSE(parse_authorization("SDK-HMAC-SHA256 Access AK, SignedHeaders=host, Signature=ab"));
}
