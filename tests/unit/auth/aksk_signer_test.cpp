// The signer against the shared vectors (produced by the official Node.js SDK signer and the Go SDK's
// tests), read at run time so the vectors stay the single source of truth.
#include <doctest/doctest.h>

#include <Poco/JSON/Array.h>

#include <stdexcept>

#include "auth/aksk_signer.h"
#include "auth_test_support.h"

namespace {

using ccs::HttpRequest;
using Poco::JSON::Array;
using Poco::JSON::Object;

const std::string kVectorsFile = ccs::auth::test::test_data_path("aksk-signing.json");

HttpRequest request_of(const Object::Ptr& vector) {
    std::vector<ccs::Header> headers;
    const auto given = vector->getObject("headers");
    for (const auto& name : given->getNames()) headers.push_back({name, given->getValue<std::string>(name)});
    return ccs::auth::test::request_from_url(vector->getValue<std::string>("method"),
                                             vector->getValue<std::string>("url"), headers,
                                             vector->getValue<std::string>("body"));
}

std::vector<std::string> strings_of(const Array::Ptr& array) {
    std::vector<std::string> values;
    for (std::size_t i = 0; i < array->size(); ++i) values.push_back(array->getElement<std::string>(i));
    return values;
}

std::string authorization_of(const Object::Ptr& vector, const std::vector<std::string>& signed_headers) {
    return ccs::auth::authorization_header(request_of(vector), vector->getValue<std::string>("ak"),
                                           vector->getValue<std::string>("sk"), signed_headers);
}

}  // namespace

TEST_CASE("every SDK vector: all given headers plus host signed, Authorization byte for byte") {
    const auto cases = ccs::auth::test::load_json_object(kVectorsFile)->getArray("cases");
    REQUIRE(cases->size() > 0);
    for (std::size_t i = 0; i < cases->size(); ++i) {
        const auto vector = cases->getObject(i);
        INFO("vector: " << vector->getValue<std::string>("name"));
        std::vector<std::string> signed_headers = vector->getObject("headers")->getNames();
        signed_headers.push_back("host");
        CHECK(authorization_of(vector, signed_headers) == vector->getValue<std::string>("authorization"));
    }
}

TEST_CASE("every signed-headers-subset vector: only the listed headers signed, canonical request too") {
    const auto cases = ccs::auth::test::load_json_object(kVectorsFile)
                           ->getObject("signed_headers_subset_cases")
                           ->getArray("cases");
    REQUIRE(cases->size() > 0);
    for (std::size_t i = 0; i < cases->size(); ++i) {
        const auto vector = cases->getObject(i);
        INFO("vector: " << vector->getValue<std::string>("name"));
        const auto signed_headers = strings_of(vector->getArray("signed_headers"));
        CHECK(authorization_of(vector, signed_headers) == vector->getValue<std::string>("authorization"));
        if (vector->has("canonical_request")) {
            CHECK(ccs::auth::canonical_request(request_of(vector), signed_headers) ==
                  vector->getValue<std::string>("canonical_request"));
        }
    }
}

TEST_CASE("canonical URI: decoded, each segment re-encoded, trailing slash") {
    using ccs::auth::canonical_uri;
    CHECK(canonical_uri("/v2/tasks/2b31ed52/stop") == "/v2/tasks/2b31ed52/stop/");
    CHECK(canonical_uri("/v2/tasks/") == "/v2/tasks/");
    CHECK(canonical_uri("/") == "/");
    CHECK(canonical_uri("") == "/");
    CHECK(canonical_uri("/a%20b/c") == "/a%20b/c/");
    CHECK(canonical_uri("/a b") == "/a%20b/");
    CHECK(canonical_uri("/a+b") == "/a%2Bb/");  // '+' is literal in a path
    CHECK(canonical_uri("/a%2fb") == "/a/b/");  // a decoded slash separates segments, as the gateway reads it
    CHECK(canonical_uri("/a//b") == "/a//b/");
    CHECK(canonical_uri("/~Az09-_./%E4%B8%80") == "/~Az09-_./%E4%B8%80/");
    CHECK_THROWS_AS(canonical_uri("/a%zz"), std::invalid_argument);
    CHECK_THROWS_AS(canonical_uri("/a%2"), std::invalid_argument);
}

TEST_CASE("canonical query: decoded, sorted by name then value, re-encoded") {
    using ccs::auth::canonical_query;
    CHECK(canonical_query("") == "");
    CHECK(canonical_query("name=cn-north-4") == "name=cn-north-4");
    CHECK(canonical_query("b=2&a=hello%20world&a=%2Ftmp%2F1&c=%E4%B8%80") ==
          "a=%2Ftmp%2F1&a=hello%20world&b=2&c=%E4%B8%80");
    CHECK(canonical_query("flag&x=") == "flag=&x=");
    CHECK(canonical_query("a+b=c+d") == "a%20b=c%20d");  // form encoding: '+' is a space
    CHECK(canonical_query("&&a=1&") == "a=1");
    CHECK(canonical_query("a=x=y") == "a=x%3Dy");
    CHECK(canonical_query("a~=1&a%21=2") == "a%21=2&a~=1");  // sorted decoded: '!' < '~'
    CHECK_THROWS_AS(canonical_query("a=%G0"), std::invalid_argument);
}

TEST_CASE("signed header names are lower-cased, sorted and deduplicated") {
    CHECK(ccs::auth::normalized_signed_headers({"X-Sdk-Date", "Host", "host", "Content-Type"}) ==
          std::vector<std::string>{"content-type", "host", "x-sdk-date"});
}

TEST_CASE("canonical request: header values trimmed, method upper-cased, body hashed") {
    auto request = ccs::auth::test::request_from_url(
        "post", "https://h.example/p?q=1", {{"X-Sdk-Date", "20060102T150405Z"}, {"X-Extra", "  v  "}}, "{}");
    CHECK(
        ccs::auth::canonical_request(request, {"Host", "X-Extra", "x-sdk-date"}) ==
        "POST\n/p/\nq=1\nhost:h.example\nx-extra:v\nx-sdk-date:20060102T150405Z\n\nhost;x-extra;x-sdk-date\n"
        "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
}

TEST_CASE("a signed header the request lacks is an error, not an empty value") {
    auto request = ccs::auth::test::request_from_url("GET", "https://h.example/p", {{"X-Sdk-Date", "x"}});
    CHECK_THROWS_AS(ccs::auth::canonical_request(request, {"host", "x-project-id"}), std::invalid_argument);
    request.headers.erase(request.headers.begin() + 1);  // X-Sdk-Date
    CHECK_THROWS_AS(ccs::auth::authorization_header(request, "AK", "SK", {"host"}), std::invalid_argument);
}

TEST_CASE("X-Sdk-Content-Sha256 stands for the body hash only when it is signed") {
    auto request = ccs::auth::test::request_from_url(
        "PUT", "https://h.example/p",
        {{"X-Sdk-Date", "20060102T150405Z"}, {"X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD"}}, "body");
    const auto signed_payload = ccs::auth::canonical_request(request, {"host", "x-sdk-content-sha256"});
    CHECK(signed_payload.substr(signed_payload.rfind('\n') + 1) == "UNSIGNED-PAYLOAD");
    const auto unsigned_payload = ccs::auth::canonical_request(request, {"host"});
    CHECK(unsigned_payload.substr(unsigned_payload.rfind('\n') + 1) ==
          "230d8358dc8e8890b4c58deeb62912ee2f20357ae92a5cc861b98e68fe31acb5");  // sha256("body")
}
