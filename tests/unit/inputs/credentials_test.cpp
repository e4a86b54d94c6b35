// The token: required, size-limited, one line, never echoed.
#include "input_test_helpers.h"

using namespace ccs::inputs;
using namespace ccs::inputs::testing;

TEST_CASE("the token is taken and reported as a secret") {
    const Config config = config_of({}, valid_env());
    CHECK(config.token == "secret-token-value");
    CHECK(config.secrets() == std::vector<std::string>{"secret-token-value"});
}

TEST_CASE("a missing token names every way to give one") {
    const std::string message = failure_of({}, valid_env_without("INPUT_TOKEN"));
    CHECK(message.find("no credentials") == 0);
    CHECK(message.find("--token") != std::string::npos);
    CHECK(message.find("INPUT_TOKEN") != std::string::npos);
    CHECK(message.find("CODEARTS_CHECK_TOKEN") != std::string::npos);
}

TEST_CASE("a token with CR, LF or another control character is refused without echoing it") {
    for (const std::string token : {"abc\r\nX-Evil: 1", "abc\ndef", "abc\rdef",
                                    "abc\x01"
                                    "def",
                                    "abc\x7f"}) {
        CAPTURE(token);
        const std::string message = failure_of({}, valid_env_with("INPUT_TOKEN", token));
        CHECK(message.rfind("INPUT_TOKEN: ", 0) == 0);
        CHECK(message.find("control character") != std::string::npos);
        CHECK(message.find("abc") == std::string::npos);
        CHECK(message.find("def") == std::string::npos);
        CHECK(message.find("Evil") == std::string::npos);
    }
}

TEST_CASE("surrounding line breaks are trimmed, as from a file read with $(cat ...)") {
    CHECK(config_of({"--token", "tok\n"}, valid_env()).token == "tok");
}

TEST_CASE("an empty Config has no secrets") {
    CHECK(Config{}.secrets().empty());
}
