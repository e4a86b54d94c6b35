#include <doctest/doctest.h>

#include <algorithm>

#include "input_test_helpers.h"
#include "inputs/endpoint.h"

using namespace ccs::inputs;
using namespace ccs::inputs::testing;

namespace {

std::string refusal(const Environment& env) {
    try {
        proxy_from_environment(env);
    } catch (const InvalidInput& error) {
        return error.what();
    }
    return "";
}

}  // namespace

TEST_CASE("proxy variables as curl reads them: lower case first, HTTPS_PROXY for https, NO_PROXY") {
    const ccs::ProxySetting proxy = proxy_from_environment({{"HTTPS_PROXY", "http://upper:3128"},
                                                            {"https_proxy", "http://lower:3128"},
                                                            {"HTTP_PROXY", "plain.example:8080"},
                                                            {"NO_PROXY", ".corp.example,localhost"}});
    REQUIRE(proxy.https);
    CHECK(proxy.https->host == "lower");
    CHECK(proxy.https->port == 3128);
    REQUIRE(proxy.http);
    CHECK(proxy.http->host == "plain.example");
    CHECK(proxy.http->port == 8080);
    REQUIRE(proxy.no_proxy.size() == 2);
    CHECK(proxy.no_proxy[0].host == ".corp.example");
    CHECK(proxy.no_proxy[1].host == "localhost");
    CHECK(proxy.passwords().empty());
    CHECK_FALSE(proxy_from_environment({}).https);
    CHECK_FALSE(proxy_from_environment({{"HTTPS_PROXY", "  "}}).https);  // blank counts as unset
}

TEST_CASE("a proxy password is a secret of the run") {
    Environment env = valid_env();
    env["HTTPS_PROXY"] = "http://ci:pr%40xy-pass@proxy.corp.example:3128";
    const Config config = config_of({}, env);
    const auto secrets = config.secrets();
    CHECK(std::find(secrets.begin(), secrets.end(), "pr@xy-pass") != secrets.end());
}

TEST_CASE("a proxy that cannot be used is refused, naming the variable and never showing the value") {
    for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
             {"HTTPS_PROXY", "socks5://u:hunter2@proxy:1080"},
             {"https_proxy", "http://u:hunter2@proxy:3128/path"},
             {"HTTP_PROXY", "http://u:hunter2@proxy:3128\r\nX-Injected: 1"},
             {"HTTPS_PROXY", "http://u:hunter2@"},
             // found by the fuzzer: a bad %-escape in the password once escaped as a Poco exception
             {"HTTPS_PROXY", "http://u:hunter2%\xa2\xa2@proxy.example:3128"}}) {
        CAPTURE(name);
        const std::string message = refusal({{name, value}});
        CHECK(message.find(name) == 0);
        CHECK(message.find("hunter2") == std::string::npos);
    }
}

TEST_CASE("--allow-insecure-http lets an http endpoint beyond loopback through, and only then") {
    Environment env = valid_env();
    env["INPUT_ENDPOINT"] = "http://codearts-check.corp.example";
    CHECK_THROWS_AS(parse_inputs({}, env), InvalidInput);
    env["INPUT_ALLOW-INSECURE-HTTP"] = "true";
    CHECK(config_of({}, env).endpoints.front().url == "http://codearts-check.corp.example");
}
