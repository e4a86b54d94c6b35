// A region's endpoints, end to end: when the first cannot be reached, the same attempt goes on to the
// next (as the official SDKs fail over to a region's .myhuaweicloud.cn host); an HTTP answer, even an
// error, never sends a call elsewhere. The endpoints come from the Go SDK's override variable,
// HUAWEICLOUD_SDK_REGION_CODEARTSCHECK_<REGION>, which is also how a user points a region elsewhere.
#include <doctest/doctest.h>

#include "program.h"

using namespace ccs::test;

namespace {

const std::string token = "tok-S3CR3T-failover-5b2e";
const std::string task = "failover-task-01";
const std::string region = "cn-north-4";
const std::string override_variable = "HUAWEICLOUD_SDK_REGION_CODEARTSCHECK_CN_NORTH_4";

std::vector<std::string> region_args(const Emulator& emulator) {
    return {"--region",  region, "--iam-token", token, "--ca-file", emulator.cert_file(),
            "--task-id", task,   "--timeout",   "10s", "--retries", "1"};
}

const std::vector<std::string> stop_calls = {"GET /v2/tasks/" + task + "/progress",
                                             "POST /v2/tasks/" + task + "/stop",
                                             "GET /v2/tasks/" + task + "/progress"};

}  // namespace

TEST_CASE("the first endpoint refuses: the same attempt goes to the second, and the task is stopped") {
    EmulatorOptions options = one_running_task(token, task);
    options.refusing_port = true;
    Emulator emulator(options);
    const Environment env = {{override_variable, emulator.refusing_url() + "," + emulator.url()}};

    // --retries 1: the failover happens within the one attempt each call has.
    const ProcessResult run = run_program(region_args(emulator), env);
    CHECK(run.exit_code == 0);
    CHECK(emulator.task_status(task) == 3);
    CHECK(request_lines(emulator) == stop_calls);
    CHECK(contains(run.err, emulator.refusing_url() + " could not be reached (connection refused"));
    CHECK(contains(run.err, "trying " + emulator.url()));
}

TEST_CASE("once an endpoint was refused, later calls of the run go straight to the one that answered") {
    EmulatorOptions options = one_running_task(token, task);
    options.refusing_port = true;
    Emulator emulator(options);
    const Environment env = {{override_variable, emulator.refusing_url() + "," + emulator.url()}};

    const ProcessResult run = run_program(region_args(emulator), env);
    CHECK(run.exit_code == 0);
    // One worker, three calls: only the first had to find out.
    std::size_t failovers = 0;
    for (std::size_t at = run.err.find("could not be reached"); at != std::string::npos;
         at = run.err.find("could not be reached", at + 1)) {
        ++failovers;
    }
    CHECK(failovers == 1);
}

TEST_CASE("an HTTP error answer is not a reason to try the next endpoint") {
    Emulator first(one_running_task("another-S3CR3T-token", task));  // answers 401 to our token
    Emulator second(one_running_task(token, task));
    std::vector<std::string> args = region_args(first);
    const Environment env = {{override_variable, first.url() + "," + second.url()}};

    const ProcessResult run = run_program(args, env);
    CHECK(run.exit_code == 3);
    CHECK_FALSE(request_lines(first).empty());
    CHECK(request_lines(second).empty());
    CHECK(second.task_status(task) == 0);
    CHECK_FALSE(contains(run.err, "could not be reached"));
}

TEST_CASE("every endpoint refuses: the call fails, having tried each once per attempt") {
    EmulatorOptions options = one_running_task(token, task);
    options.refusing_port = true;
    Emulator emulator(options);
    // The refusing one twice under two spellings would be one endpoint; localhost is another host.
    const std::string other =
        "https://localhost:" + emulator.refusing_url().substr(emulator.refusing_url().rfind(':') + 1);
    const Environment env = {{override_variable, emulator.refusing_url() + "," + other}};

    const ProcessResult run = run_program(region_args(emulator), env);
    CHECK(run.exit_code == 1);
    CHECK(request_lines(emulator).empty());
    CHECK(contains(run.err, "trying " + other));
}

TEST_CASE("a bad endpoint in the override variable is an input error naming the variable") {
    Emulator emulator(one_running_task(token, task));
    const ProcessResult run =
        run_program(region_args(emulator), {{override_variable, emulator.url() + ",ftp://example.com"}});
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, override_variable + ": "));
    CHECK(request_lines(emulator).empty());
}
