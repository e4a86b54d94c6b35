#include "inputs/option_table.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace ccs::inputs {

OptionSpec& OptionSpec::with_default(std::string shown) {
    default_shown = std::move(shown);
    return *this;
}
OptionSpec& OptionSpec::mark_repeatable() {
    repeatable = true;
    return *this;
}
OptionSpec& OptionSpec::mark_required() {
    required = true;
    return *this;
}
OptionSpec& OptionSpec::mark_secret() {
    secret = true;
    return *this;
}
OptionSpec& OptionSpec::mark_command_line_only() {
    command_line_only = true;
    return *this;
}
OptionSpec& OptionSpec::limit(std::size_t bytes) {
    max_bytes = bytes;
    return *this;
}
OptionSpec& OptionSpec::alias(std::string variable) {
    env_aliases.push_back(std::move(variable));
    return *this;
}

OptionSpec value_option(std::string name, std::string value_name, std::string help) {
    OptionSpec spec;
    spec.name = std::move(name);
    spec.value_name = std::move(value_name);
    spec.help = std::move(help);
    return spec;
}

OptionSpec flag_option(std::string name, std::string help) {
    OptionSpec spec;
    spec.name = std::move(name);
    spec.help = std::move(help);
    return spec;
}

namespace {

std::vector<OptionSpec> build_table() {
    return {
        value_option("task-id", "ID",
                     "CodeArts Check task to stop. Repeat it, or give a list separated by commas, spaces "
                     "or newlines. 1 to 32 characters of A-Z a-z 0-9 _ -.")
            .mark_repeatable()
            .mark_required()
            .limit(kTaskIdListLimit),
        value_option(
            "region", "REGION",
            "Huawei Cloud region of the service: cn-north-4, cn-north-1, cn-east-2, cn-south-1, "
            "cn-east-3, la-north-2, sa-brazil-1, ap-southeast-3. Required unless --endpoint is given."),
        value_option("endpoint", "URL", "Service URL; overrides the region's. https, or http for loopback.")
            .limit(kPathLimit),
        value_option("token", "TOKEN", "IAM token, sent as X-Auth-Token.")
            .mark_required()
            .mark_secret()
            .limit(kTokenLimit),
        value_option("ca-file", "PATH", "Extra trusted CA certificates (PEM) for the endpoint.")
            .limit(kPathLimit),
        value_option("concurrency", "N", "Tasks stopped at once, 1 to 64.").with_default("8"),
        value_option("timeout", "DURATION",
                     "Deadline of the whole run: seconds (45) or 45s, 2m, 1h, 500ms; at most 1h.")
            .with_default("30s"),
        value_option("retries", "N", "Attempts per call, 1 to 10.").with_default("4"),
        flag_option("dry-run", "Check the inputs and show what would be stopped; send nothing.")
            .with_default("false"),
        flag_option("json", "Print the whole result as one JSON document on stdout.").with_default("false"),
        flag_option("help", "Show this help and exit.").mark_command_line_only(),
        flag_option("version", "Show the version and exit.").mark_command_line_only(),
    };
}

// "task-id" -> "TASK-ID" or "TASK_ID"; a space becomes '_' as the GitHub runner does it.
std::string upper_with(const std::string& name, char hyphen_becomes) {
    const auto convert = [hyphen_becomes](char c) -> char {
        if (c == ' ') return '_';
        if (c == '-') return hyphen_becomes;
        return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    };
    std::string upper;
    for (const char c : name) upper += convert(c);
    return upper;
}

}  // namespace

const std::vector<OptionSpec>& option_table() {
    static const std::vector<OptionSpec> table = build_table();
    return table;
}

const OptionSpec* find_option(const std::string& name) {
    const auto& table = option_table();
    const auto found =
        std::find_if(table.begin(), table.end(), [&](const OptionSpec& spec) { return spec.name == name; });
    return found == table.end() ? nullptr : &*found;
}

std::string flag_name(const OptionSpec& spec) {
    return "--" + spec.name;
}

std::string github_input_variable(const OptionSpec& spec) {
    return "INPUT_" + upper_with(spec.name, '-');
}

std::string environment_variable(const OptionSpec& spec) {
    return "CODEARTS_CHECK_" + upper_with(spec.name, '_');
}

std::string all_names(const OptionSpec& spec) {
    if (spec.command_line_only) return flag_name(spec);
    std::vector<std::string> variables = {github_input_variable(spec), environment_variable(spec)};
    variables.insert(variables.end(), spec.env_aliases.begin(), spec.env_aliases.end());
    std::string names = flag_name(spec) + " (input " + spec.name + " / " + variables.front();
    for (std::size_t i = 1; i < variables.size(); ++i) {
        names += (i + 1 == variables.size() ? ", or " : ", ") + variables[i];
    }
    return names + ")";
}

std::string all_names(const std::string& name) {
    return all_names(*find_option(name));
}

}  // namespace ccs::inputs
