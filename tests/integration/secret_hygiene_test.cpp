// The suite-wide secret check itself: it must find what leaks, and only that.
#include <doctest/doctest.h>

#include <algorithm>

#include "support/secret_hygiene.h"

using namespace ccs::test;

TEST_CASE("secret hygiene: a secret given to the program is found wherever it is printed") {
    const auto secrets = secrets_in({"--task-id", "t1", "--iam-token", "tok-S3CR3T-a1", "--sk=sk-S3CR3T-b2"},
                                    {{"INPUT_PASSWORD", "pw-S3CR3T-c3"}, {"INPUT_REGION", "cn-north-4"}});
    CHECK(secrets == std::vector<std::string>{"tok-S3CR3T-a1", "sk-S3CR3T-b2", "pw-S3CR3T-c3"});
    CHECK(secret_findings("task t1 stopped\nregion cn-north-4\n", secrets, "stdout").empty());
    CHECK(
        secret_findings("::add-mask::tok-S3CR3T-a1\n::add-mask::pw-S3CR3T-c3\n", secrets, "stdout").empty());
    const auto found = secret_findings("log: header X-Auth-Token: tok-S3CR3T-a1\n", secrets, "stderr");
    REQUIRE(found.size() == 1);
    CHECK(found.front().find("stderr") == 0);
    CHECK(found.front().find("tok-S3CR3T-a1") == std::string::npos);  // the report does not repeat it
    CHECK(secret_findings("::error::bad sk-S3CR3T-b2\n", secrets, "stdout").size() == 1);
}

TEST_CASE(
    "secret hygiene: a secret no input named (issued during the run, or a part of one) is found by its "
    "marker") {
    CHECK(secret_findings("token from IAM: MIIa-S3CR3T-issued", {}, "summary").size() == 1);
    CHECK(secret_findings("cut: ...-S3CR3T-a", {"tok-S3CR3T-a1"}, "stdout").size() == 1);
}

TEST_CASE("secret hygiene: a registered secret without the marker counts too") {
    register_secret("vector-secret-key-from-the-reference");
    const auto secrets = secrets_in({}, {});
    CHECK(std::find(secrets.begin(), secrets.end(), "vector-secret-key-from-the-reference") != secrets.end());
    CHECK(secret_findings("sk=vector-secret-key-from-the-reference", secrets, "stdout").size() == 1);
}

TEST_CASE("secret hygiene: the files a GitHub runner gives the program are scanned too") {
    CHECK(written_files({{"GITHUB_OUTPUT", "/o"}, {"GITHUB_STEP_SUMMARY", "/s"}, {"HOME", "/h"}}) ==
          std::vector<std::string>{"/o", "/s"});
}
