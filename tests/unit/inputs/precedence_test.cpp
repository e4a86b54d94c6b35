// Where values come from: flag > GitHub input > CODEARTS_CHECK_* > aliases; empty means absent.
#include "input_test_helpers.h"
#include "inputs/options.h"

using namespace ccs::inputs;
using namespace ccs::inputs::testing;

TEST_CASE("a flag wins over the GitHub input, which wins over the CODEARTS_CHECK_ variable") {
    Environment env = valid_env();
    env["INPUT_REGION"] = "cn-east-3";
    env["CODEARTS_CHECK_REGION"] = "cn-south-1";

    CHECK(config_of({"--region", "la-north-2"}, env).region == "la-north-2");
    CHECK(config_of({}, env).region == "cn-east-3");
    env.erase("INPUT_REGION");
    CHECK(config_of({}, env).region == "cn-south-1");
}

TEST_CASE("an empty or blank input counts as absent and falls through to the environment") {
    Environment env = valid_env();
    env["INPUT_REGION"] = "";
    env["CODEARTS_CHECK_REGION"] = "cn-south-1";
    CHECK(config_of({}, env).region == "cn-south-1");

    env["INPUT_REGION"] = " \n";
    CHECK(config_of({}, env).region == "cn-south-1");
}

TEST_CASE("an empty command-line value counts as absent too") {
    CHECK(config_of({"--region="}, valid_env()).region == "cn-north-4");
    CHECK(config_of({"--region", ""}, valid_env()).region == "cn-north-4");
}

TEST_CASE("values are trimmed as GitHub's getInput trims them") {
    const Config config = config_of({}, valid_env_with("INPUT_REGION", "  cn-east-2\n"));
    CHECK(config.region == "cn-east-2");
}

TEST_CASE("repeated task ids on the command line all count, and replace the input's") {
    const Config config = config_of({"--task-id", "a", "--task-id=b"}, valid_env());
    CHECK(config.task_ids == std::vector<std::string>{"a", "b"});
}

TEST_CASE("the origin names the input exactly as it was given") {
    const Environment no_ids = valid_env_without("INPUT_TASK-ID");

    SUBCASE("flag") {
        CHECK(config_of({"--iam-token", "t"}, valid_env()).credential_origin == "--iam-token");
    }
    SUBCASE("GitHub input") {
        CHECK(config_of({}, valid_env()).credential_origin == "INPUT_IAM-TOKEN");
    }
    SUBCASE("variable") {
        Environment env = valid_env_without("INPUT_IAM-TOKEN");
        env["CODEARTS_CHECK_IAM_TOKEN"] = "t";
        CHECK(config_of({}, env).credential_origin == "CODEARTS_CHECK_IAM_TOKEN");
    }
    SUBCASE("messages use it") {
        CHECK(failure_of({"--task-id", "a%b"}, no_ids).rfind("--task-id: ", 0) == 0);
        CHECK(failure_of({}, valid_env_with("INPUT_TASK-ID", "a%b")).rfind("INPUT_TASK-ID: ", 0) == 0);
        Environment env = no_ids;
        env["CODEARTS_CHECK_TASK_ID"] = "a%b";
        CHECK(failure_of({}, env).rfind("CODEARTS_CHECK_TASK_ID: ", 0) == 0);
    }
}

TEST_CASE("hyphenated inputs keep their hyphen; variables use underscores") {
    Environment env = valid_env();
    env["INPUT_DRY-RUN"] = "true";
    CHECK(config_of({}, env).dry_run);

    env.erase("INPUT_DRY-RUN");
    env["INPUT_DRY_RUN"] = "true";  // not what the runner exports: ignored
    CHECK_FALSE(config_of({}, env).dry_run);

    env["CODEARTS_CHECK_DRY_RUN"] = "true";
    CHECK(config_of({}, env).dry_run);
}

