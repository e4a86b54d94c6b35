// The options and how their values are read: the one table of options, the names each is given
// under, and reading argv and the environment under those names into RawInputs. Everything that knows
// an option's name (the command line, the GitHub input, the environment variables, --help, the size
// limits) reads it from here, so adding an option is one row in options.cpp plus its validation where
// build_config (config.cpp) puts it into Config.
//
// Which value counts: the one from the highest-precedence source: command line > GitHub input
// (INPUT_TASK-ID) > CODEARTS_CHECK_TASK_ID > the SDKs' variables > huaweicloud/auth-action's. An option
// with a former name (--token for --iam-token) is read under both at each source; the two giving
// different values there is an error. Values are trimmed as GitHub's getInput trims them; an empty
// value counts as not given, so a declared-but-empty action input falls through to the environment.
//
// argv is read with Poco's OptionProcessor, built from the table. Only the exact long names are
// accepted: Poco would also take unambiguous prefixes ("--time") and any letter case, but a prefix that
// works today breaks or changes meaning when a later option shares it ("--token" vs "--token-file"), so
// a pipeline is better off failing now with "unknown option".
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <Poco/Util/Option.h>

#include "inputs/config.h"

namespace ccs::inputs {

// ---- The table, and the names derived from it ----

// Size limits, in bytes of one option's values taken together.
constexpr std::size_t kShortValueLimit = 256;  // numbers, regions, booleans
constexpr std::size_t kPathLimit = 4096;       // URLs and file paths
constexpr std::size_t kTokenLimit = 100000;    // what the service accepts for X-Auth-Token
constexpr std::size_t kTaskIdListLimit = std::size_t{1024} * 1024;  // all task id lists together

struct OptionSpec {
    std::string name;                // long name, kebab-case: "task-id"
    std::string value_name;          // shown in help: "ID"; empty for a flag
    std::string help;                // one or two sentences
    std::string default_shown;       // the default as help shows it; empty when none
    bool repeatable = false;         // --task-id a --task-id b
    bool required = false;           // shown in help; checked by validation, not by Poco
    bool secret = false;             // never echoed; masked by the reporters
    bool command_line_only = false;  // --help, --version: no GitHub input or variable
    std::size_t max_bytes = kShortValueLimit;
    std::string former_name;                       // the name it had before, still read: "token"
    std::vector<std::string> env_aliases;          // the SDKs' variables, below CODEARTS_CHECK_*
    std::vector<std::string> auth_action_aliases;  // huaweicloud/auth-action's exports, below the SDKs'

    bool is_flag() const { return value_name.empty(); }

    // Chainable setters, so a table row reads as one sentence.
    OptionSpec& with_default(std::string shown);
    OptionSpec& mark_repeatable();
    OptionSpec& mark_required();
    OptionSpec& mark_secret();
    OptionSpec& mark_command_line_only();
    OptionSpec& limit(std::size_t bytes);
    OptionSpec& alias(std::string variable);
    OptionSpec& auth_action_alias(std::string variable);
    OptionSpec& formerly(std::string old_name);
};

// Where a value may come from, least explicit first. A value is taken from the most explicit source
// that gives one; credentials of different kinds are ranked the same way (inputs/credentials.h).
enum class Source { AuthAction, Sdk, OwnVariable, GitHubInput, CommandLine };

// The names an option is read under at one source, current name first: "--iam-token", "--token";
// "INPUT_IAM-TOKEN", "INPUT_TOKEN"; "HUAWEICLOUD_SDK_AK", "CLOUD_SDK_AK".
struct SourceNames {
    Source source;
    std::vector<std::string> names;
};

// Every source of the option, most explicit first; sources where it has no name are left out.
std::vector<SourceNames> sources_of(const OptionSpec& spec);

// "the command line", "GitHub inputs", "CODEARTS_CHECK_* variables", "SDK variables", "auth-action variables"
const char* source_name(Source source);

OptionSpec value_option(std::string name, std::string value_name, std::string help);
OptionSpec flag_option(std::string name, std::string help);

// All options, in the order --help lists them.
const std::vector<OptionSpec>& option_table();

// The row for an exact long name, current or former, or nullptr.
const OptionSpec* find_option(const std::string& name);

// "--task-id"
std::string flag_name(const OptionSpec& spec);
std::string flag_name(const std::string& name);
// "INPUT_TASK-ID": what the GitHub runner exports for input "task-id" (upper case, '-' kept, ' ' -> '_').
std::string github_input_variable(const OptionSpec& spec);
std::string github_input_variable(const std::string& name);
// "CODEARTS_CHECK_TASK_ID"
std::string environment_variable(const OptionSpec& spec);
std::string environment_variable(const std::string& name);
// "--task-id (input task-id / INPUT_TASK-ID, or CODEARTS_CHECK_TASK_ID)": every way to give it under
// its current name (a former name still works but is not advertised).
std::string all_names(const OptionSpec& spec);
// all_names() of the row with that name; the name must be in the table.
std::string all_names(const std::string& name);

// ---- The command line ----

// The words a command line may start with, before any option.
inline constexpr const char* watch_subcommand = "watch";        // watch [options] -- COMMAND [ARGS...]
inline constexpr const char* post_subcommand = "post";          // the GitHub guard's post run, by name
inline constexpr const char* run_subcommand = "run";            // run [options]: as --mode run
inline constexpr const char* findings_subcommand = "findings";  // findings [options]: as --mode findings

// One table row as a Poco option (for the command line and for --help's formatter).
Poco::Util::Option poco_option(const OptionSpec& spec);

// ---- Every source, in precedence order: RawInputs ----

// One option's value from its winning source.
struct GivenValue {
    std::string origin;  // as the user gave it: "--task-id", "INPUT_TASK-ID", "CODEARTS_CHECK_TASK_ID"
    std::vector<std::string> values;      // trimmed, not empty; more than one only for a repeated option
    Source source = Source::CommandLine;  // which kind of source `origin` is

    const std::string& value() const { return values.front(); }
};

class RawInputs {
public:
    Request request = Request::Run;
    std::string subcommand;            // "watch", "post", "run" or empty (watch_subcommand, post_subcommand)
    std::vector<std::string> command;  // watch: the command to run

    // The option's value from its winning source; nullptr when no source gives it.
    const GivenValue* find(const std::string& name) const;
    void set(const std::string& name, GivenValue given);

private:
    std::map<std::string, GivenValue> given_;
};

// Reads the command line and the environment. Throws InvalidInput for a bad command line and for
// a value over its size limit; help and version are returned without looking further.
RawInputs gather_inputs(const std::vector<std::string>& args, const Environment& env);

}  // namespace ccs::inputs
