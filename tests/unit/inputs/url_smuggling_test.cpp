// URLs cannot smuggle bytes: whatever an endpoint, IAM endpoint, proxy or id-token request URL holds
// percent-encoded (a control character, NUL, a space) or as a dot segment is refused with the input's
// name, before anything is sent, so no decoded byte outside the URI grammar reaches a request line or
// a header.
#include <doctest/doctest.h>

#include "input_test_helpers.h"

using namespace ccs::inputs;
using namespace ccs::inputs::testing;

namespace {

// Each one sneaks something into what the URL decodes to; the plain forms in `clean` are accepted.
const std::vector<std::string> smuggling_paths = {
    "/a%0d%0aX-Injected:%201",
    "/a%0D%0A",
    "/nul%00",
    "/sp%20ace",
    "/tab%09",
    "/del%7f",
    "/esc%1b",
    "/base/../v3",
    "/base/./v3",
    "/base/%2e%2e/v3",
    "/base/.%2E/v3",
    "/..",
    "/%2e",
    "/bad%zz",
    "/cut%2",
};
const std::vector<std::string> clean_paths = {"", "/", "/base", "/base/v1", "/a%2Fb", "/..a/b.", "/%7Euser"};

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

Environment oidc_env(const std::string& request_url) {
    Environment env = valid_env_without("INPUT_IAM-TOKEN");
    env["ACTIONS_ID_TOKEN_REQUEST_URL"] = request_url;
    env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "rt-1";
    env["HUAWEICLOUD_SDK_PROJECT_ID"] = "0123456789abcdef0123456789abcdef";
    return env;
}

}  // namespace

TEST_CASE("an endpoint whose path decodes to a control, NUL, space or dot segment is refused") {
    for (const auto& path : smuggling_paths) {
        CAPTURE(path);
        CHECK(has(failure_of({"--endpoint", "https://h.example" + path}, valid_env()), "--endpoint"));
        CHECK(has(failure_of({"--iam-endpoint", "https://iam.example" + path}, valid_env()), "iam-endpoint"));
        const std::string variable = "HUAWEICLOUD_SDK_REGION_CODEARTSCHECK_CN_NORTH_4";
        CHECK(has(failure_of({}, valid_env_with(variable, "https://h.example" + path)), variable));
    }
    for (const auto& path : clean_paths) {
        CAPTURE(path);
        CHECK_NOTHROW(parse_inputs({"--endpoint", "https://h.example" + path}, valid_env()));
        CHECK_NOTHROW(parse_inputs({"--iam-endpoint", "https://iam.example" + path}, valid_env()));
    }
}

TEST_CASE("a host that decodes to a control or a space is refused") {
    CHECK(
        has(failure_of({"--endpoint", "https://h%0d%0aX-Injected:%201.example"}, valid_env()), "--endpoint"));
    CHECK(has(failure_of({"--endpoint", "https://h%20x.example"}, valid_env()), "--endpoint"));
    CHECK(has(failure_of({"--endpoint", "https://h%00.example"}, valid_env()), "--endpoint"));
}

TEST_CASE("a proxy URL that decodes to a control, NUL or space is refused, without showing it") {
    for (const std::string url : {"http://pro%0d%0axy.example:3128", "http://u:pw%0d%0aX@proxy.example:3128",
                                  "http://u%00:pw@proxy.example:3128", "http://proxy%20x.example:3128",
                                  "http://proxy.example:3128/%2e%2e"}) {
        CAPTURE(url);
        const std::string message = failure_of({}, valid_env_with("HTTPS_PROXY", url));
        CHECK(message.rfind("HTTPS_PROXY", 0) == 0);
        CHECK_FALSE(has(message, "pw"));
    }
    CHECK_NOTHROW(
        parse_inputs({}, valid_env_with("HTTPS_PROXY", "http://u%40corp:p%3Aw@proxy.example:3128")));
}

TEST_CASE("an id-token request URL that decodes to a control, NUL, space or dot segment is refused") {
    const std::vector<std::string> args = {"--idp-id", "gh", "--region", "cn-north-4"};
    CHECK_NOTHROW(parse_inputs(args, oidc_env("https://pipelines.example/idtoken?api-version=2.0")));
    for (const std::string url :
         {"https://pipelines.example/id%0d%0aX-Injected:%201?api-version=2.0",
          "https://pipelines.example/a b?x=1", "https://pipelines.example/../idtoken?x=1",
          "https://pipelines.example/%2e%2e/idtoken?x=1", "https://pipelines.example/idtoken?x=%00",
          "https://pipelines.example/idtoken?x=\x7f"}) {
        CAPTURE(url);
        CHECK(has(failure_of(args, oidc_env(url)), "ACTIONS_ID_TOKEN_REQUEST_URL"));
    }
}
