// The validated, typed configuration of one run. Everything the program needs from argv, GitHub
// inputs and the environment ends up here, checked, so nothing later reads raw input.
#pragma once

#include <chrono>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/ci_kind.h"

namespace ccs::inputs {

// The process environment as a plain map, so tests can hand in any environment they like.
using Environment = std::map<std::string, std::string>;

enum class Mode { Stop };

struct Config {
    Mode mode = Mode::Stop;
    std::vector<std::string> task_ids;     // validated, duplicates removed, in first-seen order

    std::string endpoint;                  // "https://codearts-check.cn-north-4.myhuaweicloud.com" (no trailing '/')
    std::string endpoint_origin;           // why this endpoint: "region cn-north-4" or "--endpoint"
    std::string region;                    // may be empty when --endpoint is given

    std::string token;                     // X-Auth-Token value (other credential kinds: issue 3)
    std::string credential_origin;         // where the token came from: "--token", "INPUT_TOKEN", ...

    std::string ca_file;                   // extra trusted CA bundle (PEM), empty for the system store
    int concurrency = 8;                   // tasks stopped at once, 1..64
    std::chrono::milliseconds timeout{30000};  // the whole run's deadline
    int retries = 4;                       // attempts per call, 1..10
    bool dry_run = false;
    bool json = false;

    CiKind ci = CiKind::Plain;
    std::string github_output_path;        // $GITHUB_OUTPUT (GitHub only)
    std::string github_summary_path;       // $GITHUB_STEP_SUMMARY (GitHub only)

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
    Config config;          // valid only when request == Run
};

// Gathers and validates. `args` excludes argv[0]. Throws InvalidInput.
ParsedInputs parse_inputs(const std::vector<std::string>& args, const Environment& env);

// Where the program runs, from the environment alone (also usable when the inputs are invalid).
CiKind detect_ci(const Environment& env);

// The --help text.
std::string help_text();

}  // namespace ccs::inputs
