#include "inputs/options.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>
#include <Poco/Util/OptionSet.h>

#include "inputs/values.h"

namespace ccs::inputs {

// ---- The table, and the names derived from it ----

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
OptionSpec& OptionSpec::auth_action_alias(std::string variable) {
    auth_action_aliases.push_back(std::move(variable));
    return *this;
}
OptionSpec& OptionSpec::formerly(std::string old_name) {
    former_name = std::move(old_name);
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
            "cn-east-3, la-north-2, sa-brazil-1, ap-southeast-3, or one that "
            "HUAWEICLOUD_SDK_REGION_CODEARTSCHECK_<REGION> gives endpoints for. Required unless --endpoint "
            "is given.")
            .auth_action_alias("HUAWEI_CLOUD_REGION"),
        value_option("endpoint", "URL", "Service URL; overrides the region's. https, or http for loopback.")
            .limit(kPathLimit),
        value_option("iam-token", "TOKEN",
                     "IAM token, sent as X-Auth-Token. One kind of credentials is required: an IAM token, "
                     "AK/SK, a user's password, or OIDC federation (--idp-id).")
            .mark_secret()
            .limit(kTokenLimit)
            .formerly("token"),
        value_option("ak", "AK",
                     "Access key id of permanent or temporary access keys; every request is signed "
                     "with the SK. Not a secret: it may be shown.")
            .alias("HUAWEICLOUD_SDK_AK")
            .alias("CLOUD_SDK_AK")
            .auth_action_alias("HUAWEI_CLOUD_ACCESS_KEY_ID"),
        value_option("sk", "SK", "Secret access key of --ak: signs every request, never sent.")
            .mark_secret()
            .alias("HUAWEICLOUD_SDK_SK")
            .alias("CLOUD_SDK_SK")
            .auth_action_alias("HUAWEI_CLOUD_SECRET_ACCESS_KEY"),
        value_option("security-token", "TOKEN",
                     "Security token of temporary AK/SK, sent and signed as X-Security-Token.")
            .mark_secret()
            .limit(kTokenLimit)
            .alias("HUAWEICLOUD_SDK_SECURITY_TOKEN"),
        value_option("project-id", "ID",
                     "Project id, sent as X-Project-Id with AK/SK and the scope of a password's token. "
                     "Default: looked up once from IAM by the region's name.")
            .alias("HUAWEICLOUD_SDK_PROJECT_ID")
            .auth_action_alias("HUAWEI_CLOUD_PROJECT_ID"),
        value_option("username", "NAME",
                     "IAM user name; a token is obtained from IAM with --password and --domain."),
        value_option("password", "PASSWORD", "Password of the IAM user --username.").mark_secret(),
        value_option("domain", "NAME", "Account (domain) name of the IAM user --username."),
        value_option("idp-id", "ID",
                     "IAM identity provider for OIDC federation: an OIDC id token is exchanged for temporary "
                     "AK/SK. The id token comes from --id-token, --id-token-file, or on GitHub Actions from "
                     "the job's OIDC service (permissions: id-token: write).")
            .alias("HUAWEICLOUD_SDK_IDP_ID"),
        value_option("id-token", "TOKEN", "OIDC id token to exchange at IAM (with --idp-id).")
            .mark_secret()
            .limit(kTokenLimit),
        value_option("id-token-file", "PATH",
                     "File that holds the OIDC id token to exchange (with --idp-id).")
            .limit(kPathLimit)
            .alias("HUAWEICLOUD_SDK_ID_TOKEN_FILE"),
        value_option("audience", "AUDIENCE",
                     "Audience of the GitHub OIDC token (with --idp-id); the identity provider's client id. "
                     "Default: GitHub's.")
            .limit(kPathLimit),
        value_option("iam-endpoint", "URL",
                     "IAM URL, for tokens, temporary keys and project ids. Default: "
                     "https://iam.<region>.myhuaweicloud.com.")
            .limit(kPathLimit)
            .alias("HUAWEICLOUD_SDK_IAM_ENDPOINT"),
        value_option("ca-file", "PATH", "Extra trusted CA certificates (PEM) for the endpoint.")
            .limit(kPathLimit),
        flag_option("allow-insecure-http",
                    "Allow an http:// endpoint that is not on this machine (credentials then travel "
                    "unencrypted). Without it, http is allowed only for loopback addresses.")
            .with_default("false"),
        value_option("concurrency", "N", "Tasks stopped at once, 1 to 64.").with_default("64"),
        value_option("timeout", "DURATION",
                     "Deadline of the whole run: seconds (45) or 45s, 2m, 1h, 500ms; at most 1h. In "
                     "watch mode: how long the command may run (no default: no limit; at most 24h). In "
                     "run mode: how long the checks may run before they are stopped (default 60m; at "
                     "most 24h).")
            .with_default("30s"),
        value_option("retries", "N", "Attempts per call, 1 to 10.").with_default("4"),
        flag_option("dry-run", "Check the inputs and show what would be stopped; send nothing.")
            .with_default("false"),
        flag_option("json", "Print the whole result as one JSON document on stdout.").with_default("false"),
        value_option("mode", "MODE",
                     "stop: stop the tasks now. guard (GitHub action): check the inputs now and stop the "
                     "tasks in the action's post run, when the job is cancelled or fails. run: start the "
                     "tasks' checks, follow them to the end and apply --fail-on (as the run subcommand). "
                     "findings: read the findings of the tasks' last checks (as the findings subcommand).")
            .with_default("stop"),
        value_option("ref", "REF",
                     "run mode: what the checks run on: pull or merge_request. Default: the task's own "
                     "setting."),
        value_option("poll-interval", "DURATION",
                     "run mode: the longest wait between two looks at a check's progress (the first look "
                     "comes after 2 s, then the wait doubles); at least 1s, at most 5m.")
            .with_default("15s"),
        value_option("fail-on", "RULE",
                     "run mode: when a check that succeeded fails the run: gate (the task's quality gate), "
                     "never, or a list of SEVERITY (more than 0) or SEVERITY>N, SEVERITY being critical, "
                     "major, minor or suggestion: critical,major>10.")
            .with_default("gate"),
        value_option("sarif", "PATH",
                     "run and findings modes: write the findings as SARIF 2.1.0 to this file, for GitHub "
                     "code scanning (github/codeql-action/upload-sarif) or Jenkins' Warnings NG.")
            .limit(kPathLimit),
        value_option("codequality", "PATH",
                     "run and findings modes: write the findings as a GitLab Code Quality report to this "
                     "file (artifacts:reports:codequality).")
            .limit(kPathLimit),
        value_option("max-findings", "N",
                     "run and findings modes: read at most this many findings, 0 to 100000; 0 reads none "
                     "(run mode on GitHub otherwise reads them for annotations).")
            .with_default("5000"),
        flag_option("all-findings",
                    "run and findings modes: also read findings that are resolved or dismissed; by default "
                    "only unresolved ones.")
            .with_default("false"),
        value_option("path-prefix", "PREFIX",
                     "run and findings modes: removed from the start of the service's file paths, so they "
                     "are relative to the repository root (a path still absolute gets no location).")
            .limit(kPathLimit),
        value_option("grace", "DURATION",
                     "What a stop still has after the first SIGINT, SIGTERM or SIGHUP (in watch mode also "
                     "after --timeout) before the program exits; a second signal ends it at once.")
            .with_default("6s"),
        value_option("task-id-file", "PATH",
                     "File with task ids (as --task-id takes them), read only when the stop is due, so a "
                     "build step can write it later. A missing or empty file means nothing to stop.")
            .limit(kPathLimit),
        value_option("stop-on", "LIST",
                     "Stop only when CI_JOB_STATUS (GitLab's after_script) is one of these: success, "
                     "failed, canceled, timedout; otherwise the run is skipped. No effect when "
                     "CI_JOB_STATUS is not set.")
            .with_default("canceled,timedout,failed"),
        value_option("dotenv", "PATH",
                     "Also append the results as KEY=value lines to this file, for GitLab's "
                     "artifacts:reports:dotenv.")
            .limit(kPathLimit),
        value_option("json-file", "PATH",
                     "Also write the JSON result document to this file (Jenkins: readJSON).")
            .limit(kPathLimit),
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
    const auto found = std::find_if(table.begin(), table.end(), [&](const OptionSpec& spec) {
        return spec.name == name || (!spec.former_name.empty() && spec.former_name == name);
    });
    return found == table.end() ? nullptr : &*found;
}

