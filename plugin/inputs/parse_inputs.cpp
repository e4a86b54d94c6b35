// From raw values to a checked Config. Each option's validation is one line of build_config().
#include <chrono>

#include "inputs/ci_environment.h"
#include "inputs/config.h"
#include "inputs/credentials.h"
#include "inputs/endpoint.h"
#include "inputs/files.h"
#include "inputs/option_table.h"
#include "inputs/raw_inputs.h"
#include "inputs/scalars.h"
#include "inputs/task_ids.h"

namespace ccs::inputs {

namespace {

constexpr std::chrono::milliseconds kMaxTimeout = std::chrono::hours(1);

std::vector<std::string> required_task_ids(const RawInputs& raw) {
    const GivenValue* given = raw.find("task-id");
    if (!given) throw InvalidInput("no task id: set " + all_names("task-id"));
    return parse_task_ids(*given);
}

void apply_endpoint(const RawInputs& raw, Config& config) {
    EndpointChoice endpoint = choose_endpoint(raw.find("region"), raw.find("endpoint"));
    config.endpoint = std::move(endpoint.url);
    config.endpoint_origin = std::move(endpoint.origin);
    config.region = std::move(endpoint.region);
}

// Applies `parse` to the option's value when one is given; otherwise leaves `field` at its default.
template <typename Field, typename Parse>
void apply_if_given(const RawInputs& raw, const std::string& name, Field& field, Parse parse) {
    if (const GivenValue* given = raw.find(name)) field = parse(*given);
}

void apply_ci(const Environment& env, Config& config) {
    CiEnvironment ci = ci_environment(env);
    config.ci = ci.kind;
    config.github_output_path = std::move(ci.github_output_path);
    config.github_summary_path = std::move(ci.github_summary_path);
}

Config build_config(const RawInputs& raw, const Environment& env) {
    Config config;
    config.task_ids = required_task_ids(raw);
    apply_endpoint(raw, config);
    choose_credentials(raw, config);
    apply_if_given(raw, "ca-file", config.ca_file, checked_readable_file);
    apply_if_given(raw, "concurrency", config.concurrency,
                   [](auto& v) { return parse_whole_number(v, 1, 64); });
    apply_if_given(raw, "timeout", config.timeout, [](auto& v) { return parse_duration(v, kMaxTimeout); });
    apply_if_given(raw, "retries", config.retries, [](auto& v) { return parse_whole_number(v, 1, 10); });
    apply_if_given(raw, "dry-run", config.dry_run, parse_boolean);
    apply_if_given(raw, "json", config.json, parse_boolean);
    apply_ci(env, config);
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
