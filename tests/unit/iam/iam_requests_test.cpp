// The IAM requests as they go on the wire, and reading IAM's answers (untrusted: any bytes give a
// value or nothing).
#include <doctest/doctest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "iam/github_id_token.h"
#include "iam/iam_failure.h"
#include "iam/iam_requests.h"
#include "iam/service_call.h"

using namespace ccs;
using namespace ccs::iam;

namespace {

const std::string endpoint_url = "https://iam.cn-north-4.myhuaweicloud.com";
const ccs::ServiceUrl endpoint = ccs::parse_service_url(endpoint_url);

Poco::JSON::Object::Ptr json(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

std::string at(const Poco::JSON::Object::Ptr& root, std::initializer_list<const char*> path,
               const char* leaf) {
    Poco::JSON::Object::Ptr object = root;
    for (const char* name : path) object = object->getObject(name);
    return object->getValue<std::string>(leaf);
}

}  // namespace

TEST_CASE("the password request: the documented body, scoped by project id or by the region's name") {
    PasswordLogin login{"bot", "p\"w\\1", "acme", "", "cn-north-4"};
    const HttpRequest by_name = password_token_request(endpoint, login);
    CHECK(by_name.method == "POST");
    CHECK(by_name.path == "/v3/auth/tokens");
    CHECK(*by_name.header("Host") == "iam.cn-north-4.myhuaweicloud.com");
    CHECK(*by_name.header("Content-Type") == "application/json;charset=utf8");
    const auto body = json(by_name.body);
    CHECK(at(body, {"auth", "identity", "password", "user"}, "name") == "bot");
    CHECK(at(body, {"auth", "identity", "password", "user"}, "password") == "p\"w\\1");  // escaped, not cut
    CHECK(at(body, {"auth", "identity", "password", "user", "domain"}, "name") == "acme");
    CHECK(body->getObject("auth")->getObject("identity")->getArray("methods")->getElement<std::string>(0) ==
          "password");
    CHECK(at(body, {"auth", "scope", "project"}, "name") == "cn-north-4");

    login.project_id = "p1";
    const auto by_id = json(password_token_request(endpoint, login).body);
    CHECK(at(by_id, {"auth", "scope", "project"}, "id") == "p1");
    CHECK_FALSE(by_id->getObject("auth")->getObject("scope")->getObject("project")->has("name"));
}

TEST_CASE("federation and temporary keys: the id token as Bearer, the unscoped token as X-Auth-Token") {
    const HttpRequest federation =
        federation_token_request(ccs::parse_service_url(endpoint_url + "/base/"), "gh-idp", "idt");
    CHECK(federation.path == "/base/v3/OS-FEDERATION/identity_providers/gh-idp/protocols/oidc/auth");
    CHECK(*federation.header("Authorization") == "Bearer idt");

    const HttpRequest keys = security_token_request(endpoint, "unscoped", 900);
    CHECK(keys.path == "/v3.0/OS-CREDENTIAL/securitytokens");
    CHECK(*keys.header("X-Auth-Token") == "unscoped");
    const auto body = json(keys.body);
    CHECK(body->getObject("auth")
              ->getObject("identity")
              ->getObject("token")
              ->getValue<int>("duration_seconds") == 900);
}

TEST_CASE("the project lookup is a GET by name, with the content type the signer signs") {
    const HttpRequest request =
        projects_request(ccs::parse_service_url("https://127.0.0.1:8443"), "cn-north-4");
    CHECK(request.method == "GET");
    CHECK(request.target() == "/v3/projects?name=cn-north-4");
    CHECK(*request.header("Host") == "127.0.0.1:8443");
    CHECK(request.header("Content-Type"));
}

TEST_CASE("X-Subject-Token: taken when it can be a header value") {
    HttpResponse response;
    CHECK_FALSE(subject_token(response));
    response.headers.push_back({"x-subject-token", "MIItoken"});
    CHECK(subject_token(response) == std::optional<std::string>("MIItoken"));
    response.headers = {{"X-Subject-Token", "a\r\nX-Evil: 1"}};
    CHECK_FALSE(subject_token(response));
}

TEST_CASE("temporary credentials: all three values, or nothing") {
    const auto credentials = parse_temporary_credentials(
        R"({"credential":{"access":"TMP1","secret":"s","securitytoken":"st","expires_at":"2026-01-01T00:00:00Z"}})");
    REQUIRE(credentials);
    CHECK(credentials->access_key == "TMP1");
    CHECK(credentials->secret_key == "s");
    CHECK(credentials->security_token == "st");
    CHECK(credentials->expires_at == "2026-01-01T00:00:00Z");
    for (const std::string body :
         {"", "null", "[]", "{}", R"({"credential":1})", R"({"credential":{"access":"A","secret":"s"}})",
          R"({"credential":{"access":"A","secret":7,"securitytoken":"t"}})",
          R"({"credential":{"access":"A\n","secret":"s","securitytoken":"t"}})"}) {
        CAPTURE(body);
        CHECK_FALSE(parse_temporary_credentials(body));
    }
}

TEST_CASE("the project list") {
    const auto projects =
        parse_projects(R"({"projects":[{"id":"p1","name":"cn-north-4"},{"id":"p2","name":"x"}]})");
    REQUIRE(projects);
    REQUIRE(projects->size() == 2);
    CHECK(projects->front().id == "p1");
    CHECK(projects->front().name == "cn-north-4");
    CHECK(parse_projects(R"({"projects":[]})")->empty());
    for (const std::string body : {"", "{", R"({"projects":{}})", R"({"projects":[1]})", "[]"}) {
        CAPTURE(body);
        CHECK_FALSE(parse_projects(body));
    }
}

TEST_CASE("error bodies: the gateway's, IAM's flat ones and Keystone's") {
    const auto gateway = parse_error_body(
        R"({"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: verify aksk signature fail"})");
    REQUIRE(gateway);
    CHECK(gateway->code == "APIGW.0301");
    const auto keystone = parse_error_body(
        R"({"error":{"code":401,"message":"The username or password is wrong.","title":"Unauthorized"}})");
    REQUIRE(keystone);
    CHECK(keystone->code.empty());
    CHECK(keystone->message == "The username or password is wrong.");
    for (const std::string body : {"", "null", "{}", "<html>", R"({"error":"x"})", R"({"error":{}})"}) {
        CAPTURE(body);
        CHECK_FALSE(parse_error_body(body));
    }
}

TEST_CASE("which answers refuse the credentials, and which are worth another attempt") {
    for (const int status : {400, 401, 403, 404}) CHECK(refuses_credentials(status));
    for (const int status : {200, 201, 408, 429, 500, 503}) CHECK_FALSE(refuses_credentials(status));
    for (const int status : {408, 429, 500, 502, 503, 504}) CHECK(is_transient_status(status));
    for (const int status : {200, 400, 401, 403, 404}) CHECK_FALSE(is_transient_status(status));
}

TEST_CASE("IAM retries by the API client's rule: 408, 429, every 5xx (501 included), the busy codes") {
    const auto answer = [](int status, const std::string& body) {
        http::Exchange exchange;
        exchange.response = HttpResponse{status, "", {}, body};
        return exchange;
    };
    for (int status = 200; status < 600; ++status) {
        CAPTURE(status);
        const bool success = status >= 200 && status < 300;
        CHECK(worth_another_attempt(answer(status, "")) ==
              (!success && classify_service_error(status, "") == ErrorClass::Transient));
    }
    CHECK(worth_another_attempt(answer(501, "")));
    CHECK_FALSE(refuses_credentials(501));
    CHECK(worth_another_attempt(answer(400, R"({"error_code":"APIGW.0308","error_msg":"throttled"})")));
    CHECK_FALSE(refuses_credentials(400, "APIGW.0308"));
    CHECK_FALSE(worth_another_attempt(answer(401, R"({"error_code":"APIGW.0301","error_msg":"no"})")));
    CHECK(refuses_credentials(401, "APIGW.0301"));
    http::Exchange reset;
    reset.error.kind = http::TransportErrorKind::Reset;
    CHECK(worth_another_attempt(reset));
    reset.error.kind = http::TransportErrorKind::Tls;
    CHECK_FALSE(worth_another_attempt(reset));
}

TEST_CASE("a failure in one line: whose answer, which call, the service's words") {
    IamFailure refused;
    refused.service = "IAM";
    refused.call = "POST /v3/auth/tokens";
    refused.http_status = 401;
    refused.error_message = "The username or password is wrong.";
    refused.refused = true;
    CHECK(refused.describe() ==
          "IAM refused the credentials (POST /v3/auth/tokens: HTTP 401 The username or password is wrong.)");

    IamFailure unreachable;
    unreachable.service = "IAM";
    unreachable.call = "GET /v3/projects";
    unreachable.problem = "timed out: no answer";
    CHECK(unreachable.describe() == "IAM gave no credentials (GET /v3/projects: timed out: no answer)");
}

TEST_CASE(
    "the GitHub id-token request: the runner's URL with the audience added, the request token as Bearer") {
    GitHubIdTokenRequest request{
        ccs::parse_service_url("https://pipelines.example:8443/a/idtoken?api-version=2.0"), "rt",
        "api://Huawei Cloud"};
    const HttpRequest http = github_id_token_http_request(request);
    CHECK(http.method == "GET");
    CHECK(http.path == "/a/idtoken");
    CHECK(http.query == "api-version=2.0&audience=api%3A%2F%2FHuawei%20Cloud");
    CHECK(*http.header("Host") == "pipelines.example:8443");
    CHECK(*http.header("Authorization") == "Bearer rt");

    request.audience.clear();
    CHECK(github_id_token_http_request(request).query == "api-version=2.0");
}
