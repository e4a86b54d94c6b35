#include <doctest/doctest.h>

#include <algorithm>
#include <map>

#include "../auth/auth_test_support.h"
#include "auth/aksk_authorizer.h"
#include "auth/aksk_signer.h"
#include "auth/sdk_date.h"
#include "emulator/signature_verifier.h"

namespace {

using ccs::HttpRequest;
using ccs::emu::VerifyFailure;
using ccs::emu::VerifyResult;
using namespace std::chrono_literals;

const std::string kSignedAt = "20261128T052504Z";
const std::string kAccessKey = "AKEXAMPLE";
const std::string kSecretKey = "sk-example/with+chars=";
const std::string kSecurityToken = "security-token-example";

const std::map<std::string, std::string> kKnownKeys = {{kAccessKey, kSecretKey}, {"OTHER", "other-sk"}};

std::optional<std::string> lookup(const std::string& access_key) {
    const auto found = kKnownKeys.find(access_key);
    if (found == kKnownKeys.end()) return std::nullopt;
    return found->second;
}

std::chrono::system_clock::time_point signing_time() {
    return *ccs::auth::parse_sdk_date(kSignedAt);
}

HttpRequest signed_request(const std::string& access_key = kAccessKey) {
    auto request = ccs::auth::test::request_from_url(
        "POST", "https://127.0.0.1:8443/v2/tasks/2b31ed520000000ebedb6e5700000000/stop?mode=now",
        {{"Content-Type", "application/json"}, {"User-Agent", "test"}}, "{\"reason\":\"ci cancelled\"}");
    const ccs::auth::AkSkAuthorizer authorizer({access_key, kSecretKey, kSecurityToken, "0123456789abcdef"},
                                               [] { return kSignedAt; });
    authorizer.authorize(request);
    return request;
}

VerifyResult verify(const HttpRequest& request, std::chrono::system_clock::duration clock_offset = 0s) {
    return ccs::emu::verify_signature(request, lookup, signing_time() + clock_offset);
}

// Changes the last byte of `text` to another byte.
void change_last_byte(std::string& text) {
    text.back() = text.back() == 'x' ? 'y' : 'x';
}

void check_refused(const VerifyResult& result, VerifyFailure failure) {
    CHECK_FALSE(result.ok());
    CHECK(result.failure == failure);
    CHECK(result.http_status == 401);
    CHECK(result.error_code == "APIGW.0301");
    CHECK(result.error_msg.rfind("Incorrect IAM authentication information: ", 0) == 0);
    CHECK(result.error_msg.find(kSecretKey) == std::string::npos);
    CHECK(result.error_msg.find(kSecurityToken) == std::string::npos);
}

}  // namespace

TEST_CASE("accepts a request signed by AkSkAuthorizer") {
    const auto result = verify(signed_request());
    CHECK(result.ok());
    CHECK(result.http_status == 200);
    CHECK(result.error_code.empty());
    CHECK(result.access_key == kAccessKey);
    CHECK(result.canonical_request.rfind("POST\n/v2/tasks/2b31ed520000000ebedb6e5700000000/stop/\nmode=now\n",
                                         0) == 0);
}

TEST_CASE("unsigned headers may change, be added or removed") {
    auto request = signed_request();
    request.set_header("User-Agent", "changed");
    request.set_header("Accept", "*/*");
    CHECK(verify(request).ok());
}

TEST_CASE("refuses one byte changed in what was signed") {
    auto request = signed_request();
    SUBCASE("path") {
        change_last_byte(request.path);
    }
    SUBCASE("query") {
        change_last_byte(request.query);
    }
    SUBCASE("body") {
        change_last_byte(request.body);
    }
    SUBCASE("method") {
        request.method = "PUT";
    }
    SUBCASE("host") {
        request.set_header("Host", "127.0.0.1:8444");
    }
    SUBCASE("project id") {
        request.set_header("X-Project-Id", "0123456789abcdeg");
    }
    SUBCASE("security token") {
        request.set_header("X-Security-Token", "security-token-examplf");
    }
    SUBCASE("content type") {
        request.set_header("Content-Type", "application/jsoN");
    }
    SUBCASE("date, still within the skew") {
        request.set_header("X-Sdk-Date", "20261128T052505Z");
    }
    SUBCASE("signature") {
        std::string authorization = *request.header("Authorization");
        change_last_byte(authorization);
        request.set_header("Authorization", authorization);
    }
    const auto result = verify(request);
    check_refused(result, VerifyFailure::signature_mismatch);
    CHECK(result.error_msg == "Incorrect IAM authentication information: verify aksk signature fail");
}

