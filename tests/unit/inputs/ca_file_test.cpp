// --ca-file must name a readable file with a PEM certificate in it.
#include <fstream>

#include <Poco/TemporaryFile.h>

#include "input_test_helpers.h"

using namespace ccs::inputs;
using namespace ccs::inputs::testing;

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
