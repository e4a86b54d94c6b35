// The emulator's gateway check against a signer nobody here wrote: the official Huawei Cloud Node.js
// SDK core (@huaweicloud/huaweicloud-sdk-core, its AKSKSigner) signs a stop request that the emulator
// must accept, and the same request with one byte changed after signing must be refused (401), the
// task left running. tests/sdk/sdk_stop.js does the signing and sending.
//
// Needs node on PATH and `npm ci` run in tests/sdk. Where CI=true (scripts/test installs both there),
// their absence fails the test; elsewhere it is skipped with a message.
#include <doctest/doctest.h>

#include <Poco/File.h>
#include <Poco/JSON/Object.h>
#include <Poco/Path.h>

#include <optional>

#include "core/environment.h"
#include "program.h"
#include "support/json_result.h"

using namespace ccs::test;

namespace {

const std::string task = "2b31ed520000000ebedb6e57000000d7";
const std::string project = "5f0e1d2c3b4a59687766554433221100";
const std::string ak = "AKSDKCROSSCHECK00001";
const std::string sk = "sk-S3CR3T-sdk-crosscheck-3e9f";
const std::string temporary_ak = "TMPSDKCROSSCHECK0001";
const std::string temporary_sk = "sk-S3CR3T-sdk-temporary-77c1";
const std::string security_token = "st-S3CR3T-sdk-temporary-a81d";

std::string sdk_dir() {
    return Poco::Path(std::string(CCS_SCENARIO_DIR) + "/../sdk").absolute().toString();
}

std::optional<std::string> node_on_path(const std::string& path_variable) {
    Poco::Path found;
    if (!Poco::Path::find(path_variable, "node", found)) return std::nullopt;
    return found.toString();
}

// node, when it and the SDK are there. Otherwise fails the test under CI=true, or skips it with a
// message (nullopt) elsewhere.
std::optional<std::string> node_with_sdk() {
    const Environment here = current_environment();
    auto node = node_on_path(ccs::variable(here, "PATH"));
    const bool sdk_installed =
        Poco::File(sdk_dir() + "/node_modules/@huaweicloud/huaweicloud-sdk-core").exists();
    if (node && sdk_installed) return node;
    const std::string missing =
        !node ? "node is not on PATH" : "the SDK is not installed (run `npm ci` in tests/sdk)";
    if (ccs::variable(here, "CI") == "true") FAIL("CI=true, but " << missing);
    MESSAGE("skipped: " << missing);
    return std::nullopt;
}

struct SdkAnswer {
    int status = 0;
    std::string body;
};

// Runs sdk_stop.js against the emulator; the answer it got.
SdkAnswer sdk_stop(const std::string& node, const Emulator& emulator, const std::vector<std::string>& extra) {
    std::vector<std::string> args = {
        sdk_dir() + "/sdk_stop.js", "--url", emulator.url(), "--task", task, "--ca-file",
        emulator.cert_file()};
    args.insert(args.end(), extra.begin(), extra.end());
    const ProcessResult run = run_process(node, args, {}, std::chrono::seconds(30));
    INFO("sdk_stop.js stdout:\n" << run.out << "\nstderr:\n" << run.err);
    REQUIRE_FALSE(run.timed_out);
    REQUIRE(run.exit_code == 0);
    const auto answer = parse_json_object(run.out);
    return {answer->getValue<int>("status"), answer->getValue<std::string>("body")};
}

Emulator emulator_with_keys() {
    EmulatorOptions options;
    options.tasks = {{task, 0}};
    options.extra_args = {"--access-key", ak + ":" + sk + ":" + project, "--access-key",
                          temporary_ak + ":" + temporary_sk + ":" + project + ":" + security_token};
    return Emulator(options);
}

}  // namespace

TEST_CASE(
    "the emulator accepts a stop signed by the official Node.js SDK, and refuses it with one byte changed") {
    const auto node = node_with_sdk();
    if (!node) return;
    Emulator emulator = emulator_with_keys();
    const std::vector<std::string> keys = {"--ak", ak, "--sk", sk, "--project-id", project};

    const SdkAnswer accepted = sdk_stop(*node, emulator, keys);
    CHECK(accepted.status == 200);
    CHECK(accepted.body == "null");
    CHECK(emulator.task_status(task) == 3);

    for (const std::string target : {"path", "body", "signature", "date", "project-id", "host"}) {
        CAPTURE(target);
        emulator.set_task(task, 0);
        std::vector<std::string> tampered = keys;
        tampered.insert(tampered.end(), {"--tamper", target});
        const SdkAnswer refused = sdk_stop(*node, emulator, tampered);
        CHECK(refused.status == 401);
        CHECK(contains(refused.body, "APIGW.0301"));
        CHECK(emulator.task_status(task) == 0);
    }
}

TEST_CASE("temporary keys signed by the SDK: accepted with their security token, refused with it changed") {
    const auto node = node_with_sdk();
    if (!node) return;
    Emulator emulator = emulator_with_keys();
    const std::vector<std::string> keys = {
        "--ak",  temporary_ak,       "--sk",        temporary_sk, "--project-id",
        project, "--security-token", security_token};

    CHECK(sdk_stop(*node, emulator, keys).status == 200);
    CHECK(emulator.task_status(task) == 3);

    emulator.set_task(task, 0);
    std::vector<std::string> tampered = keys;
    tampered.insert(tampered.end(), {"--tamper", "security-token"});
    const SdkAnswer refused = sdk_stop(*node, emulator, tampered);
    CHECK(refused.status == 401);
    CHECK(emulator.task_status(task) == 0);
}

TEST_CASE("an SDK signature over a date outside the gateway's 15 minutes is refused as expired") {
    const auto node = node_with_sdk();
    if (!node) return;
    Emulator emulator = emulator_with_keys();
    const SdkAnswer refused = sdk_stop(
        *node, emulator, {"--ak", ak, "--sk", sk, "--project-id", project, "--sdk-date", "20200101T000000Z"});
    CHECK(refused.status == 401);
    CHECK(contains(refused.body, "signature expired"));
    CHECK(emulator.task_status(task) == 0);
}
