// Choosing the credentials: the four kinds, each from flags, GitHub inputs and variables; which one
// wins when several are given; what is missing from a half-given kind; secrets never echoed.
#include <algorithm>
#include <fstream>

#include <Poco/TemporaryFile.h>

#include "input_test_helpers.h"

using namespace ccs::inputs;
using namespace ccs::inputs::testing;

namespace {

// valid_env() without its token: the test gives the credentials.
Environment base_env() {
    return valid_env_without("INPUT_IAM-TOKEN");
}

Environment with(Environment env, const Environment& more) {
    for (const auto& [name, value] : more) env[name] = value;
    return env;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

bool has_secret(const Config& config, const std::string& secret) {
    const auto secrets = config.secrets();
    return std::find(secrets.begin(), secrets.end(), secret) != secrets.end();
}

}  // namespace

TEST_CASE("the token is taken and reported as a secret") {
    const Config config = config_of({}, valid_env());
    CHECK(token_of(config) == "secret-token-value");
    CHECK(kind_name(config.credential) == "token");
    CHECK(config.secrets() == std::vector<std::string>{"secret-token-value"});
}

TEST_CASE("no credentials: the message names every kind and every way to give it") {
    const std::string message = failure_of({}, base_env());
    CHECK(message.find("no credentials") == 0);
    for (const char* name :
         {"--iam-token", "INPUT_IAM-TOKEN", "CODEARTS_CHECK_IAM_TOKEN", "--ak", "HUAWEICLOUD_SDK_AK",
          "CLOUD_SDK_AK", "--sk", "--username", "--password", "--domain", "--idp-id"}) {
        CHECK(has(message, name));
    }
}

TEST_CASE("a token with CR, LF or another control character is refused without echoing it") {
    for (const std::string& token : std::vector<std::string>{"abc\r\nX-Evil: 1", "abc\ndef", "abc\rdef",
                                                             std::string("abc\x01") + "def", "abc\x7f"}) {
        CAPTURE(token);
        const std::string message = failure_of({}, valid_env_with("INPUT_IAM-TOKEN", token));
        CHECK(message.rfind("INPUT_IAM-TOKEN: ", 0) == 0);
        CHECK(message.find("control character") != std::string::npos);
        CHECK(message.find("abc") == std::string::npos);
        CHECK(message.find("def") == std::string::npos);
        CHECK(message.find("Evil") == std::string::npos);
    }
}

TEST_CASE("surrounding line breaks are trimmed, as from a file read with $(cat ...)") {
    CHECK(token_of(config_of({"--iam-token", "tok\n"}, valid_env())) == "tok");
}

TEST_CASE("an empty Config has no secrets") {
    CHECK(Config{}.secrets().empty());
}

TEST_CASE("permanent AK/SK from flags, inputs, our variables, the SDK's and the API page's") {
    const std::vector<Environment> sources = {
        {{"INPUT_AK", "AK1"}, {"INPUT_SK", "sk-1"}},
        {{"CODEARTS_CHECK_AK", "AK1"}, {"CODEARTS_CHECK_SK", "sk-1"}},
        {{"HUAWEICLOUD_SDK_AK", "AK1"}, {"HUAWEICLOUD_SDK_SK", "sk-1"}},
        {{"CLOUD_SDK_AK", "AK1"}, {"CLOUD_SDK_SK", "sk-1"}},
    };
    for (const auto& source : sources) {
        CAPTURE(source.begin()->first);
        const Config config = config_of({}, with(base_env(), source));
        const auto& aksk = std::get<AkSkCredential>(config.credential);
        CHECK(aksk.access_key == "AK1");
        CHECK(aksk.secret_key == "sk-1");
        CHECK(aksk.security_token.empty());
        CHECK(aksk.project_id.empty());
        CHECK(kind_name(config.credential) == "aksk");
        CHECK(config.secrets() == std::vector<std::string>{"sk-1"});  // the SK, never the AK
        CHECK(config.credential_origin == source.begin()->first);
    }
    const Config flags = config_of({"--ak", "AK2", "--sk", "sk-2"}, base_env());
    CHECK(std::get<AkSkCredential>(flags.credential).access_key == "AK2");
}

TEST_CASE("the project id: --project-id or HUAWEICLOUD_SDK_PROJECT_ID, else looked up from IAM") {
    const Environment keys = with(base_env(), {{"INPUT_AK", "AK1"}, {"INPUT_SK", "sk-1"}});
    const Config given = config_of({}, with(keys, {{"HUAWEICLOUD_SDK_PROJECT_ID", "0123abcd"}}));
    CHECK(std::get<AkSkCredential>(given.credential).project_id == "0123abcd");
    CHECK_FALSE(needs_iam(given.credential));
    CHECK(has(given.credential_why, "project id: 0123abcd (from HUAWEICLOUD_SDK_PROJECT_ID)"));

    const Config looked_up = config_of({}, keys);
    CHECK(needs_iam(looked_up.credential));
    CHECK(looked_up.iam_endpoint->url == "https://iam.cn-north-4.myhuaweicloud.com");
    CHECK(has(looked_up.credential_why,
              "GET https://iam.cn-north-4.myhuaweicloud.com/v3/projects?name=cn-north-4"));

    CHECK(has(failure_of({"--project-id", "a/b"}, keys), "--project-id: \"a/b\" is not a project id"));
}

TEST_CASE("temporary AK/SK: the security token goes with them, and is a secret") {
    const Config config = config_of({"--ak", "TMP1", "--sk", "sk-1", "--security-token", "st-1"}, base_env());
    const auto& aksk = std::get<AkSkCredential>(config.credential);
    CHECK(aksk.security_token == "st-1");
    CHECK(kind_name(config.credential) == "temporary-aksk");
    CHECK(has_secret(config, "sk-1"));
    CHECK(has_secret(config, "st-1"));
    CHECK(token_of(config_of({}, with(valid_env(), {{"HUAWEICLOUD_SDK_SECURITY_TOKEN", "st-2"}}))) ==
          "secret-token-value");
}

TEST_CASE("a half-given AK/SK names what is missing, with every way to give it") {
    const std::string no_sk = failure_of({"--ak", "AK1"}, base_env());
    CHECK(has(no_sk, "AK/SK credentials are incomplete: --ak is given"));
    CHECK(has(no_sk,
              "--sk (input sk / INPUT_SK, CODEARTS_CHECK_SK, HUAWEICLOUD_SDK_SK, CLOUD_SDK_SK, or "
              "HUAWEI_CLOUD_SECRET_ACCESS_KEY)"));
    CHECK(has(failure_of({}, with(base_env(), {{"HUAWEICLOUD_SDK_SK", "sk-1"}})), "set --ak"));
    const std::string token_only = failure_of({"--security-token", "st-1"}, base_env());
    CHECK(has(token_only, "set --ak"));
    CHECK(has(token_only, "and --sk"));
    CHECK_FALSE(has(token_only, "st-1"));
}

TEST_CASE("an AK that is not one is quoted; an SK with a line break is not") {
    CHECK(has(failure_of({"--ak", "AK 1", "--sk", "sk"}, base_env()),
              "--ak: \"AK 1\" is not an access key id"));
    const std::string message = failure_of({"--ak", "AK1", "--sk", "sk-a\nb"}, base_env());
    CHECK(has(message, "--sk: the secret key contains a line break"));
    CHECK_FALSE(has(message, "sk-a"));
}

TEST_CASE("an IAM user's password: all three parts, the password a secret") {
    const Config config =
        config_of({"--username", "bot", "--password", "pw-1", "--domain", "acme"}, base_env());
    const auto& login = std::get<PasswordCredential>(config.credential);
    CHECK(login.username == "bot");
    CHECK(login.domain == "acme");
    CHECK(config.secrets() == std::vector<std::string>{"pw-1"});
    CHECK(needs_iam(config.credential));
    CHECK(has(config.credential_why, "scoped to the project named cn-north-4"));

    const std::string missing = failure_of({"--username", "bot"}, base_env());
    CHECK(has(missing, "Password credentials are incomplete: --username is given"));
    CHECK(has(missing, "--password (input password"));
    CHECK(has(missing, "--domain (input domain"));
    const std::string no_user = failure_of({"--password", "pw-1", "--domain", "acme"}, base_env());
    CHECK(has(no_user, "--password and --domain are given"));
    CHECK(has(no_user, "set --username"));
    CHECK_FALSE(has(no_user, "pw-1"));
}

TEST_CASE("OIDC federation: the id token given, from a file, or from GitHub's service") {
    const Config given = config_of({"--idp-id", "gh", "--id-token", "idt-1"}, base_env());
    const auto& oidc = std::get<OidcCredential>(given.credential);
    CHECK(oidc.idp_id == "gh");
    CHECK(oidc.id_token == "idt-1");
    CHECK_FALSE(oidc.github);
    CHECK(has_secret(given, "idt-1"));

    const Poco::TemporaryFile file;  // removed at scope exit
    const std::string& path = file.path();
    std::ofstream(path) << "idt-from-file\n";
    const Config from_file = config_of(
        {}, with(base_env(), {{"HUAWEICLOUD_SDK_IDP_ID", "gh"}, {"HUAWEICLOUD_SDK_ID_TOKEN_FILE", path}}));
    CHECK(std::get<OidcCredential>(from_file.credential).id_token == "idt-from-file");
    CHECK(has_secret(from_file, "idt-from-file"));

    const Config github =
        config_of({"--idp-id", "gh", "--audience", "huaweicloud"},
                  with(base_env(),
                       {{"ACTIONS_ID_TOKEN_REQUEST_URL", "https://pipelines.example/idtoken?api-version=2.0"},
                        {"ACTIONS_ID_TOKEN_REQUEST_TOKEN", "rt-1"}}));
    const auto& source = std::get<OidcCredential>(github.credential).github;
    REQUIRE(source);
    CHECK(source->audience == "huaweicloud");
    CHECK(source->request_url.url == "https://pipelines.example/idtoken?api-version=2.0");
    CHECK(has_secret(github, "rt-1"));
}

TEST_CASE("a half-given OIDC federation names what is missing") {
    CHECK(has(failure_of({"--id-token", "idt-1"}, base_env()), "set --idp-id"));
    const std::string no_token = failure_of({"--idp-id", "gh"}, base_env());
    CHECK(has(no_token, "needs an id token"));
    CHECK(has(no_token, "id-token: write"));
    CHECK(has(
        failure_of({"--idp-id", "gh"}, with(base_env(), {{"ACTIONS_ID_TOKEN_REQUEST_URL", "https://x/y?z"}})),
        "ACTIONS_ID_TOKEN_REQUEST_TOKEN is not"));
    CHECK(has(failure_of({"--idp-id", "gh", "--id-token-file", "/nonexistent/token"}, base_env()),
              "--id-token-file: file \"/nonexistent/token\" does not exist"));
}

TEST_CASE("the most explicit source decides between kinds; the others are named as ignored") {
    const Environment sdk_keys =
        with(valid_env(), {{"HUAWEICLOUD_SDK_AK", "AK1"}, {"HUAWEICLOUD_SDK_SK", "sk-1"}});
    const Config input_token = config_of({}, sdk_keys);  // INPUT_IAM-TOKEN beats the SDK's variables
    CHECK(token_of(input_token) == "secret-token-value");
    CHECK(has(input_token.credential_why,
              "ignored: AK/SK (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK), given in SDK "
              "variables, which are less explicit than GitHub inputs"));
    CHECK(has_secret(input_token, "sk-1"));  // an ignored secret is still masked

    const Config flag_keys =
        config_of({"--ak", "AK2", "--sk", "sk-2"}, valid_env());  // a flag beats an input
    CHECK(std::get<AkSkCredential>(flag_keys.credential).access_key == "AK2");
    CHECK(has(flag_keys.credential_why, "ignored: an IAM token (INPUT_IAM-TOKEN)"));

    // Half of a kind on the command line still wins: the missing half is an error, not a fallback.
    CHECK(has(failure_of({"--ak", "AK2"}, valid_env()), "set --sk"));
}

TEST_CASE("two kinds given equally explicitly are an error naming both") {
    const std::string message = failure_of(
        {},
        with(valid_env(), {{"INPUT_USERNAME", "bot"}, {"INPUT_PASSWORD", "pw-1"}, {"INPUT_DOMAIN", "acme"}}));
    CHECK(has(message, "more than one kind are given in GitHub inputs"));
    CHECK(has(message, "an IAM token (INPUT_IAM-TOKEN)"));
    CHECK(has(message, "an IAM user's password (INPUT_USERNAME, INPUT_PASSWORD, INPUT_DOMAIN)"));
    CHECK_FALSE(has(message, "pw-1"));
}

TEST_CASE("IAM's endpoint: --iam-endpoint or HUAWEICLOUD_SDK_IAM_ENDPOINT, else the region's") {
    const std::vector<std::string> keys = {"--ak", "AK1", "--sk", "sk-1"};
    const Config given =
        config_of(keys, with(base_env(), {{"HUAWEICLOUD_SDK_IAM_ENDPOINT", "https://iam.example/"}}));
    CHECK(given.iam_endpoint->url == "https://iam.example");
    CHECK(given.iam_endpoint_origin == "HUAWEICLOUD_SDK_IAM_ENDPOINT");
    CHECK(has(failure_of(keys, with(base_env(), {{"INPUT_IAM-ENDPOINT", "http://iam.example"}})),
              "INPUT_IAM-ENDPOINT"));

    // Without a region, IAM cannot be found, nor the project by its name.
    Environment no_region = base_env();
    no_region.erase("INPUT_REGION");
    const std::vector<std::string> endpoint = {"--endpoint", "https://codearts.example"};
    std::vector<std::string> password = endpoint;
    password.insert(password.end(), {"--username", "bot", "--password", "pw-1", "--domain", "acme"});
    CHECK(has(failure_of(password, no_region), "needs IAM: set --region"));
    std::vector<std::string> aksk = endpoint;
    aksk.insert(aksk.end(), {"--ak", "AK1", "--sk", "sk-1", "--iam-endpoint", "https://iam.example"});
    CHECK(has(failure_of(aksk, no_region), "needs a project: set --project-id"));
    aksk.insert(aksk.end(), {"--project-id", "p1"});
    CHECK(std::get<AkSkCredential>(config_of(aksk, no_region).credential).project_id == "p1");
}
