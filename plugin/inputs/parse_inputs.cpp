// From raw values to a checked Config. Each option's validation is one line of build_config().
#include <chrono>

#include "inputs/ci_environment.h"
#include "inputs/config.h"
#include "inputs/credentials.h"
#include "inputs/endpoint.h"
#include "inputs/files.h"
#include "inputs/modes.h"
#include "inputs/option_table.h"
#include "inputs/proxy_environment.h"
#include "inputs/raw_inputs.h"
#include "inputs/scalars.h"
#include "inputs/task_id_file.h"
#include "inputs/task_ids.h"

namespace ccs::inputs {

namespace {

constexpr std::chrono::milliseconds kMaxTimeout = std::chrono::hours(1);

// Not required when a task id file will give them later, or in the post run (the saved state does).
std::vector<std::string> required_task_ids(const RawInputs& raw, const Config& config) {
    const GivenValue* given = raw.find("task-id");
    if (given) return parse_task_ids(*given);
    if (!config.task_id_file.empty() || config.mode == Mode::Post) return {};
    throw InvalidInput("no task id: set " + all_names("task-id") + ", or " + all_names("task-id-file"));
}

void apply_endpoint(const RawInputs& raw, const Environment& env, Config& config) {
    EndpointChoice endpoint =
        choose_endpoint(raw.find("region"), raw.find("endpoint"), env, config.allow_insecure_http);
    config.endpoints = std::move(endpoint.urls);
    config.endpoint_origin = std::move(endpoint.origin);
    config.region = std::move(endpoint.region);
}

// Applies `parse` to the option's value when one is given; otherwise leaves `field` at its default.
template <typename Field, typename Parse>
void apply_if_given(const RawInputs& raw, const std::string& name, Field& field, Parse parse) {
    if (const GivenValue* given = raw.find(name)) field = parse(*given);
}

// OpenSSL's own variables, passed on rather than left for OpenSSL to read: nothing below main reads
// the environment. An unset or empty one means the system's store.
void apply_trust_environment(const Environment& env, Config& config) {
    const auto value = [&env](const char* name) {
        const auto found = env.find(name);
        return found == env.end() ? std::string() : found->second;
    };
    config.ssl_cert_file = value("SSL_CERT_FILE");
    config.ssl_cert_dir = value("SSL_CERT_DIR");
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
    // In watch mode --timeout is the command's, with a limit of its own (apply_mode_inputs).
    if (config.mode != Mode::Watch) {
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
