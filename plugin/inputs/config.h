// The validated, typed configuration of one run. Everything the program needs from argv, GitHub
// inputs and the environment ends up here, checked, so nothing later reads raw input.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "core/ci_kind.h"
#include "core/environment.h"
#include "core/gate.h"
#include "core/url.h"
#include "inputs/guard_state.h"

namespace ccs::inputs {

// The process environment as a plain map, so tests can hand in any environment they like.
using ccs::Environment;  // core/environment.h

// ---- Credentials: the kinds a run can use, as validated values ----
// Exactly one is chosen per run (inputs/credentials.cpp decides which, and implements the functions
// below); app/credentials.cpp turns it into an Authorizer, calling IAM first when the kind needs it.

// An IAM token, sent as X-Auth-Token.
struct TokenCredential {
    std::string token;
};

// Permanent AK/SK, or temporary ones with their security token. Every request is signed.
struct AkSkCredential {
    std::string access_key;
    std::string secret_key;
    std::string security_token;  // empty: permanent keys
    std::string project_id;      // X-Project-Id; empty: looked up from IAM by the region's name
};

// An IAM user's password, exchanged for a token at IAM.
struct PasswordCredential {
    std::string username;
    std::string password;
    std::string domain;
    std::string project_id;  // the token's scope; empty: the project named after the region
};

// Where a GitHub Actions job gets its OIDC id token (permissions: id-token: write).
struct GitHubIdTokenSource {
    ServiceUrl request_url;     // ACTIONS_ID_TOKEN_REQUEST_URL, parsed and checked
    std::string request_token;  // ACTIONS_ID_TOKEN_REQUEST_TOKEN, a secret
    std::string audience;       // --audience; empty: GitHub's default
};

// OIDC federation: an id token exchanged for an unscoped token, that for temporary AK/SK.
struct OidcCredential {
    std::string idp_id;
    std::string id_token;                       // given, or read from a file; empty when from GitHub
    std::optional<GitHubIdTokenSource> github;  // set: the id token is requested at run time
    std::string id_token_origin;                // "--id-token", "--id-token-file /path", "GitHub Actions"
    std::string project_id;                     // empty: looked up from IAM by the region's name
};

using Credential = std::variant<TokenCredential, AkSkCredential, PasswordCredential, OidcCredential>;

// "token", "aksk", "temporary-aksk", "password", "oidc".
std::string kind_name(const Credential& credential);

// The secret values a credential holds (never the AK, the ids or the user and domain names).
std::vector<std::string> secrets_of(const Credential& credential);

// Whether turning it into an Authorizer needs IAM: a password or an id token to exchange, or a
// project id to look up.
bool needs_iam(const Credential& credential);

// ---- The configuration ----

enum class Mode {
    Stop,      // stop the tasks now (--mode stop, the default)
    Guard,     // GitHub: validate now, arm the post run (--mode guard)
    Watch,     // run a command; stop the tasks on its timeout or a signal (`watch ... -- COMMAND`)
    Post,      // GitHub: the guard's post run (argv[0] codearts-check-stop-post, or `post`)
    Run,       // start the tasks' checks, follow them, apply the gate (`run`, --mode run)
    Findings,  // read the findings of the tasks' last checks (`findings`, --mode findings)
};

struct Config {
    Mode mode = Mode::Stop;
    std::vector<std::string> task_ids;  // validated, duplicates removed, in first-seen order

    // "https://codearts-check.cn-north-4.myhuaweicloud.com" (no trailing '/'), then any other endpoint
    // of the region, tried in order when one cannot be connected to (http/endpoint_list.h). Never empty.
    // Parsed and checked once (inputs/endpoint.h): requests take their origin and base path as they are.
    std::vector<ServiceUrl> endpoints;
    std::string endpoint_origin;  // why these: "region cn-north-4" or "--endpoint"
    std::string region;           // may be empty when --endpoint is given

    Credential credential;          // the one kind this run uses (chosen in inputs/credentials.cpp)
    std::string credential_origin;  // the input that decided it: "--token", "INPUT_AK", "HUAWEICLOUD_SDK_AK"
    std::string credential_why;     // for --dry-run: which kind, from which inputs, what was ignored
    std::vector<std::string> other_secrets;  // secrets given for kinds not chosen: masked all the same
    std::optional<ServiceUrl> iam_endpoint;  // "https://iam.<region>.myhuaweicloud.com" or --iam-endpoint
    std::string iam_endpoint_origin;         // "region cn-north-4" or "--iam-endpoint"; empty with no IAM URL

