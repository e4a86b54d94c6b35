#include "inputs/command_line.h"

#include <optional>

#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>
#include <Poco/Util/OptionSet.h>

#include "inputs/option_table.h"
#include "inputs/text.h"

namespace ccs::inputs {

Poco::Util::Option poco_option(const OptionSpec& spec) {
    // Not marked required for Poco: a required value may come from the environment instead.
    Poco::Util::Option option(spec.name, "", spec.help);
    option.repeatable(spec.repeatable);
    if (!spec.is_flag()) option.argument(spec.value_name, true);
    return option;
}

namespace {

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

// "--name" or "--name=value" -> "--name": what to show of an option without showing its value.
std::string option_part(const std::string& arg) {
    return arg.substr(0, arg.find('='));
}

// The table row of a "--name[=value]" argument, matched exactly; nullptr for anything else.
const OptionSpec* long_option(const std::string& arg) {
    if (!starts_with(arg, "--") || arg == "--") return nullptr;
    return find_option(option_part(arg).substr(2));
}

// A former name is an option of its own for Poco, so the values keep the name they were given under.
Poco::Util::OptionSet table_as_option_set() {
    Poco::Util::OptionSet options;
    for (const auto& spec : option_table()) {
        options.addOption(poco_option(spec));
        if (spec.former_name.empty()) continue;
        OptionSpec former = spec;
        former.name = spec.former_name;
        options.addOption(poco_option(former));
    }
    return options;
}

class CommandLineReader {
public:
    explicit CommandLineReader(const std::vector<std::string>& args) : args_(args) {
        processor_.setUnixStyle(true);
    }

    CommandLine read() {
        for (next_ = read_subcommand(); next_ < args_.size();) read_one();
        if (result_.subcommand == watch_subcommand && result_.command.empty()) {
            problem("watch needs the command to run after --: watch [options] -- COMMAND [ARGS...]");
        }
        if (result_.request == Request::Run && first_problem_) throw InvalidInput(*first_problem_);
        return result_;
    }

private:
    // A subcommand is only ever the first word, so an option's value can never be taken for one.
    std::size_t read_subcommand() {
        if (args_.empty() || (args_[0] != watch_subcommand && args_[0] != post_subcommand)) return 0;
        result_.subcommand = args_[0];
        return 1;
    }

    void read_one() {
        const std::string& arg = args_[next_++];
        if (arg == "--" && result_.subcommand == watch_subcommand && !after_terminator_) {
            // The watched command's own arguments are none of our business, options or not.
            result_.command.assign(args_.begin() + static_cast<std::ptrdiff_t>(next_), args_.end());
            next_ = args_.size();
            return;
        }
        if (!after_terminator_ && starts_with(arg, "--") && arg != "--") return read_long_option(arg);
        after_terminator_ = after_terminator_ || arg == "--";  // Poco sees "--" too and stops there
        feed(arg, nullptr);
    }

    void read_long_option(const std::string& arg) {
        const OptionSpec* spec = long_option(arg);
        if (!spec) return problem("unknown option " + escaped(option_part(arg)) + "; see --help");
        if (spec->is_flag() || arg.find('=') != std::string::npos) return feed(arg, spec);
        // "--name value": joined here, so Poco never holds a half-read option across arguments.
        if (next_ == args_.size() || long_option(args_[next_])) {
            return problem(escaped(option_part(arg)) + " needs a value");
        }
        feed(arg + "=" + args_[next_++], spec);
    }

    // Hands one argument to Poco, which rejects flags with values, repeats and short options.
    void feed(const std::string& arg, const OptionSpec* spec) {
        std::string name;
        std::string value;
        try {
            if (!processor_.process(arg, name, value)) return unexpected_argument(arg);
        } catch (const Poco::Util::OptionException& error) {
            return problem(describe(error, arg));
        }
        if (!name.empty()) record(name, spec && spec->is_flag() ? "true" : value);
        last_value_was_secret_ = spec && spec->secret;
    }

    void record(const std::string& name, const std::string& value) {
        if (name == "help") result_.request = Request::Help;
        if (name == "version" && result_.request == Request::Run) result_.request = Request::Version;
        result_.values[name].push_back(value);
    }

    void unexpected_argument(const std::string& arg) {
        // The word after a secret may be the rest of a secret that had a space in it: do not echo it.
        if (last_value_was_secret_) {
            return problem("unexpected argument after a secret value (not shown); see --help");
        }
        if (result_.subcommand == watch_subcommand) {
            return problem("unexpected argument " + quoted(arg) +
                           "; the command to watch goes after --: watch [options] -- COMMAND [ARGS...]");
        }
        problem("unexpected argument " + quoted(arg) + "; options start with --; see --help");
    }

    // Poco's own messages use its words ("missing required argument"); ours name the option as typed.
    static std::string describe(const Poco::Util::OptionException& error, const std::string& arg) {
        using namespace Poco::Util;
        const std::string option = escaped(option_part(arg));
        if (dynamic_cast<const UnexpectedArgumentException*>(&error)) return option + " takes no value";
        if (dynamic_cast<const DuplicateOptionException*>(&error)) return option + " is given more than once";
        if (dynamic_cast<const MissingArgumentException*>(&error)) return option + " needs a value";
        return "unknown option " + option + "; see --help";
    }

    void problem(const std::string& message) {
        if (!first_problem_) first_problem_ = message;
    }

    const std::vector<std::string>& args_;
    std::size_t next_ = 0;
    Poco::Util::OptionSet options_ = table_as_option_set();
    Poco::Util::OptionProcessor processor_{options_};
    bool after_terminator_ = false;
    bool last_value_was_secret_ = false;
    std::optional<std::string> first_problem_;
    CommandLine result_;
};

}  // namespace

CommandLine read_command_line(const std::vector<std::string>& args) {
    return CommandLineReader(args).read();
}

}  // namespace ccs::inputs
