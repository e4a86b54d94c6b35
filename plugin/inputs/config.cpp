// From raw values to a checked Config. Each option's validation is one line of build_config(); the
// checks of one area live in its file (task_ids, endpoint, credentials; values for the shared ones),
// those of the run's mode and of where it runs here.
#include "inputs/config.h"

#include <algorithm>
#include <chrono>

#include "inputs/credentials.h"
#include "inputs/endpoint.h"
#include "inputs/guard_state.h"
#include "inputs/options.h"
#include "inputs/task_ids.h"
#include "inputs/values.h"

namespace ccs::inputs {

std::vector<std::string> Config::secrets() const {
    std::vector<std::string> values = secrets_of(credential);
    for (const auto& password : proxy.passwords()) values.push_back(password);
    for (const auto& secret : other_secrets) {
        if (!secret.empty() && std::find(values.begin(), values.end(), secret) == values.end()) {
            values.push_back(secret);
        }
    }
    return values;
}

bool Config::reads_findings() const {
    if (max_findings == 0) return false;
    if (mode == Mode::Findings) return true;
    return mode == Mode::Run && (!sarif_path.empty() || !codequality_path.empty() || ci == CiKind::GitHub);
}

// ---- Where the program runs ----

CiEnvironment ci_environment(const Environment& env) {
    CiEnvironment ci;
    if (variable(env, "GITHUB_ACTIONS") == "true") {
        ci.kind = CiKind::GitHub;
        ci.github_output_path = variable(env, "GITHUB_OUTPUT");
        ci.github_summary_path = variable(env, "GITHUB_STEP_SUMMARY");
        ci.github_state_path = variable(env, "GITHUB_STATE");
    } else if (variable(env, "GITLAB_CI") == "true") {
        ci.kind = CiKind::GitLab;
    } else if (!variable(env, "JENKINS_URL").empty()) {
        ci.kind = CiKind::Jenkins;
    }
    // Wherever it is set: a GitLab job status is what --stop-on compares, whichever CI we detected.
    ci.job_status = variable(env, "CI_JOB_STATUS");
    return ci;
}

CiKind detect_ci(const Environment& env) {
    return ci_environment(env).kind;
}

// ---- The mode, and the inputs only some modes have ----

namespace {

// Applies `parse` to the option's value when one is given; otherwise leaves `field` at its default.
template <typename Field, typename Parse>
void apply_if_given(const RawInputs& raw, const std::string& name, Field& field, Parse parse) {
    if (const GivenValue* given = raw.find(name)) field = parse(*given);
}

// The statuses GitLab gives CI_JOB_STATUS in after_script (spelled as GitLab spells them).
const std::vector<std::string> kJobStatuses = {"success", "failed", "canceled", "timedout"};

// How long a watched command may be given: a long build, not forever.
constexpr std::chrono::milliseconds kMaxCommandTimeout = std::chrono::hours(24);

void apply_watch_inputs(const RawInputs& raw, Config& config) {
    config.command = raw.command;
    if (const GivenValue* timeout = raw.find("timeout")) {
        config.command_timeout = parse_duration(*timeout, kMaxCommandTimeout);
    }
}

// Run mode: how long the checks may run, and the longest wait between two looks at one.
constexpr std::chrono::milliseconds kDefaultRunTimeout = std::chrono::minutes(60);
constexpr std::chrono::milliseconds kMaxRunTimeout = std::chrono::hours(24);
constexpr std::chrono::milliseconds kMinPollInterval = std::chrono::seconds(1);
constexpr std::chrono::milliseconds kMaxPollInterval = std::chrono::minutes(5);

// --ref: pull or merge_request, as the service spells them.
std::string parse_ref(const GivenValue& given) {
    if (given.value() == "pull" || given.value() == "merge_request") return given.value();
    throw InvalidInput(given.origin + ": " + quoted(given.value()) +
                       " is not a ref: use pull or merge_request");
}

// --poll-interval: a duration of at least a second (the service is asked no more often than that).
std::chrono::milliseconds parse_poll_interval(const GivenValue& given) {
    const std::chrono::milliseconds interval = parse_duration(given, kMaxPollInterval);
    if (interval < kMinPollInterval) {
        throw InvalidInput(given.origin + ": " + quoted(given.value()) + " is too short: at least 1s");
    }
    return interval;
}

// --fail-on, with the gate's own parser (core/gate.h): what the flow applies is what was checked.
FailOn parse_fail_on_input(const GivenValue& given) {
    FailOnParse parsed = parse_fail_on(given.value());
    if (!parsed.fail_on) throw InvalidInput(given.origin + ": " + parsed.error);
    return *parsed.fail_on;
}

// Run and findings modes act on the tasks --task-id names, now: a task id file is for stops that are
// due later. Their --timeout has a default and a limit of the mode's own.
struct OwnTimeout {
    std::chrono::milliseconds default_value;
    std::chrono::milliseconds max;
};

void apply_given_tasks_and_timeout(const RawInputs& raw, const std::string& what_mode_does,
                                   OwnTimeout timeout, Config& config) {
    if (const GivenValue* file = raw.find("task-id-file")) {
        throw InvalidInput(file->origin + ": " + what_mode_does + " the tasks " + all_names("task-id") +
                           " names; it reads no task id file");
    }
    config.timeout = timeout.default_value;
    if (const GivenValue* given = raw.find("timeout")) config.timeout = parse_duration(*given, timeout.max);
}

// Run mode's own inputs; --timeout is the follow's.
void apply_run_inputs(const RawInputs& raw, Config& config) {
    apply_given_tasks_and_timeout(raw, "run mode starts", {kDefaultRunTimeout, kMaxRunTimeout}, config);
    if (const GivenValue* ref = raw.find("ref")) config.ref = parse_ref(*ref);
    if (const GivenValue* interval = raw.find("poll-interval"))
        config.poll_interval = parse_poll_interval(*interval);
    if (const GivenValue* fail_on = raw.find("fail-on")) config.fail_on = parse_fail_on_input(*fail_on);
}

// Findings mode: how long the pages may take (a few seconds for 5000 findings), at most an hour.
constexpr std::chrono::milliseconds kDefaultFindingsTimeout = std::chrono::minutes(5);
constexpr std::chrono::milliseconds kMaxFindingsTimeout = std::chrono::hours(1);
constexpr int kMaxFindingsCap = 100000;

// Where findings go and which are read: run and findings modes.
void apply_findings_inputs(const RawInputs& raw, Config& config) {
    apply_if_given(raw, "sarif", config.sarif_path, checked_path);
    apply_if_given(raw, "codequality", config.codequality_path, checked_path);
    apply_if_given(raw, "path-prefix", config.path_prefix, checked_path);
    apply_if_given(raw, "max-findings", config.max_findings,
                   [](auto& v) { return parse_whole_number(v, 0, kMaxFindingsCap); });
    apply_if_given(raw, "all-findings", config.all_findings, parse_boolean);
}

// Findings mode reads the findings of the tasks --task-id names, by its own --timeout.
void apply_findings_mode_inputs(const RawInputs& raw, Config& config) {
    apply_given_tasks_and_timeout(raw, "findings mode reads", {kDefaultFindingsTimeout, kMaxFindingsTimeout},
                                  config);
    if (const GivenValue* max = raw.find("max-findings"); max && config.max_findings == 0) {
        throw InvalidInput(max->origin + ": findings mode needs at least 1 (0 reads none)");
    }
}

// A subcommand (watch, post, run, findings) wins; otherwise --mode: stop (the default), guard, run or
// findings.
Mode parse_mode(const RawInputs& raw) {
    if (raw.subcommand == watch_subcommand) return Mode::Watch;
    if (raw.subcommand == post_subcommand) return Mode::Post;
    if (raw.subcommand == run_subcommand) return Mode::Run;
    if (raw.subcommand == findings_subcommand) return Mode::Findings;
    const GivenValue* given = raw.find("mode");
    if (!given || given->value() == "stop") return Mode::Stop;
    if (given->value() == "guard") return Mode::Guard;
    if (given->value() == "run") return Mode::Run;
    if (given->value() == "findings") return Mode::Findings;
    throw InvalidInput(given->origin + ": " + quoted(given->value()) +
                       " is not a mode: use stop, guard, run or findings (watch is a subcommand: watch "
                       "[options] -- COMMAND)");
}

// --stop-on: a list (commas or spaces) of success, failed, canceled, timedout.
std::vector<std::string> parse_stop_on(const GivenValue& given) {
    std::vector<std::string> statuses;
    for (const auto& value : given.values) {
        for (const auto& status : split_task_id_list(value)) {
            if (std::find(kJobStatuses.begin(), kJobStatuses.end(), status) == kJobStatuses.end()) {
                throw InvalidInput(given.origin + ": " + quoted(status) +
                                   " is not a GitLab job status: use success, failed, canceled or timedout");
            }
            if (std::find(statuses.begin(), statuses.end(), status) == statuses.end())
                statuses.push_back(status);
        }
    }
    if (statuses.empty()) throw InvalidInput(given.origin + ": no job status given");
    return statuses;
}

// What each mode needs beyond the common options: the watched command and how long it may run;
// $GITHUB_STATE for guard; the saved state for post (inputs/guard_state.h); run's own options. The
// options of one mode are not read in the others (an action passes every input in every mode).
void apply_mode_inputs(const RawInputs& raw, const Environment& env, Config& config) {
    switch (config.mode) {
        case Mode::Watch: return apply_watch_inputs(raw, config);
        case Mode::Guard:
            if (config.ci != CiKind::GitHub || config.github_state_path.empty()) {
                throw InvalidInput(raw.find("mode")->origin +
                                   ": guard runs as a GitHub action step: it needs GITHUB_ACTIONS=true and "
                                   "$GITHUB_STATE to arm the post run");
            }
            return;
        case Mode::Post: config.guard_state = read_guard_state(env); return;
        case Mode::Run: apply_findings_inputs(raw, config); return apply_run_inputs(raw, config);
        case Mode::Findings:
            apply_findings_inputs(raw, config);
            return apply_findings_mode_inputs(raw, config);
        case Mode::Stop: return;
    }
}

}  // namespace

// ---- Every option into Config ----

namespace {

constexpr std::chrono::milliseconds kMaxTimeout = std::chrono::hours(1);

// OpenSSL's own variables, passed on rather than left for OpenSSL to read: nothing below main reads
// the environment. An unset or empty one means the system's store.
void apply_trust_environment(const Environment& env, Config& config) {
    config.ssl_cert_file = variable(env, "SSL_CERT_FILE");
    config.ssl_cert_dir = variable(env, "SSL_CERT_DIR");
}

void apply_ci(const Environment& env, Config& config) {
    CiEnvironment ci = ci_environment(env);
    config.ci = ci.kind;
    config.github_output_path = std::move(ci.github_output_path);
    config.github_summary_path = std::move(ci.github_summary_path);
    config.github_state_path = std::move(ci.github_state_path);
    config.job_status = std::move(ci.job_status);
}

Config build_config(const RawInputs& raw, const Environment& env) {
    Config config;
    config.mode = parse_mode(raw);
    apply_if_given(raw, "task-id-file", config.task_id_file, checked_path);
    config.task_ids = required_task_ids(raw, config);
    apply_if_given(raw, "allow-insecure-http", config.allow_insecure_http, parse_boolean);
    apply_endpoint(raw, env, config);
    config.proxy = proxy_from_environment(env);
    choose_credentials(raw, env, config);
    apply_if_given(raw, "ca-file", config.ca_file, checked_certificate_file);
    apply_trust_environment(env, config);
    apply_if_given(raw, "concurrency", config.concurrency,
                   [](auto& v) { return parse_whole_number(v, 1, 64); });
    // In watch and run modes --timeout has a limit of its own (apply_mode_inputs). The post run of a
    // run-mode main run receives that --timeout again: its stop keeps the default.
    const bool timeout_is_run_modes = config.mode == Mode::Post && armed_by_run(env);
    const bool own_timeout =
        config.mode == Mode::Watch || config.mode == Mode::Run || config.mode == Mode::Findings;
    if (!own_timeout && !timeout_is_run_modes) {
        apply_if_given(raw, "timeout", config.timeout,
                       [](auto& v) { return parse_duration(v, kMaxTimeout); });
    }
    apply_if_given(raw, "retries", config.retries, [](auto& v) { return parse_whole_number(v, 1, 10); });
    apply_if_given(raw, "dry-run", config.dry_run, parse_boolean);
    apply_if_given(raw, "json", config.json, parse_boolean);
    apply_if_given(raw, "grace", config.grace, [](auto& v) { return parse_duration(v, kMaxTimeout); });
    apply_if_given(raw, "stop-on", config.stop_on, parse_stop_on);
    apply_if_given(raw, "dotenv", config.dotenv_path, checked_path);
    apply_if_given(raw, "json-file", config.json_file_path, checked_path);
    apply_ci(env, config);
    apply_mode_inputs(raw, env, config);
    return config;
}

}  // namespace

ParsedInputs parse_inputs(const std::vector<std::string>& args, const Environment& env) {
    const RawInputs raw = gather_inputs(args, env);
    ParsedInputs parsed;
    parsed.request = raw.request;
    if (parsed.request == Request::Run) parsed.config = build_config(raw, env);
    return parsed;
}

}  // namespace ccs::inputs
