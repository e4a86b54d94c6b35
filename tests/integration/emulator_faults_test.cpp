// The emulator faults the fault matrix needs beyond the basic ones: a reset before the request is
// read, a redirect to a chosen place, a certificate for another host name.
#include <doctest/doctest.h>

#include <Poco/Net/X509Certificate.h>

#include "emulator/scenario.h"
#include "support/emulator.h"
#include "support/http_client.h"

using namespace ccs::test;

TEST_CASE("emulator: reset-on-accept resets the next connections before reading, then serves normally") {
    EmulatorOptions options;
    options.tasks = {{"T1", 0}};
    Emulator emulator(options);
    emulator.load_scenario(R"({"rules":[{"fault":"reset-on-accept","times":1}]})");
    const HttpReply first = emulator.call("GET", "/v2/tasks/T1/progress", {{"X-Auth-Token", "t"}});
    CHECK_FALSE(first.ok());
    const HttpReply second = emulator.call("GET", "/v2/tasks/T1/progress", {{"X-Auth-Token", "t"}});
    CHECK(second.status == 200);
    CHECK(emulator.requests().size() == 1);  // the reset one was never read, so never logged
}

TEST_CASE("emulator: a redirect goes where its rule says") {
    Emulator emulator;
    emulator.load_scenario(R"({"rules":[{"fault":"redirect","location":"http://127.0.0.2:9/elsewhere"}]})");
    const HttpReply reply = emulator.call("POST", "/v2/tasks/T1/stop", {{"X-Auth-Token", "t"}});
    CHECK(reply.status == 302);
    const std::string* location = reply.header("Location");
    REQUIRE(location);
    CHECK(*location == "http://127.0.0.2:9/elsewhere");
}

TEST_CASE("emulator: reset-on-accept and location are refused where they cannot apply") {
    using ccs::emu::parse_scenario;
    using ccs::emu::ScenarioError;
    CHECK_THROWS_AS(parse_scenario(R"({"rules":[{"fault":"reset-on-accept","call":"stop"}]})"),
                    ScenarioError);
    CHECK_THROWS_AS(parse_scenario(R"({"rules":[{"fault":"reset-on-accept","task":"T1"}]})"), ScenarioError);
    CHECK_THROWS_AS(parse_scenario(R"({"rules":[{"fault":"hang","location":"http://x"}]})"), ScenarioError);
    CHECK_NOTHROW(parse_scenario(R"({"rules":[{"fault":"reset-on-accept","times":3}]})"));
}

TEST_CASE("emulator: --cert-host makes the certificate for that name only") {
    EmulatorOptions options;
    options.extra_args = {"--cert-host", "codearts-check.example.com"};
    Emulator emulator(options);
    const Poco::Net::X509Certificate certificate(emulator.cert_file());
    CHECK(certificate.verify("codearts-check.example.com"));
    CHECK_FALSE(certificate.verify("127.0.0.1"));
    CHECK_FALSE(certificate.verify("localhost"));
    // Loopback clients that check names less strictly (the test client) still reach it.
    CHECK(emulator.call("GET", "/_emulator/requests").status == 200);
}
