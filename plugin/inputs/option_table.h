// The one table of options. Everything that knows an option's name (the command line, the GitHub
// input, the environment variables, --help, the size limits) reads it from here, so adding an option
// is one row in option_table.cpp plus its validation in parse_inputs.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ccs::inputs {

// Size limits, in bytes of one option's values taken together.
constexpr std::size_t kShortValueLimit = 256;          // numbers, regions, booleans
constexpr std::size_t kPathLimit = 4096;               // URLs and file paths
constexpr std::size_t kTokenLimit = 100000;            // what the service accepts for X-Auth-Token
constexpr std::size_t kTaskIdListLimit = 1024 * 1024;  // all task id lists together

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

}  // namespace ccs::inputs