std::string flag_name(const std::string& name) {
    return "--" + name;
}
std::string flag_name(const OptionSpec& spec) {
    return flag_name(spec.name);
}

std::string github_input_variable(const std::string& name) {
    return "INPUT_" + upper_with(name, '-');
}
std::string github_input_variable(const OptionSpec& spec) {
    return github_input_variable(spec.name);
}

std::string environment_variable(const std::string& name) {
    return "CODEARTS_CHECK_" + upper_with(name, '_');
}
std::string environment_variable(const OptionSpec& spec) {
    return environment_variable(spec.name);
}

std::vector<SourceNames> sources_of(const OptionSpec& spec) {
    std::vector<std::string> own = {spec.name};
    if (!spec.former_name.empty()) own.push_back(spec.former_name);
    const auto each = [&own](std::string (*convert)(const std::string&)) {
        std::vector<std::string> names;
        names.reserve(own.size());
        for (const auto& name : own) names.push_back(convert(name));
        return names;
    };
    std::vector<SourceNames> sources = {{Source::CommandLine, each(flag_name)}};
    if (spec.command_line_only) return sources;
    sources.push_back({Source::GitHubInput, each(github_input_variable)});
    sources.push_back({Source::OwnVariable, each(environment_variable)});
    if (!spec.env_aliases.empty()) sources.push_back({Source::Sdk, spec.env_aliases});
    if (!spec.auth_action_aliases.empty()) sources.push_back({Source::AuthAction, spec.auth_action_aliases});
    return sources;
}

