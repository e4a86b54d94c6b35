#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>

#include "auth/aksk_authorizer.h"
#include "auth/aksk_signer.h"
#include "auth/sdk_date.h"
#include "auth_test_support.h"
#include "emulator/signature_verifier.h"

namespace {

using ccs::HttpRequest;
using ccs::auth::AkSkAuthorizer;

const std::string kStopUrl =
    "https://codearts-check.cn-north-4.myhuaweicloud.com/v2/tasks/2b31ed520000000ebedb6e5700000000/stop";

ccs::auth::SdkDateClock fixed_clock(const std::string& sdk_date) {
    return [sdk_date] { return sdk_date; };
}

HttpRequest stop_request(const std::vector<ccs::Header>& headers = {}) {
    return ccs::auth::test::request_from_url("POST", kStopUrl, headers);
}

std::size_t count_headers(const HttpRequest& request, const std::string& name) {
    return static_cast<std::size_t>(
        std::count_if(request.headers.begin(), request.headers.end(),
                      [&](const ccs::Header& header) { return header.name == name; }));
}

}  // namespace

TEST_CASE("permanent AK/SK: date, project id and Authorization as the SDK writes them") {
    const AkSkAuthorizer authorizer(
        {"AccessKey", "SecretKey", std::nullopt, "0123456789abcdef0123456789abcdef"},
        fixed_clock("20060102T150405Z"));
    auto request = stop_request({{"Content-Type", "application/json"}});
    authorizer.authorize(request);

    REQUIRE(request.header("X-Sdk-Date") != nullptr);
    CHECK(*request.header("X-Sdk-Date") == "20060102T150405Z");
    REQUIRE(request.header("X-Project-Id") != nullptr);
    CHECK(*request.header("X-Project-Id") == "0123456789abcdef0123456789abcdef");
    CHECK(request.header("X-Security-Token") == nullptr);
    REQUIRE(request.header("Authorization") != nullptr);
    // Vector "stop with project id and content type".
    CHECK(*request.header("Authorization") ==
          "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=content-type;host;x-project-id;x-sdk-date, "
          "Signature=eb59a1c112ec07a94269ac6be111ef3f1b08117e467553c94d291c2fd44ed523");
    CHECK(authorizer.kind() == "aksk");
    CHECK(authorizer.secrets() == std::vector<std::string>{"SecretKey"});
}

TEST_CASE("temporary AK/SK: the security token is sent and signed") {
    const AkSkAuthorizer authorizer({"TMPAK0EXAMPLE", "tmp-secret/with+chars=", "gQpjbi1ub3J0aC00token+/==",
                                     "aaaabbbbccccddddeeeeffff00001111"},
                                    fixed_clock("20261128T010203Z"));
    auto request = stop_request();
    authorizer.authorize(request);

    REQUIRE(request.header("X-Security-Token") != nullptr);
    CHECK(*request.header("X-Security-Token") == "gQpjbi1ub3J0aC00token+/==");
    // Vector "stop with temporary credentials".
    CHECK(
        *request.header("Authorization") ==
        "SDK-HMAC-SHA256 Access=TMPAK0EXAMPLE, SignedHeaders=host;x-project-id;x-sdk-date;x-security-token, "
        "Signature=212533f9681a1617387df6745e810e270b1446101b9a2f3c7a24f1103a7b7133");
    CHECK(authorizer.kind() == "temporary-aksk");
    CHECK(authorizer.secrets() ==
          std::vector<std::string>{"tmp-secret/with+chars=", "gQpjbi1ub3J0aC00token+/=="});
}

TEST_CASE("no project id and an empty security token: neither header is sent") {
    const AkSkAuthorizer authorizer({"AccessKey", "SecretKey", std::string(), ""},
                                    fixed_clock("20060102T150405Z"));
    auto request = stop_request();
    authorizer.authorize(request);

    CHECK(request.header("X-Project-Id") == nullptr);
    CHECK(request.header("X-Security-Token") == nullptr);
    // Vector "stop, host and date only".
    CHECK(*request.header("Authorization") ==
          "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, "
          "Signature=8ab10ba0a93fc19e79033ddf12167947dd5cdcabb3e88178eb3062ebaa0091e9");
    CHECK(authorizer.kind() == "aksk");
    CHECK(authorizer.secrets() == std::vector<std::string>{"SecretKey"});
}

TEST_CASE("headers other than the known ones are sent unsigned") {
    const AkSkAuthorizer authorizer({"AK", "SK", std::nullopt, "p"}, fixed_clock("20060102T150405Z"));
    auto request = stop_request({{"User-Agent", "codearts-check-stop"}, {"Accept", "application/json"}});
    authorizer.authorize(request);
    const auto parsed = ccs::emu::parse_authorization(*request.header("Authorization"));
    REQUIRE(parsed.has_value());
    CHECK(parsed->signed_headers == std::vector<std::string>{"host", "x-project-id", "x-sdk-date"});
}

TEST_CASE("authorizing again (a retry) replaces the date and signature instead of adding headers") {
    std::string now = "20060102T150405Z";
    const AkSkAuthorizer authorizer({"AccessKey", "SecretKey", std::nullopt, ""}, [&now] { return now; });
    auto request = stop_request();
    authorizer.authorize(request);
    const std::string first_authorization = *request.header("Authorization");
    now = "20060102T150406Z";
    authorizer.authorize(request);

    CHECK(count_headers(request, "X-Sdk-Date") == 1);
    CHECK(count_headers(request, "Authorization") == 1);
    CHECK(*request.header("X-Sdk-Date") == "20060102T150406Z");
    CHECK(*request.header("Authorization") != first_authorization);
}

TEST_CASE("the default clock signs with the current UTC time") {
    const AkSkAuthorizer authorizer({"AK", "SK", std::nullopt, ""});
    auto request = stop_request();
    const auto before = std::chrono::system_clock::now() - std::chrono::seconds(1);
    authorizer.authorize(request);
    const auto after = std::chrono::system_clock::now() + std::chrono::seconds(1);
    const auto signed_at = ccs::auth::parse_sdk_date(*request.header("X-Sdk-Date"));
    REQUIRE(signed_at.has_value());
    CHECK(*signed_at >= before);
    CHECK(*signed_at <= after);
}

TEST_CASE("a request without Host cannot be signed") {
    const AkSkAuthorizer authorizer({"AK", "SK", std::nullopt, ""}, fixed_clock("20060102T150405Z"));
    HttpRequest request{"POST", "/v2/tasks/x/stop", "", {}, ""};
    CHECK_THROWS_AS(authorizer.authorize(request), std::invalid_argument);
}