TEST_CASE("defaults apply when nothing is given") {
    const Config config = config_of({}, valid_env());
    CHECK(config.concurrency == 64);
    CHECK(config.timeout == std::chrono::seconds(30));
    CHECK(config.retries == 4);
    CHECK_FALSE(config.dry_run);
    CHECK_FALSE(config.json);
    CHECK(config.ca_file.empty());
    CHECK(config.mode == Mode::Stop);
}

TEST_CASE("SSL_CERT_FILE and SSL_CERT_DIR reach the configuration, not OpenSSL's own lookups") {
    Environment env = valid_env();
    CHECK(config_of({}, env).ssl_cert_file.empty());
    env["SSL_CERT_FILE"] = "/etc/custom/bundle.pem";
    env["SSL_CERT_DIR"] = "/etc/custom/hashed:/etc/more";
    const Config config = config_of({}, env);
    CHECK(config.ssl_cert_file == "/etc/custom/bundle.pem");
    CHECK(config.ssl_cert_dir == "/etc/custom/hashed:/etc/more");
}

TEST_CASE("size limits name the input and do not echo the value") {
    SUBCASE("token") {
        const std::string token(100001, 'x');
        const std::string message = failure_of({}, valid_env_with("INPUT_IAM-TOKEN", token));
        CHECK(message == "INPUT_IAM-TOKEN: too long (100001 bytes; at most 100000)");
    }
    SUBCASE("a token of exactly the limit passes") {
        CHECK(token_of(config_of({}, valid_env_with("INPUT_IAM-TOKEN", std::string(100000, 'x')))).size() ==
              100000);
    }
    SUBCASE("endpoint") {
        const std::string url = "https://" + std::string(4100, 'a') + ".example";
        CHECK(failure_of({"--endpoint", url}, valid_env()).rfind("--endpoint: too long (", 0) == 0);
    }
    SUBCASE("task id lists count together") {
        const std::string half(600 * 1024, ',');
        const std::string message =
            failure_of({"--task-id", half + "a", "--task-id", half + "b"}, valid_env());
        CHECK(message.rfind("--task-id: too long (", 0) == 0);
        CHECK(message.find("in all") != std::string::npos);
    }
    SUBCASE("short values") {
        CHECK(failure_of({"--retries", std::string(300, '1')}, valid_env()).rfind("--retries: too long", 0) ==
              0);
    }
}

TEST_CASE("help and version do not come from inputs or variables") {
    Environment env = valid_env();
    env["INPUT_HELP"] = "true";
    env["CODEARTS_CHECK_VERSION"] = "true";
    CHECK(parse_inputs({}, env).request == Request::Run);
}

TEST_CASE("gather_inputs keeps every value of the winning source") {
    const RawInputs raw = gather_inputs({"--task-id", " a ", "--task-id", "b"}, valid_env());
    const GivenValue* ids = raw.find("task-id");
    REQUIRE(ids != nullptr);
    CHECK(ids->origin == "--task-id");
    CHECK(ids->values == std::vector<std::string>{"a", "b"});
    CHECK(raw.find("endpoint") == nullptr);
}

// --token, input token and CODEARTS_CHECK_TOKEN: the IAM token's former names, still read.
TEST_CASE("each former name of the IAM token still works, and says so as given") {
    const Environment no_token = valid_env_without("INPUT_IAM-TOKEN");
    SUBCASE("--token") {
        const Config config = config_of({"--token", "t-flag"}, no_token);
        CHECK(token_of(config) == "t-flag");
        CHECK(config.credential_origin == "--token");
    }
    SUBCASE("INPUT_TOKEN alone") {
        Environment env = no_token;
        env["INPUT_TOKEN"] = "t-input";
        const Config config = config_of({}, env);
        CHECK(token_of(config) == "t-input");
        CHECK(config.credential_origin == "INPUT_TOKEN");
    }
    SUBCASE("CODEARTS_CHECK_TOKEN") {
        Environment env = no_token;
        env["CODEARTS_CHECK_TOKEN"] = "t-variable";
        const Config config = config_of({}, env);
        CHECK(token_of(config) == "t-variable");
        CHECK(config.credential_origin == "CODEARTS_CHECK_TOKEN");
    }
}