const char* source_name(Source source) {
    switch (source) {
        case Source::AuthAction: return "auth-action variables";
        case Source::Sdk: return "SDK variables";
        case Source::OwnVariable: return "CODEARTS_CHECK_* variables";
        case Source::GitHubInput: return "GitHub inputs";
        case Source::CommandLine: return "the command line";
    }
    return "the command line";
}

std::string all_names(const OptionSpec& spec) {
    if (spec.command_line_only) return flag_name(spec);
    std::vector<std::string> variables = {github_input_variable(spec), environment_variable(spec)};
    variables.insert(variables.end(), spec.env_aliases.begin(), spec.env_aliases.end());
    variables.insert(variables.end(), spec.auth_action_aliases.begin(), spec.auth_action_aliases.end());
    std::string names = flag_name(spec) + " (input " + spec.name + " / " + variables.front();
    for (std::size_t i = 1; i < variables.size(); ++i) {
        names += (i + 1 == variables.size() ? ", or " : ", ") + variables[i];
    }
    return names + ")";
}

std::string all_names(const std::string& name) {
    return all_names(*find_option(name));
}

// ---- The command line ----

Poco::Util::Option poco_option(const OptionSpec& spec) {
    // Not marked required for Poco: a required value may come from the environment instead.
    Poco::Util::Option option(spec.name, "", spec.help);
    option.repeatable(spec.repeatable);
    if (!spec.is_flag()) option.argument(spec.value_name, true);
    return option;
}

namespace {

// argv as read, before any other source is looked at.
struct CommandLine {
    Request request = Request::Run;
    std::string subcommand;            // "watch", "post", or empty
    std::vector<std::string> command;  // watch: everything after "--"
    // Values by option name, in the order given; a flag that was given holds "true".
    std::map<std::string, std::vector<std::string>> values;
};

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
        if (args_.empty() || (args_[0] != watch_subcommand && args_[0] != post_subcommand &&
                              args_[0] != run_subcommand && args_[0] != findings_subcommand))
            return 0;
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

// Help and version win over any other problem on the command line; otherwise the first problem
// is thrown as InvalidInput. `args` excludes argv[0].
CommandLine read_command_line(const std::vector<std::string>& args) {
    return CommandLineReader(args).read();
}

}  // namespace

// ---- Every source, in precedence order: RawInputs ----

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
    std::string value = trimmed_variable(env, variable);
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
