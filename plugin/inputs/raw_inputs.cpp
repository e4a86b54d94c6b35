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

std::optional<GivenValue> from_command_line(const std::string& flag, const CommandLine& command_line) {
    const auto found = command_line.values.find(flag.substr(2));
    if (found == command_line.values.end()) return std::nullopt;
    GivenValue given{flag, {}, Source::CommandLine};
    for (const auto& value : found->second) {
        std::string value_trimmed = trimmed(value);
        if (!value_trimmed.empty()) given.values.push_back(std::move(value_trimmed));
    }
    if (given.values.empty()) return std::nullopt;
    return given;
}

std::optional<GivenValue> from_variable(const std::string& variable, Source source, const Environment& env) {
    const auto found = env.find(variable);
    if (found == env.end()) return std::nullopt;
    std::string value = trimmed(found->second);
    if (value.empty()) return std::nullopt;
    return GivenValue{variable, {std::move(value)}, source};
}

std::optional<GivenValue> from_name(const std::string& name, Source source, const CommandLine& command_line,
                                    const Environment& env) {
    return source == Source::CommandLine ? from_command_line(name, command_line)
                                         : from_variable(name, source, env);
}

// A current and a former name at one source: equal values are one value given twice; different ones
// cannot both be meant. Neither value is shown: the option may be a secret.
void check_same_value(const GivenValue& current, const GivenValue& former) {
    if (current.values == former.values) return;
    throw InvalidInput(current.origin + " and " + former.origin +
                       " are both given, with different values (not "
                       "shown); " +
                       former.origin + " is the former name of " + current.origin + ": give one");
}

// The value at the most explicit source that gives one. At the program's own sources the names are
// one option's current and former names, which must agree; the SDKs' variables are taken first found.
std::optional<GivenValue> first_source(const OptionSpec& spec, const CommandLine& command_line,
                                       const Environment& env) {
    for (const auto& [source, names] : sources_of(spec)) {
        std::vector<GivenValue> found;
        for (const auto& name : names) {
            if (auto given = from_name(name, source, command_line, env)) found.push_back(std::move(*given));
        }
        if (found.empty()) continue;
        const bool own_names = source != Source::Sdk && source != Source::AuthAction;
        if (own_names && found.size() > 1) check_same_value(found[0], found[1]);
        return found.front();
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
