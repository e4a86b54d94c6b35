// The option table and the names derived from it.
#include <set>

#include "input_test_helpers.h"
#include "inputs/options.h"

using namespace ccs::inputs;

TEST_CASE("derived names") {
    const OptionSpec& task_id = *find_option("task-id");
    CHECK(flag_name(task_id) == "--task-id");
    CHECK(github_input_variable(task_id) == "INPUT_TASK-ID");
    CHECK(environment_variable(task_id) == "CODEARTS_CHECK_TASK_ID");
    CHECK(all_names(task_id) == "--task-id (input task-id / INPUT_TASK-ID, or CODEARTS_CHECK_TASK_ID)");
}

TEST_CASE("aliases come last in all_names") {
    OptionSpec ak = value_option("ak", "AK", "Access key.").alias("HUAWEICLOUD_SDK_AK").alias("CLOUD_SDK_AK");
    CHECK(all_names(ak) ==
          "--ak (input ak / INPUT_AK, CODEARTS_CHECK_AK, HUAWEICLOUD_SDK_AK, or CLOUD_SDK_AK)");
}

TEST_CASE("the table has the options of this issue, each once, in kebab-case") {
    std::set<std::string> names;
    for (const auto& spec : option_table()) {
        CHECK(names.insert(spec.name).second);
        CHECK(spec.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") == std::string::npos);
        CHECK_FALSE(spec.help.empty());
    }
    CHECK(
        names ==
        std::set<std::string>{
            "task-id",        "region",        "endpoint", "iam-token",    "ak",        "sk",
            "security-token", "project-id",    "username", "password",     "domain",    "idp-id",
            "id-token",       "id-token-file", "audience", "iam-endpoint", "ca-file",   "allow-insecure-http",
            "concurrency",    "timeout",       "retries",  "dry-run",      "json",      "mode",
            "grace",          "task-id-file",  "stop-on",  "dotenv",       "json-file", "help",
            "version"});
    CHECK(find_option("iam-token")->secret);
    CHECK(find_option("token") == find_option("iam-token"));  // the former name finds its row
    for (const char* secret : {"sk", "security-token", "password", "id-token"})
        CHECK(find_option(secret)->secret);
    for (const char* shown :
         {"ak", "project-id", "username", "domain", "idp-id", "id-token-file", "audience"}) {
        CHECK_FALSE(find_option(shown)->secret);
    }
    CHECK(find_option("task-id")->repeatable);
    CHECK(find_option("json")->is_flag());
    CHECK(find_option("tok") == nullptr);
}

TEST_CASE("sources of an option, most explicit first, with its former name second at each of its own") {
    const auto sources = sources_of(*find_option("iam-token"));
    REQUIRE(sources.size() == 3);
    CHECK(sources[0].source == Source::CommandLine);
    CHECK(sources[0].names == std::vector<std::string>{"--iam-token", "--token"});
    CHECK(sources[1].names == std::vector<std::string>{"INPUT_IAM-TOKEN", "INPUT_TOKEN"});
    CHECK(sources[2].names == std::vector<std::string>{"CODEARTS_CHECK_IAM_TOKEN", "CODEARTS_CHECK_TOKEN"});

    const auto ak = sources_of(*find_option("ak"));
    REQUIRE(ak.size() == 5);
    CHECK(ak[3].source == Source::Sdk);
    CHECK(ak[3].names == std::vector<std::string>{"HUAWEICLOUD_SDK_AK", "CLOUD_SDK_AK"});
    CHECK(ak[4].source == Source::AuthAction);
    CHECK(ak[4].names == std::vector<std::string>{"HUAWEI_CLOUD_ACCESS_KEY_ID"});
}

TEST_CASE("huaweicloud/auth-action's four variables come last in all_names") {
    CHECK(all_names("sk") ==
          "--sk (input sk / INPUT_SK, CODEARTS_CHECK_SK, HUAWEICLOUD_SDK_SK, CLOUD_SDK_SK, or "
          "HUAWEI_CLOUD_SECRET_ACCESS_KEY)");
    CHECK(all_names("region") ==
          "--region (input region / INPUT_REGION, CODEARTS_CHECK_REGION, or HUAWEI_CLOUD_REGION)");
    CHECK(all_names("project-id").find("HUAWEI_CLOUD_PROJECT_ID)") != std::string::npos);
    // A former name works but is not advertised.
    CHECK(all_names("iam-token") ==
          "--iam-token (input iam-token / INPUT_IAM-TOKEN, or CODEARTS_CHECK_IAM_TOKEN)");
}
