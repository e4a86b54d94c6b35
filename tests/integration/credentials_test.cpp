// Every credential kind end to end: the program stops a task through the emulator, which checks what
// the API gateway and IAM check (signatures, the signing time, security tokens, project ids, tokens).
// Each secret here contains the suite's marker S3CR3T, and so does every secret the emulator issues:
// run_program() fails the test if any of them shows in anything printed or written.
#include <doctest/doctest.h>

#include <algorithm>

#include "emulator/scenario.h"
#include "program.h"
#include "support/github_file_commands.h"
#include "support/temp_dir.h"

using namespace ccs::test;

namespace {

const std::string task = "2b31ed520000000ebedb6e57000000c1";
const std::string region = "cn-north-4";
const std::string project = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

const std::string ak = "AKCREDTEST0000000001";
const std::string sk = "sk-S3CR3T-permanent-4f1c9a";
const std::string temporary_ak = "TMPCREDTEST000000001";
const std::string temporary_sk = "sk-S3CR3T-temporary-8e2d11";
const std::string security_token = "st-S3CR3T-gQpjbi1ub3J0aC00-5c7e";
const std::string user = "ci-bot";
const std::string password = "pw-S3CR3T-7d3b0e";
const std::string domain = "acme";
const std::string idp = "github-actions";
const std::string audience = "huaweicloud-codearts";
const std::string request_token = "rt-S3CR3T-github-61aa";
const std::string listed_id_token = "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodWF3ZWljbG91ZCJ9.S3CR3T-sig";

// What the emulated IAM knows: one permanent and one temporary key of `project`, one user, one
// identity provider, the region's project, and the fake GitHub service's request token.
std::string credentials_scenario(const std::string& extra = "") {
    return R"({"credentials": {
        "access_keys": [{"ak": ")" +
           ak + R"(", "sk": ")" + sk + R"(", "project_id": ")" + project + R"("},
                        {"ak": ")" +
           temporary_ak + R"(", "sk": ")" + temporary_sk + R"(", "project_id": ")" + project +
           R"(", "security_token": ")" + security_token + R"("}],
        "users": [{"name": ")" +
           user + R"(", "password": ")" + password + R"(", "domain": ")" + domain + R"(", "project_id": ")" +
           project + R"("}],
        "identity_providers": [{"id": ")" +
           idp + R"(", "audience": ")" + audience + R"(", "project_id": ")" + project +
           R"(", "id_tokens": [")" + listed_id_token + R"("]}],
        "projects": [{"id": ")" +
           project + R"(", "name": ")" + region + R"("}],
        "github_request_tokens": [")" +
           request_token + R"("]}, "tokens": [], "tasks": {")" + task + R"(": 0})" + extra + "}";
}

struct Fixture {
    Emulator emulator;
    explicit Fixture(const std::string& extra = "") { emulator.load_scenario(credentials_scenario(extra)); }

    // Endpoint, IAM endpoint, region, CA and the task; the credentials come from the test.
    std::vector<std::string> args(std::vector<std::string> credentials) const {
        std::vector<std::string> all = {
            "--endpoint", emulator.url(), "--iam-endpoint",     emulator.url(), "--region",
            region,       "--ca-file",    emulator.cert_file(), "--task-id",    task};
        all.insert(all.end(), credentials.begin(), credentials.end());
        return all;
    }

    std::vector<RecordedRequest> api_requests() const {
        std::vector<RecordedRequest> api;
        for (const auto& request : emulator.requests()) {
            if (request.path.rfind("/v2/", 0) == 0) api.push_back(request);
        }
        return api;
    }
};

std::vector<std::string> lines(const Fixture& fixture) {
    return request_lines(fixture.emulator);
}

const std::vector<std::string> stop_calls = {"GET /v2/tasks/" + task + "/progress",
                                             "POST /v2/tasks/" + task + "/stop",
                                             "GET /v2/tasks/" + task + "/progress"};

std::vector<std::string> then_stop(std::vector<std::string> before) {
    before.insert(before.end(), stop_calls.begin(), stop_calls.end());
    return before;
}

bool signed_with(const RecordedRequest& request, const std::string& access_key) {
    const std::string* authorization = request.header("Authorization");
    return authorization && authorization->rfind("SDK-HMAC-SHA256 Access=" + access_key + ",", 0) == 0;
}

