// The option table and the names derived from it.
#include <set>

#include "input_test_helpers.h"
#include "inputs/option_table.h"

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
    CHECK(names == std::set<std::string>{"task-id", "region", "endpoint", "token", "ak", "sk", "security-token",
                                         "project-id", "username", "password", "domain", "idp-id", "id-token",
                                         "id-token-file", "audience", "iam-endpoint", "ca-file",
                                         "allow-insecure-http", "concurrency", "timeout", "retries", "dry-run",
                                         "json", "mode", "grace", "task-id-file", "stop-on", "dotenv", "json-file",
                                         "help", "version"});
    CHECK(find_option("token")->secret);
    for (const char* secret : {"sk", "security-token", "password", "id-token"}) CHECK(find_option(secret)->secret);
    for (const char* shown : {"ak", "project-id", "username", "domain", "idp-id", "id-token-file", "audience"}) {
        CHECK_FALSE(find_option(shown)->secret);
    }
    CHECK(find_option("task-id")->repeatable);
    CHECK(find_option("json")->is_flag());
    CHECK(find_option("tok") == nullptr);
}