TEST_CASE("refuses a body swapped under an unsigned X-Sdk-Content-Sha256") {
    auto request = signed_request();
    request.set_header("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD");
    change_last_byte(request.body);
    check_refused(verify(request), VerifyFailure::signature_mismatch);
}

TEST_CASE("refuses a signature made with another secret key") {
    auto request = signed_request("OTHER");  // signed with kSecretKey, but OTHER's key is other-sk
    check_refused(verify(request), VerifyFailure::signature_mismatch);
}

TEST_CASE("accepts a clock skew up to 15 minutes either way, refuses more") {
    CHECK(verify(signed_request(), 15min).ok());
    CHECK(verify(signed_request(), -15min).ok());
    for (const std::chrono::seconds offset : {15min + 1s, -(15min + 1s), std::chrono::seconds(24h)}) {
        const auto result = verify(signed_request(), offset);
        check_refused(result, VerifyFailure::clock_skew);
        CHECK(result.error_msg.find("signature expired, signature time:20261128T052504Z,server time:") !=
              std::string::npos);
        CHECK(result.error_msg.find("more than 15 minutes") != std::string::npos);
    }
}

TEST_CASE("refuses an unknown access key") {
    const auto result = verify(signed_request("UNKNOWNAK"));
    check_refused(result, VerifyFailure::unknown_access_key);
    CHECK(result.access_key == "UNKNOWNAK");
    CHECK(result.error_msg ==
          "Incorrect IAM authentication information: Get secretKey failed,ak:UNKNOWNAK,err:ak not exist");
}

TEST_CASE("refuses a missing, malformed or foreign Authorization header") {
    auto request = signed_request();
    const std::string authorization = *request.header("Authorization");
    SUBCASE("missing") {
        request.headers.erase(
            std::remove_if(request.headers.begin(), request.headers.end(),
                           [](const ccs::Header& header) { return header.name == "Authorization"; }),
            request.headers.end());
        check_refused(verify(request), VerifyFailure::missing_authorization);
    }
    SUBCASE("malformed") {
        request.set_header("Authorization", "Bearer abc");
        check_refused(verify(request), VerifyFailure::malformed_authorization);
    }
    SUBCASE("another algorithm") {
        request.set_header("Authorization",
                           "V11-HMAC-SHA256" + authorization.substr(authorization.find(' ')));
        check_refused(verify(request), VerifyFailure::unsupported_algorithm);
    }
}

TEST_CASE("refuses a request that did not sign host or x-sdk-date") {
    auto request = signed_request();
    for (const std::string left_out : {"host", "x-sdk-date"}) {
        CAPTURE(left_out);
        const std::vector<std::string> others = {left_out == "host" ? "x-sdk-date" : "host", "content-type"};
        request.set_header("Authorization",
                           ccs::auth::authorization_header(request, kAccessKey, kSecretKey, others));
        check_refused(verify(request), VerifyFailure::required_header_not_signed);
    }
}

TEST_CASE("refuses a signed header that is missing or sent twice") {
    auto request = signed_request();
    SUBCASE("missing") {
        request.headers.erase(
            std::remove_if(request.headers.begin(), request.headers.end(),
                           [](const ccs::Header& header) { return header.name == "X-Project-Id"; }),
            request.headers.end());
        check_refused(verify(request), VerifyFailure::signed_header_missing);
    }
    SUBCASE("sent twice") {
        request.headers.push_back({"x-project-id", "another"});
        check_refused(verify(request), VerifyFailure::signed_header_repeated);
    }
}

TEST_CASE("refuses an X-Sdk-Date that is not YYYYMMDDTHHMMSSZ") {
    auto request = signed_request();
    request.set_header("X-Sdk-Date", "2026-11-28T05:25:04Z");
    request.set_header("Authorization", ccs::auth::authorization_header(request, kAccessKey, kSecretKey,
                                                                        {"host", "x-sdk-date"}));
    check_refused(verify(request), VerifyFailure::invalid_sdk_date);
}

TEST_CASE("answers 400 to a path that is not valid percent-encoding") {
    auto request = signed_request();
    request.path += "%zz";
    const auto result = verify(request);
    CHECK(result.failure == VerifyFailure::malformed_request);
    CHECK(result.http_status == 400);
    CHECK(result.error_code == "APIGW.0201");
}