// The task is stopped, and every API call was signed by `access_key` for the project.
void check_signed_stop(const Fixture& fixture, const ProcessResult& run, const std::string& access_key) {
    CHECK(run.exit_code == 0);
    CHECK(fixture.emulator.task_status(task) == 3);
    for (const auto& request : fixture.api_requests()) {
        CHECK(signed_with(request, access_key));
        REQUIRE(request.header("X-Project-Id"));
        CHECK(*request.header("X-Project-Id") == project);
        CHECK_FALSE(request.header("X-Auth-Token"));
    }
}

const std::string lookup = "GET /v3/projects";

}  // namespace

TEST_CASE("permanent AK/SK with a project id: every call signed, no IAM call") {
    Fixture fixture;
    const ProcessResult run = run_program(fixture.args({"--ak", ak, "--sk", sk, "--project-id", project}));
    check_signed_stop(fixture, run, ak);
    CHECK(lines(fixture) == stop_calls);
}

TEST_CASE("permanent AK/SK without a project id: it is looked up once from IAM, signed") {
    Fixture fixture;
    const ProcessResult run = run_program(fixture.args({"--ak", ak, "--sk", sk}));
    check_signed_stop(fixture, run, ak);
    CHECK(lines(fixture) == then_stop({lookup}));
    const RecordedRequest lookup_request = fixture.emulator.requests().front();
    CHECK(lookup_request.query == "name=" + region);
    CHECK(signed_with(lookup_request, ak));
    CHECK(contains(run.err, "project id " + project + " (from IAM)"));
}

// A job that ran huaweicloud/auth-action before: its exports are all this step needs.
TEST_CASE("AK/SK, region and project from huaweicloud/auth-action's variables") {
    Fixture fixture;
    const ProcessResult run = run_program(
        {"--endpoint", fixture.emulator.url(), "--ca-file", fixture.emulator.cert_file(), "--task-id", task},
        {{"HUAWEI_CLOUD_ACCESS_KEY_ID", ak},
         {"HUAWEI_CLOUD_SECRET_ACCESS_KEY", sk},
         {"HUAWEI_CLOUD_REGION", region},
         {"HUAWEI_CLOUD_PROJECT_ID", project}});
    check_signed_stop(fixture, run, ak);
    CHECK(lines(fixture) == stop_calls);
}

TEST_CASE("AK/SK from the SDK's variables and from the API page's") {
    SUBCASE("HUAWEICLOUD_SDK_AK, _SK, _PROJECT_ID") {
        Fixture fixture;
        const ProcessResult run = run_program(fixture.args({}), {{"HUAWEICLOUD_SDK_AK", ak},
                                                                 {"HUAWEICLOUD_SDK_SK", sk},
                                                                 {"HUAWEICLOUD_SDK_PROJECT_ID", project}});
        check_signed_stop(fixture, run, ak);
        CHECK(lines(fixture) == stop_calls);
    }
    SUBCASE("CLOUD_SDK_AK, _SK") {
        Fixture fixture;
        const ProcessResult run = run_program(fixture.args({}), {{"CLOUD_SDK_AK", ak}, {"CLOUD_SDK_SK", sk}});
        check_signed_stop(fixture, run, ak);
        CHECK(lines(fixture) == then_stop({lookup}));
    }
}

TEST_CASE("temporary AK/SK: the security token is sent and signed, with or without a project id") {
    for (const bool with_project : {true, false}) {
        CAPTURE(with_project);
        Fixture fixture;
        std::vector<std::string> credentials = {"--ak",       temporary_ak,       "--sk",
                                                temporary_sk, "--security-token", security_token};
        if (with_project) credentials.insert(credentials.end(), {"--project-id", project});
        const ProcessResult run = run_program(fixture.args(credentials));
        check_signed_stop(fixture, run, temporary_ak);
        CHECK(lines(fixture) == (with_project ? stop_calls : then_stop({lookup})));
        for (const auto& request : fixture.emulator.requests()) {
            REQUIRE(request.header("X-Security-Token"));
            CHECK(*request.header("X-Security-Token") == security_token);
            CHECK(contains(*request.header("Authorization"), "x-security-token"));
        }
    }
}

TEST_CASE("a temporary AK without its security token is refused by the gateway: exit 3") {
    Fixture fixture;
    const ProcessResult run =
        run_program(fixture.args({"--ak", temporary_ak, "--sk", temporary_sk, "--project-id", project}));
    CHECK(run.exit_code == 3);
    CHECK(contains(run.err, "needs its security token"));
    CHECK(fixture.emulator.task_status(task) == 0);
}