TEST_CASE("the current and the former name at one source must agree") {
    SUBCASE("different values: an input error naming both, showing neither value") {
        const std::string message = failure_of({"--iam-token", "tok-a", "--token", "tok-b"}, valid_env());
        CHECK(message ==
              "--iam-token and --token are both given, with different values (not shown); --token is the "
              "former "
              "name of --iam-token: give one");
        CHECK(failure_of({}, valid_env_with("INPUT_TOKEN", "other"))
                  .rfind("INPUT_IAM-TOKEN and INPUT_TOKEN", 0) == 0);
        Environment env = valid_env_without("INPUT_IAM-TOKEN");
        env["CODEARTS_CHECK_IAM_TOKEN"] = "a";
        env["CODEARTS_CHECK_TOKEN"] = "b";
        CHECK(failure_of({}, env).rfind("CODEARTS_CHECK_IAM_TOKEN and CODEARTS_CHECK_TOKEN", 0) == 0);
    }
    SUBCASE("the same value twice is one value") {
        const Config config = config_of({}, valid_env_with("INPUT_TOKEN", "secret-token-value"));
        CHECK(token_of(config) == "secret-token-value");
        CHECK(config.credential_origin == "INPUT_IAM-TOKEN");
    }
    SUBCASE("at different sources the more explicit one wins, as for any option") {
        Environment env = valid_env();
        env["CODEARTS_CHECK_TOKEN"] = "from-variable";
        CHECK(token_of(config_of({}, env)) == "secret-token-value");
        CHECK(token_of(config_of({"--token", "from-flag"}, valid_env())) == "from-flag");
    }
}

TEST_CASE("huaweicloud/auth-action's variables are read, below the program's own names and the SDKs'") {
    const Environment auth_action = {{"INPUT_TASK-ID", "a"},
                                     {"HUAWEI_CLOUD_ACCESS_KEY_ID", "AKAUTHACTION0001"},
                                     {"HUAWEI_CLOUD_SECRET_ACCESS_KEY", "sk-auth-action"},
                                     {"HUAWEI_CLOUD_REGION", "cn-east-3"},
                                     {"HUAWEI_CLOUD_PROJECT_ID", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"}};
    SUBCASE("alone they are a whole set: keys, region and project") {
        const Config config = config_of({}, auth_action);
        const auto* aksk = std::get_if<AkSkCredential>(&config.credential);
        REQUIRE(aksk != nullptr);
        CHECK(aksk->access_key == "AKAUTHACTION0001");
        CHECK(aksk->secret_key == "sk-auth-action");
        CHECK(aksk->project_id == "0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        CHECK(config.region == "cn-east-3");
        CHECK(config.credential_origin == "HUAWEI_CLOUD_ACCESS_KEY_ID");
    }
    SUBCASE("every other name of the same option wins over them") {
        Environment env = auth_action;
        env["HUAWEICLOUD_SDK_AK"] = "AKSDK00000000001";
        env["CODEARTS_CHECK_REGION"] = "cn-south-1";
        const Config config = config_of({"--project-id", "given-project"}, env);
        CHECK(std::get<AkSkCredential>(config.credential).access_key == "AKSDK00000000001");
        CHECK(std::get<AkSkCredential>(config.credential).project_id == "given-project");
        CHECK(config.region == "cn-south-1");
    }
    SUBCASE("credentials of another kind given anywhere else win, and the dry run says why") {
        Environment env = auth_action;
        env["HUAWEICLOUD_SDK_IDP_ID"] = "github-actions";
        env["HUAWEICLOUD_SDK_ID_TOKEN_FILE"] = "/nonexistent-id-token";
        env["INPUT_IAM-TOKEN"] = "tok";
        const Config config = config_of({}, env);
        CHECK(token_of(config) == "tok");
        CHECK(config.credential_why.find(
                  "ignored: AK/SK (HUAWEI_CLOUD_ACCESS_KEY_ID, HUAWEI_CLOUD_SECRET_ACCESS_KEY), "
                  "given in auth-action variables") != std::string::npos);
    }
}
