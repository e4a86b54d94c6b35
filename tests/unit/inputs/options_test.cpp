// inputs/options.h: the option table and its names, the command line, and the sources in precedence
// order.
#include <set>

#include "input_test_helpers.h"
#include "inputs/options.h"

using namespace ccs::inputs;
using namespace ccs::inputs::testing;

// The option table and the names derived from it.

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
    CHECK(names == std::set<std::string>{"task-id",
                                         "region",
                                         "endpoint",
                                         "iam-token",
                                         "ak",
                                         "sk",
                                         "security-token",
                                         "project-id",
                                         "username",
                                         "password",
                                         "domain",
                                         "idp-id",
                                         "id-token",
                                         "id-token-file",
                                         "audience",
                                         "iam-endpoint",
                                         "ca-file",
                                         "allow-insecure-http",
                                         "concurrency",
                                         "timeout",
                                         "retries",
                                         "dry-run",
                                         "json",
                                         "mode",
                                         "grace",
                                         "task-id-file",
                                         "stop-on",
                                         "dotenv",
                                         "json-file",
                                         "help",
                                         "version",
                                         "ref",
                                         "poll-interval",
                                         "fail-on",
                                         "sarif",
                                         "codequality",
                                         "max-findings",
                                         "all-findings",
                                         "path-prefix"});
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

// The command line: forms, unknown options, missing values, positional arguments, help/version.

TEST_CASE("options take '--name value' and '--name=value'") {
    CHECK(config_of({"--concurrency", "3"}, valid_env()).concurrency == 3);
    CHECK(config_of({"--concurrency=3"}, valid_env()).concurrency == 3);
}

TEST_CASE("a value may itself contain '=' and ':'") {
    const Config config = config_of({"--iam-token", "a=b:c"}, valid_env());
    CHECK(token_of(config) == "a=b:c");
}

TEST_CASE("unknown options are refused with a pointer to --help") {
    CHECK(failure_of({"--foo"}, valid_env()) == "unknown option --foo; see --help");
    CHECK(failure_of({"-x"}, valid_env()) == "unknown option -x; see --help");
}

TEST_CASE("an unknown option's value is not shown: it could be a mistyped secret") {
    const std::string message = failure_of({"--tokn=hunter2"}, valid_env());
    CHECK(message == "unknown option --tokn; see --help");
}

TEST_CASE("prefixes and other letter cases of option names are refused") {
    CHECK(failure_of({"--time", "5"}, valid_env()) == "unknown option --time; see --help");
    CHECK(failure_of({"--Task-Id", "a"}, valid_env()) == "unknown option --Task-Id; see --help");
    CHECK(failure_of({"--task-id:a"}, valid_env()) == "unknown option --task-id:a; see --help");
}

TEST_CASE("a missing value is named") {
    CHECK(failure_of({"--region"}, valid_env()) == "--region needs a value");
    CHECK(failure_of({"--region", "--json"}, valid_env()) == "--region needs a value");
}

TEST_CASE("a flag takes no value on the command line") {
    CHECK(failure_of({"--json=false"}, valid_env()) == "--json takes no value");
}

TEST_CASE("a single-valued option may be given once") {
    CHECK(failure_of({"--region", "cn-east-3", "--region", "cn-east-2"}, valid_env()) ==
          "--region is given more than once");
}

TEST_CASE("positional arguments are refused, quoted safely") {
    CHECK(failure_of({"abc"}, valid_env()) ==
          "unexpected argument \"abc\"; options start with --; see --help");
    CHECK(failure_of({"-"}, valid_env()).find("unexpected argument \"-\"") == 0);
    CHECK(failure_of({"--", "--json"}, valid_env()).find("unexpected argument \"--json\"") == 0);
    CHECK(failure_of({"a\x1b[31m"}, valid_env()).find("\"a\\x1b[31m\"") != std::string::npos);
}

TEST_CASE("a lone '--' ends the options and is otherwise harmless") {
    CHECK(parse_inputs({"--json", "--"}, valid_env()).config.json);
}

TEST_CASE("the word after a secret is not echoed") {
    const std::string message = failure_of({"--iam-token", "first-half", "second-half"}, valid_env());
    CHECK(message.find("second-half") == std::string::npos);
    CHECK(message.find("first-half") == std::string::npos);
    CHECK(message.find("unexpected argument") != std::string::npos);
}

TEST_CASE("help and version short-circuit everything else") {
    const Environment bad_env = {{"INPUT_TASK-ID", "../x"}, {"INPUT_TIMEOUT", "forever"}};
    CHECK(parse_inputs({"--help"}, {}).request == Request::Help);
    CHECK(parse_inputs({"--version"}, {}).request == Request::Version);
    CHECK(parse_inputs({"--help"}, bad_env).request == Request::Help);
    CHECK(parse_inputs({"--foo", "stray", "--help"}, bad_env).request == Request::Help);
    CHECK(parse_inputs({"--version", "--region"}, bad_env).request == Request::Version);
    CHECK(parse_inputs({"--version", "--help"}, {}).request == Request::Help);
}

TEST_CASE("boolean flags on the command line are true") {
    const Config config = config_of({"--dry-run", "--json"}, valid_env_with("INPUT_DRY-RUN", "false"));
    CHECK(config.dry_run);
    CHECK(config.json);
}

// Where values come from: flag > GitHub input > CODEARTS_CHECK_* > aliases; empty means absent.

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
        const std::string half(std::size_t{600} * 1024, ',');
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
