// --help, laid out by Poco's HelpFormatter from the option table.
#include <sstream>

#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/OptionSet.h>

#include "core/version.h"
#include "inputs/config.h"
#include "inputs/options.h"

namespace ccs::inputs {

namespace {

// The row's help plus every other way to give it and its default, so the help is the reference.
std::string described(const OptionSpec& spec) {
    std::string text = spec.help;
    if (spec.required) text += " Required.";
    if (spec.repeatable) text += " Repeatable.";
    if (!spec.default_shown.empty()) text += " Default: " + spec.default_shown + ".";
    if (spec.command_line_only) return text;
    text += " GitHub input: " + spec.name + " (" + github_input_variable(spec) +
            "). Variable: " + environment_variable(spec);
    for (const auto& alias : spec.env_aliases) text += ", " + alias;
    for (const auto& alias : spec.auth_action_aliases) text += ", " + alias;
    text += ".";
    if (spec.former_name.empty()) return text;
    return text + " Formerly " + flag_name(spec.former_name) + " (input " + spec.former_name + ", " +
           environment_variable(spec.former_name) + "), still accepted.";
}

Poco::Util::OptionSet described_options() {
    Poco::Util::OptionSet options;
    for (const auto& spec : option_table()) {
        Poco::Util::Option option = poco_option(spec);
        option.description(described(spec));
        options.addOption(option);
    }
    return options;
}

// HelpFormatter leaves the space before each line break it makes.
std::string without_trailing_spaces(const std::string& text) {
    std::string result;
    for (const char c : text) {
        if (c == '\n') {
            while (!result.empty() && result.back() == ' ') result.pop_back();
        }
        result += c;
    }
    return result;
}

const char* const kHeader =
    "Stops Huawei Cloud CodeArts Check tasks, runs their checks (run), or reads their findings (findings). "
    "Each option can also be given as a "
    "GitHub action input or "
    "an environment variable; a command-line option wins over an input, an input over a variable. An "
    "empty input or variable counts as not given. Options take their value as --name value or "
    "--name=value; a flag given in an input or variable takes true or false.";

const char* const kFooter =
    "Exit codes: 0 no task failed; 1 at least one task could not be stopped; 2 invalid input, nothing "
    "sent; 3 credentials or permission refused. watch exits with the command's exit code when it ended "
    "by itself, 124 after --timeout, 128+N after signal N. run starts each task's check (one already "
    "running is followed, not restarted), follows it to its end and applies --fail-on; it exits 0 when "
    "every check passed its gate; 1 when a check failed, a gate failed, a check was stopped elsewhere or "
    "could not be started or followed; 2 and 3 as above; 124 when --timeout (default 60m) stopped the "
    "checks, 128+N when signal N did. On GitHub it arms the action's post run before it starts them. "
    "findings reads the findings of each task's last check (--sarif, --codequality; default --timeout 5m); "
    "it exits 0 when every task's findings were read in full, 1 when a reading is partial, 2 and 3 as "
    "above, 128+N after signal N.";

}  // namespace

std::string help_text() {
    const Poco::Util::OptionSet options = described_options();
    Poco::Util::HelpFormatter formatter(options);
    formatter.setUnixStyle(true);
    formatter.setCommand(program_name);
    formatter.setUsage(std::string("[options] --task-id ID...\n       ") + program_name +
                       " watch [options] -- COMMAND [ARGS...]\n       " + program_name +
                       " run [options] --task-id ID...\n       " + program_name +
                       " findings [options] --task-id ID...");
    formatter.setHeader(kHeader);
    formatter.setFooter(kFooter);
    formatter.setWidth(100);
    std::ostringstream text;
    formatter.format(text);
    return without_trailing_spaces(text.str());
}

}  // namespace ccs::inputs