    std::string ca_file;        // extra trusted CA bundle (PEM), empty for the system store
    std::string ssl_cert_file;  // SSL_CERT_FILE: a bundle read in place of the system's, as OpenSSL does
    std::string ssl_cert_dir;   // SSL_CERT_DIR: hashed directories searched in place of the system's
    bool allow_insecure_http = false;  // http:// endpoints beyond loopback
    // From https_proxy / HTTPS_PROXY, http_proxy / HTTP_PROXY and no_proxy / NO_PROXY, lower case first,
    // as curl reads them; parsed and checked once (inputs/endpoint.h).
    ProxySetting proxy;
    // Tasks stopped at once, 1..64. Workers share one TLS context, so one per task is cheap; a
    // cancelled CI has seconds, and tasks stopped one after another would not fit in them.
    int concurrency = 64;
    std::chrono::milliseconds timeout{30000};  // the whole run's deadline
    int retries = 4;                           // attempts per call, 1..10
    bool dry_run = false;
    bool json = false;

    std::chrono::milliseconds grace{
        6000};                 // what a stop still has after the first signal (watch: after the timeout too)
    std::string task_id_file;  // ids read when the stop is due; task_ids may then be empty
    std::vector<std::string> stop_on{"canceled", "timedout",
                                     "failed"};  // CI_JOB_STATUS values that call for a stop
    std::string job_status;                      // CI_JOB_STATUS (GitLab after_script), empty when unset
    std::string dotenv_path;                     // --dotenv: results as KEY=value lines
    std::string json_file_path;                  // --json-file: the JSON document

    std::vector<std::string> command;                          // watch: the command and its arguments
    std::optional<std::chrono::milliseconds> command_timeout;  // watch: how long it may run; unset: no limit

    // run: what the checks run on ("pull", "merge_request"; empty: the task's own), the gate, and the
    // longest wait between two looks at a check's progress. --timeout is then the follow's (60 min).
    std::string ref;
    FailOn fail_on;
    std::chrono::milliseconds poll_interval{15000};

    // Findings (findings mode; run mode when reads_findings()): where they are written and which are
    // read. --path-prefix is removed from the service's file paths (core/finding.h repository_path).
    std::string sarif_path;        // --sarif
    std::string codequality_path;  // --codequality
    std::string path_prefix;       // --path-prefix
    int max_findings = 5000;       // --max-findings, 0..100000; 0: none are read
    bool all_findings = false;     // --all-findings: resolved and dismissed ones too

    GuardState guard_state;  // post run: what the main run saved (STATE_*)

    CiKind ci = CiKind::Plain;
    std::string github_output_path;   // $GITHUB_OUTPUT (GitHub only)
    std::string github_summary_path;  // $GITHUB_STEP_SUMMARY (GitHub only)
    std::string github_state_path;    // $GITHUB_STATE (GitHub only)

    // Every secret value in this configuration, for masking and redaction.
    std::vector<std::string> secrets() const;

    // Whether findings are read: always in findings mode; in run mode when a file asks for them or
    // GitHub shows them as annotations, unless --max-findings is 0.
    bool reads_findings() const;
};

// Bad input: nothing may be sent. The message names the input as the user gave it
// ("--task-id", "INPUT_TASK-ID", "CODEARTS_CHECK_TASK_ID") and says what is wrong with it.
class InvalidInput : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What the command line asks for before any validation.
enum class Request { Run, Help, Version };

struct ParsedInputs {
    Request request = Request::Run;
    Config config;  // valid only when request == Run
};

// Gathers and validates. `args` excludes argv[0]. Throws InvalidInput.
ParsedInputs parse_inputs(const std::vector<std::string>& args, const Environment& env);

// Which CI runs us, from the variables each platform sets.
struct CiEnvironment {
    CiKind kind = CiKind::Plain;
    std::string github_output_path;   // $GITHUB_OUTPUT, GitHub only, empty when unset
    std::string github_summary_path;  // $GITHUB_STEP_SUMMARY, GitHub only, empty when unset
    std::string github_state_path;    // $GITHUB_STATE, GitHub only, empty when unset
    std::string job_status;           // CI_JOB_STATUS (GitLab sets it for after_script), empty when unset
};

// GITHUB_ACTIONS=true: GitHub; GITLAB_CI=true: GitLab; JENKINS_URL set: Jenkins; otherwise Plain.
CiEnvironment ci_environment(const Environment& env);

// Where the program runs, from the environment alone (also usable when the inputs are invalid):
// ci_environment()'s kind.
CiKind detect_ci(const Environment& env);

// The --help text.
std::string help_text();

}  // namespace ccs::inputs