TEST_CASE("an IAM user's password: a token from IAM, then token auth, with or without a project id") {
    for (const bool with_project : {true, false}) {
        CAPTURE(with_project);
        Fixture fixture;
        std::vector<std::string> credentials = {"--username", user,       "--password",
                                                password,     "--domain", domain};
        if (with_project) credentials.insert(credentials.end(), {"--project-id", project});
        const ProcessResult run = run_program(fixture.args(credentials));
        CHECK(run.exit_code == 0);
        CHECK(fixture.emulator.task_status(task) == 3);
        CHECK(lines(fixture) == then_stop({"POST /v3/auth/tokens"}));
        const RecordedRequest login = fixture.emulator.requests().front();
        CHECK(contains(login.body, with_project ? R"("id":")" + project : R"("name":")" + region));
        for (const auto& request : fixture.api_requests()) {
            REQUIRE(request.header("X-Auth-Token"));
            CHECK(contains(*request.header("X-Auth-Token"), "MIIpassword-"));  // the token IAM issued
        }
    }
}

TEST_CASE("a wrong password: exit 3 with IAM's message, nothing sent to the service") {
    Fixture fixture;
    const ProcessResult run = run_program(
        fixture.args({"--username", user, "--password", "pw-S3CR3T-wrong", "--domain", domain, "--json"}));
    CHECK(run.exit_code == 3);
    CHECK(contains(run.err, "The username or password is wrong."));
    CHECK(contains(run.out, R"("failed")"));
    CHECK(lines(fixture) == std::vector<std::string>{"POST /v3/auth/tokens"});  // refusals are not retried
    CHECK(fixture.emulator.task_status(task) == 0);
}

TEST_CASE("OIDC federation: id token -> unscoped token -> temporary AK/SK -> signed stop") {
    const std::vector<std::string> federation = {
        "POST /v3/OS-FEDERATION/identity_providers/" + idp + "/protocols/oidc/auth",
        "POST /v3.0/OS-CREDENTIAL/securitytokens"};
    const auto check_federated_stop = [&](const Fixture& fixture, const ProcessResult& run,
                                          const std::vector<std::string>& before) {
        CHECK(run.exit_code == 0);
        CHECK(fixture.emulator.task_status(task) == 3);
        CHECK(lines(fixture) == then_stop(before));
        for (const auto& request : fixture.api_requests()) {
            CHECK(contains(*request.header("Authorization"), "Access=TMP"));
            REQUIRE(request.header("X-Security-Token"));
            CHECK(*request.header("X-Project-Id") == project);
        }
    };
    SUBCASE("the id token from a file (HUAWEICLOUD_SDK_ID_TOKEN_FILE), the project id given") {
        Fixture fixture;
        TempDir files;
        const std::string token_file = files.write("id-token", listed_id_token + "\n");
        const ProcessResult run =
            run_program(fixture.args({"--project-id", project}),
                        {{"HUAWEICLOUD_SDK_IDP_ID", idp}, {"HUAWEICLOUD_SDK_ID_TOKEN_FILE", token_file}});
        check_federated_stop(fixture, run, federation);
        const RecordedRequest exchange = fixture.emulator.requests().front();
        CHECK(*exchange.header("Authorization") == "Bearer " + listed_id_token);
    }
    SUBCASE("the id token given as --id-token, the project id looked up") {
        Fixture fixture;
        const ProcessResult run = run_program(fixture.args({"--idp-id", idp, "--id-token", listed_id_token}));
        std::vector<std::string> expected = federation;
        expected.push_back(lookup);
        check_federated_stop(fixture, run, expected);
    }
    SUBCASE("on GitHub Actions: the job's id token, requested for the audience") {
        Fixture fixture;
        TempDir files;
        const Environment env = {
            {"GITHUB_ACTIONS", "true"},
            {"GITHUB_OUTPUT", files.write("output", "")},
            {"GITHUB_STEP_SUMMARY", files.write("summary", "")},
            {"INPUT_IDP-ID", idp},
            {"INPUT_AUDIENCE", audience},
            {"INPUT_PROJECT-ID", project},
            {"ACTIONS_ID_TOKEN_REQUEST_URL", fixture.emulator.url() + "/github/idtoken?api-version=2.0"},
            {"ACTIONS_ID_TOKEN_REQUEST_TOKEN", request_token}};
        const ProcessResult run = run_program(fixture.args({}), env);
        std::vector<std::string> expected = {"GET /github/idtoken"};
        expected.insert(expected.end(), federation.begin(), federation.end());
        check_federated_stop(fixture, run, expected);
        const RecordedRequest id_token_request = fixture.emulator.requests().front();
        CHECK(id_token_request.query == "api-version=2.0&audience=" + audience);
        CHECK(*id_token_request.header("Authorization") == "Bearer " + request_token);
        // Every secret IAM issued is masked before anything could print it.
        std::size_t masks = 0;
        for (std::size_t at = 0; (at = run.out.find("::add-mask::", at)) != std::string::npos; ++at) ++masks;
        CHECK(masks >= 5);  // the request token, the id token, the unscoped token, the temporary SK and token
    }
}

