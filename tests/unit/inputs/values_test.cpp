// inputs/values.h: quoting, numbers, durations, booleans and the files inputs name.
#include <fstream>

#include <Poco/TemporaryFile.h>

#include "input_test_helpers.h"
#include "inputs/values.h"

using namespace ccs::inputs;
using namespace ccs::inputs::testing;
using std::chrono::milliseconds;

// Quoting values in messages.

TEST_CASE("quoted escapes everything outside printable ASCII") {
    CHECK(quoted("abc") == "\"abc\"");
    CHECK(quoted("a\nb\rc\td") == "\"a\\nb\\rc\\td\"");
    CHECK(quoted("q\"b\\") == "\"q\\\"b\\\\\"");
    CHECK(quoted(std::string("\x00\x1b\x7f\xff", 4)) == "\"\\x00\\x1b\\x7f\\xff\"");
    CHECK(quoted("\xe2\x80\xae") == "\"\\xe2\\x80\\xae\"");  // U+202E, right-to-left override
}

TEST_CASE("quoted cuts long values and says how long they were") {
    CHECK(quoted(std::string(100, 'a'), 4) == "\"aaaa...\" (100 bytes)");
    CHECK(quoted(std::string(4, 'a'), 4) == "\"aaaa\"");
}

TEST_CASE("trimmed removes surrounding blanks only") {
    CHECK(trimmed(" \t\r\na b\n") == "a b");
    CHECK(trimmed("   ").empty());
}

// Durations, whole numbers and booleans.

namespace {

milliseconds timeout_of(const std::string& text) {
    return config_of({"--timeout", text}, valid_env()).timeout;
}

std::string timeout_failure(const std::string& text) {
    return failure_of({}, valid_env_with("INPUT_TIMEOUT", text));
}

}  // namespace

TEST_CASE("timeouts: plain seconds or a number with s, m, h or ms") {
    CHECK(timeout_of("45") == milliseconds(45000));
    CHECK(timeout_of("45s") == milliseconds(45000));
    CHECK(timeout_of("2m") == milliseconds(120000));
    CHECK(timeout_of("1h") == milliseconds(3600000));
    CHECK(timeout_of("500ms") == milliseconds(500));
    CHECK(timeout_of("1ms") == milliseconds(1));
    CHECK(timeout_of("3600") == milliseconds(3600000));
    CHECK(timeout_of("60m") == milliseconds(3600000));
    CHECK(timeout_of("3600000ms") == milliseconds(3600000));
}

TEST_CASE("timeouts must be more than 0 and at most 1h") {
    CHECK(timeout_failure("0") == "INPUT_TIMEOUT: \"0\" must be more than 0");
    CHECK(timeout_failure("0ms").find("more than 0") != std::string::npos);
    CHECK(timeout_failure("3601") == "INPUT_TIMEOUT: \"3601\" is more than 1h");
    CHECK(timeout_failure("61m").find("is more than 1h") != std::string::npos);
    CHECK(timeout_failure("2h").find("is more than 1h") != std::string::npos);
    CHECK(timeout_failure("3600001ms").find("is more than 1h") != std::string::npos);
    CHECK(timeout_failure("99999999999999999999h").find("INPUT_TIMEOUT: ") == 0);
}

TEST_CASE("timeouts in other shapes are refused with the accepted forms") {
    for (const std::string text : {"1.5s", "-5", "+5", "5 s", "5S", "1d", "s", "1m30s", "5sec", "1,000"}) {
        CAPTURE(text);
        const std::string message = timeout_failure(text);
        CHECK(message.rfind("INPUT_TIMEOUT: ", 0) == 0);
        CHECK(message.find("45s, 2m, 1h, 500ms") != std::string::npos);
    }
}

