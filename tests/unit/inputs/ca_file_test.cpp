// --ca-file must name a readable file.
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