TEST_CASE("an id token the identity provider does not accept: exit 3 with IAM's message") {
    Fixture fixture;
    const ProcessResult run = run_program(fixture.args({"--idp-id", idp, "--id-token", "idt-S3CR3T-forged"}));
    CHECK(run.exit_code == 3);
    CHECK(contains(run.err, "The id token is not valid"));
    CHECK(fixture.emulator.task_status(task) == 0);
}

TEST_CASE("a wrong SK: exit 3 and the gateway's error shown") {
    for (const bool with_project : {true, false}) {
        CAPTURE(with_project);
        Fixture fixture;
        std::vector<std::string> credentials = {"--ak", ak, "--sk", "sk-S3CR3T-wrong"};
        if (with_project) credentials.insert(credentials.end(), {"--project-id", project});
        const ProcessResult run = run_program(fixture.args(credentials));
        CHECK(run.exit_code == 3);
        CHECK(contains(run.err, "APIGW.0301"));
        CHECK(contains(run.err, "verify aksk signature fail"));
        CHECK(fixture.emulator.task_status(task) == 0);
        CHECK(lines(fixture).size() == 1);  // a refusal is not retried, and no stop follows
    }
}

TEST_CASE("a clock off by an hour: a message that says the clock is off") {
    for (const bool with_project : {true, false}) {
        CAPTURE(with_project);
        Fixture fixture(R"(, "clock_offset_s": 3600)");
        std::vector<std::string> credentials = {"--ak", ak, "--sk", sk};
        if (with_project) credentials.insert(credentials.end(), {"--project-id", project});
        const ProcessResult run = run_program(fixture.args(credentials));
        CHECK(run.exit_code == 3);
        CHECK(contains(run.err, "signature expired"));
        CHECK(contains(run.err, "clock of this machine is off"));
        CHECK(fixture.emulator.task_status(task) == 0);
    }
}

TEST_CASE("an incomplete kind: exit 2 naming what is missing, nothing sent") {
    struct Case {
        std::vector<std::string> credentials;
        std::vector<std::string> named;
    };
    const std::vector<Case> cases = {
        {{"--ak", ak}, {"--sk", "HUAWEICLOUD_SDK_SK"}},
        {{"--sk", sk}, {"--ak", "HUAWEICLOUD_SDK_AK"}},
        {{"--security-token", security_token}, {"--ak", "--sk"}},
        {{"--username", user}, {"--password", "--domain"}},
        {{"--username", user, "--password", password}, {"--domain"}},
        {{"--id-token", listed_id_token}, {"--idp-id"}},
        {{"--idp-id", idp}, {"--id-token", "--id-token-file", "id-token: write"}},
    };
    Fixture fixture;
    for (const auto& each : cases) {
        CAPTURE(each.credentials.front());
        const ProcessResult run = run_program(fixture.args(each.credentials));
        CHECK(run.exit_code == 2);
        for (const auto& name : each.named) CHECK(contains(run.err, name));
    }
    CHECK(fixture.emulator.requests().empty());
}

TEST_CASE("more than one project of the region's name: a clear error, no stop sent") {
    Fixture fixture;
    fixture.emulator.load_scenario(R"({"credentials": {"access_keys": [{"ak": ")" + ak + R"(", "sk": ")" +
                                   sk + R"(", "project_id": ")" + project + R"("}], "projects": [{"id": ")" +
                                   project + R"(", "name": ")" + region + R"("}, {"id": "other", "name": ")" +
                                   region + R"("}]}})");
    const ProcessResult run = run_program(fixture.args({"--ak", ak, "--sk", sk}));
    CHECK(run.exit_code == 1);
    CHECK(contains(run.err, "IAM lists 2 projects named " + region));
    CHECK(contains(run.err, "--project-id"));
    CHECK(lines(fixture) == std::vector<std::string>{lookup});
}