TEST_CASE("concurrency and retries are whole numbers within their ranges") {
    CHECK(config_of({"--concurrency", "1"}, valid_env()).concurrency == 1);
    CHECK(config_of({"--concurrency", "64"}, valid_env()).concurrency == 64);
    CHECK(config_of({"--retries", "10"}, valid_env()).retries == 10);
    CHECK(config_of({}, valid_env_with("CODEARTS_CHECK_RETRIES", "1")).retries == 1);

    CHECK(failure_of({"--concurrency", "0"}, valid_env()) ==
          "--concurrency: \"0\" is not a whole number from 1 to 64");
    CHECK(failure_of({"--concurrency", "65"}, valid_env()).find("from 1 to 64") != std::string::npos);
    CHECK(failure_of({"--retries", "11"}, valid_env()) ==
          "--retries: \"11\" is not a whole number from 1 to 10");
    CHECK(failure_of({"--retries", "-1"}, valid_env()).find("from 1 to 10") != std::string::npos);
    CHECK(failure_of({"--retries", "2.0"}, valid_env()).find("from 1 to 10") != std::string::npos);
    CHECK(failure_of({"--retries", "1,0"}, valid_env()).find("from 1 to 10") != std::string::npos);
    CHECK(failure_of({"--retries", "99999999999999999999999"}, valid_env()).find("from 1 to 10") !=
          std::string::npos);
}

TEST_CASE("boolean inputs accept what GitHub's getBooleanInput accepts") {
    for (const std::string text : {"true", "True", "TRUE"}) {
        CHECK(config_of({}, valid_env_with("INPUT_JSON", text)).json);
    }
    for (const std::string text : {"false", "False", "FALSE"}) {
        CHECK_FALSE(config_of({}, valid_env_with("INPUT_JSON", text)).json);
    }
}

TEST_CASE("anything else as a boolean names the input") {
    for (const std::string text : {"yes", "1", "on", "tRUE", "true!"}) {
        CAPTURE(text);
        const std::string message = failure_of({}, valid_env_with("INPUT_DRY-RUN", text));
        CHECK(message.rfind("INPUT_DRY-RUN: \"" + text + "\" is not a boolean", 0) == 0);
    }
    Environment env = valid_env();
    env["CODEARTS_CHECK_JSON"] = "yes";
    CHECK(failure_of({}, env).rfind("CODEARTS_CHECK_JSON: ", 0) == 0);
}

TEST_CASE("a false input does not override a flag") {
    CHECK(config_of({"--json"}, valid_env_with("INPUT_JSON", "false")).json);
}

// --ca-file must name a readable file with a PEM certificate in it.

TEST_CASE("an existing readable file is taken") {
    Poco::TemporaryFile file;
    std::ofstream(file.path()) << "-----BEGIN CERTIFICATE-----\n";
    CHECK(config_of({"--ca-file", file.path()}, valid_env()).ca_file == file.path());
}

TEST_CASE("a missing file is named") {
    const std::string message = failure_of({}, valid_env_with("INPUT_CA-FILE", "/nonexistent/ca.pem"));
    CHECK(message == "INPUT_CA-FILE: file \"/nonexistent/ca.pem\" does not exist");
}

TEST_CASE("a directory is not a CA file") {
    CHECK(failure_of({"--ca-file", "/"}, valid_env()) == "--ca-file: file \"/\" is not a regular file");
}

TEST_CASE("a file without a PEM certificate is refused, with how to convert a DER one") {
    Poco::TemporaryFile file;
    std::ofstream(file.path()) << "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
    const std::string message = failure_of({"--ca-file", file.path()}, valid_env());
    CHECK(message.rfind("--ca-file: file \"" + file.path() + "\" holds no PEM certificate", 0) == 0);
    CHECK(message.find("openssl x509 -inform der") != std::string::npos);
}

TEST_CASE("OpenSSL's TRUSTED CERTIFICATE blocks count as certificates") {
    Poco::TemporaryFile file;
    std::ofstream(file.path()) << "-----BEGIN TRUSTED CERTIFICATE-----\n";
    CHECK(config_of({"--ca-file", file.path()}, valid_env()).ca_file == file.path());
}
