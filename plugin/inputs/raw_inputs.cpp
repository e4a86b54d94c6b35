#include "inputs/raw_inputs.h"

#include <optional>
#include <utility>

#include "inputs/command_line.h"
#include "inputs/option_table.h"
#include "inputs/text.h"

namespace ccs::inputs {

const GivenValue* RawInputs::find(const std::string& name) const {
    const auto found = given_.find(name);
    return found == given_.end() ? nullptr : &found->second;
}

void RawInputs::set(const std::string& name, GivenValue given) {
    given_[name] = std::move(given);
}

namespace {

std::optional<GivenValue> from_command_line(const OptionSpec& spec, const CommandLine& command_line) {
    const auto found = command_line.values.find(spec.name);
    if (found == command_line.values.end()) return std::nullopt;
    GivenValue given{flag_name(spec), {}};
    for (const auto& value : found->second) {
        std::string value_trimmed = trimmed(value);
        if (!value_trimmed.empty()) given.values.push_back(std::move(value_trimmed));
    }
    if (given.values.empty()) return std::nullopt;
    return given;
}

std::optional<GivenValue> from_variable(const std::string& variable, const Environment& env) {
    const auto found = env.find(variable);
    if (found == env.end()) return std::nullopt;
    std::string value = trimmed(found->second);
    if (value.empty()) return std::nullopt;
    return GivenValue{variable, {std::move(value)}};
}

std::optional<GivenValue> first_source(const OptionSpec& spec, const CommandLine& command_line,
                                       const Environment& env) {
    if (auto given = from_command_line(spec, command_line)) return given;
    if (spec.command_line_only) return std::nullopt;
    std::vector<std::string> variables = {github_input_variable(spec), environment_variable(spec)};
    variables.insert(variables.end(), spec.env_aliases.begin(), spec.env_aliases.end());
    for (const auto& variable : variables) {
        if (auto given = from_variable(variable, env)) return given;
    }
    return std::nullopt;
}

// Never shows the value: it may be a secret, and it is too long to read anyway.
void check_size(const OptionSpec& spec, const GivenValue& given) {
    std::size_t total = 0;
    for (const auto& value : given.values) total += value.size();
    if (total <= spec.max_bytes) return;
    throw InvalidInput(given.origin + ": too long (" + std::to_string(total) + " bytes; at most " +
                       std::to_string(spec.max_bytes) + (spec.repeatable ? " in all)" : ")"));
}

}  // namespace

RawInputs gather_inputs(const std::vector<std::string>& args, const Environment& env) {
    const CommandLine command_line = read_command_line(args);
    RawInputs raw;
    raw.request = command_line.request;
    if (raw.request != Request::Run) return raw;
    raw.subcommand = command_line.subcommand;
    raw.command = command_line.command;
    for (const auto& spec : option_table()) {
        auto given = first_source(spec, command_line, env);
        if (!given) continue;
        check_size(spec, *given);
        raw.set(spec.name, std::move(*given));
    }
    return raw;
}

}  // namespace ccs::inputs