TEST_CASE("a busy IAM is retried like the API") {
    Fixture fixture(
        R"(, "rules": [{"call": "iam-token", "times": 1, "status": 503, "body": {"error_msg": "busy"}}])");
    const ProcessResult run =
        run_program(fixture.args({"--username", user, "--password", password, "--domain", domain}));
    CHECK(run.exit_code == 0);
    CHECK(lines(fixture) == then_stop({"POST /v3/auth/tokens", "POST /v3/auth/tokens"}));
    CHECK(contains(run.err, "retrying"));
}

TEST_CASE("an IAM answering 501 is retried like the API (every 5xx is transient)") {
    Fixture fixture(R"(, "rules": [{"call": "iam-token", "times": 1, "status": 501}])");
    const ProcessResult run =
        run_program(fixture.args({"--username", user, "--password", password, "--domain", domain}));
    CHECK(run.exit_code == 0);
    CHECK(lines(fixture) == then_stop({"POST /v3/auth/tokens", "POST /v3/auth/tokens"}));
    CHECK(contains(run.err, "retrying"));
}

TEST_CASE("an explicit kind beats another kind in the SDK's variables; two explicit kinds are an error") {
    Fixture fixture;
    const Environment sdk_keys = {{"HUAWEICLOUD_SDK_AK", ak}, {"HUAWEICLOUD_SDK_SK", sk}};
    const ProcessResult dry = run_program(
        fixture.args({"--username", user, "--password", password, "--domain", domain, "--dry-run"}),
        sdk_keys);
    CHECK(dry.exit_code == 0);
    CHECK(contains(dry.out, "credentials: password (from --username, --password, --domain)"));
    CHECK(contains(dry.out, "ignored: AK/SK (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK)"));

    const ProcessResult both =
        run_program(fixture.args({"--iam-token", "tok-S3CR3T-x", "--ak", ak, "--sk", sk}));
    CHECK(both.exit_code == 2);
    CHECK(contains(both.err, "more than one kind"));
    CHECK(fixture.emulator.requests().empty());
}

TEST_CASE("--dry-run says which kind and why, for each kind, and sends nothing") {
    Fixture fixture;
    const std::vector<std::pair<std::vector<std::string>, std::string>> kinds = {
        {{"--iam-token", "tok-S3CR3T-dry"}, "credentials: token (from --iam-token)"},
        {{"--ak", ak, "--sk", sk}, "looked up once from IAM"},
        {{"--ak", temporary_ak, "--sk", temporary_sk, "--security-token", security_token, "--project-id",
          project},
         "credentials: temporary-aksk"},
        {{"--username", user, "--password", password, "--domain", domain}, "credentials: password"},
        {{"--idp-id", idp, "--id-token", listed_id_token}, "credentials: oidc"},
    };
    for (const auto& kind : kinds) {
        // Named references, not a structured binding: C++17 lambdas (CAPTURE) cannot capture those.
        const auto& credentials = kind.first;
        const std::string& says = kind.second;
        CAPTURE(says);
        std::vector<std::string> args = fixture.args(credentials);
        args.push_back("--dry-run");
        const ProcessResult run = run_program(args);
        CHECK(run.exit_code == 0);
        CHECK(contains(run.out, says));
    }
    CHECK(fixture.emulator.requests().empty());
}

TEST_CASE("the scenario's credentials part: parsed, and a typo is an error naming the field") {
    const auto scenario = ccs::emu::parse_scenario(credentials_scenario());
    REQUIRE(scenario.credentials);
    CHECK(scenario.credentials->access_keys.size() == 2);
    CHECK(scenario.credentials->access_keys[1].temporary());
    CHECK(scenario.credentials->identity_providers.at(0).audience == audience);
    for (const auto& example : std::vector<std::pair<std::string, std::string>>{
             {R"({"credentials": {"acess_keys": []}})", "credentials: unknown field \"acess_keys\""},
             {R"({"credentials": {"users": [{"name": "u", "password": "p"}]}})", "credentials.users[0]"},
             {R"({"credentials": {"access_keys": [{"ak": 1, "sk": "s", "project_id": "p"}]}})",
              "credentials.access_keys[0].ak"},
             {R"({"clock_offset_s": "1h"})", "clock_offset_s"}}) {
        const std::string& json = example.first;
        const std::string& field = example.second;
        CAPTURE(json);
        try {
            ccs::emu::parse_scenario(json);
            FAIL("accepted");
        } catch (const ccs::emu::ScenarioError& error) {
            CHECK(contains(error.what(), field));
        }
    }
}
