// The validated, typed configuration of one run. Everything the program needs from argv, GitHub
// inputs and the environment ends up here, checked, so nothing later reads raw input.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/ci_kind.h"
#include "core/url.h"
#include "inputs/credential_kinds.h"
#include "inputs/guard_state.h"

namespace ccs::inputs {

// The process environment as a plain map, so tests can hand in any environment they like.
using Environment = std::map<std::string, std::string>;

enum class Mode {
    Stop,   // stop the tasks now (--mode stop, the default)
    Guard,  // GitHub: validate now, arm the post run (--mode guard)
    Watch,  // run a command; stop the tasks on its timeout or a signal (`watch ... -- COMMAND`)
    Post,   // GitHub: the guard's post run (argv[0] codearts-check-stop-post, or `post`)
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
    // as curl reads them; parsed and checked once (inputs/proxy_environment.h).
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

    GuardState guard_state;  // post run: what the main run saved (STATE_*)

    CiKind ci = CiKind::Plain;
    std::string github_output_path;   // $GITHUB_OUTPUT (GitHub only)
    std::string github_summary_path;  // $GITHUB_STEP_SUMMARY (GitHub only)
    std::string github_state_path;    // $GITHUB_STATE (GitHub only)

    // Every secret value in this configuration, for masking and redaction.
    std::vector<std::string> secrets() const;
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

// Where the program runs, from the environment alone (also usable when the inputs are invalid).
CiKind detect_ci(const Environment& env);

// The --help text.
std::string help_text();

}  // namespace ccs::inputs
