#include "emulator/emulator_options.h"

#include <Poco/NumberParser.h>

#include <functional>
#include <map>

#include "emulator/credential_options.h"
#include "emulator/scenario.h"

namespace ccs::emu {

namespace {

int parse_int(const std::string& name, const std::string& value, int min, int max) {
    int number = 0;
    if (!Poco::NumberParser::tryParse(value, number) || number < min || number > max) {
        throw OptionError(name + ": expected an integer " + std::to_string(min) + ".." + std::to_string(max) +
                          ", got \"" + value + "\"");
    }
    return number;
}

std::pair<std::string, TaskStatus> parse_task(const std::string& value) {
    const auto equals = value.find('=');
    if (equals == std::string::npos || equals == 0)
        throw OptionError("--task: expected ID=STATUS, got \"" + value + "\"");
    try {
        return {value.substr(0, equals), parse_task_status(value.substr(equals + 1))};
    } catch (const ScenarioError& error) {
        throw OptionError(std::string("--task: ") + error.what());
    }
}

using ValueSetter = std::function<void(EmulatorOptions&, const std::string&)>;

const std::map<std::string, ValueSetter>& options_with_values() {
    static const std::map<std::string, ValueSetter> setters = {
        {"--host", [](EmulatorOptions& o, const std::string& v) { o.host = v; }},
        {"--port",
         [](EmulatorOptions& o, const std::string& v) { o.port = parse_int("--port", v, 0, 65535); }},
        {"--cert-out", [](EmulatorOptions& o, const std::string& v) { o.cert_out = v; }},
        {"--cert-host", [](EmulatorOptions& o, const std::string& v) { o.cert_host = v; }},
        {"--scenario", [](EmulatorOptions& o, const std::string& v) { o.scenario_file = v; }},
        {"--task", [](EmulatorOptions& o, const std::string& v) { o.tasks.push_back(parse_task(v)); }},
        {"--token", [](EmulatorOptions& o, const std::string& v) { o.tokens.push_back(v); }},
        {"--expired-token", [](EmulatorOptions& o, const std::string& v) { o.expired_tokens.push_back(v); }},
        {"--access-key",
         [](EmulatorOptions& o, const std::string& v) {
             o.iam.access_keys.push_back(parse_access_key_option(v));
         }},
        {"--user",
         [](EmulatorOptions& o, const std::string& v) { o.iam.users.push_back(parse_user_option(v)); }},
        {"--idp", [](EmulatorOptions& o,
                     const std::string& v) { o.iam.identity_providers.push_back(parse_idp_option(v)); }},
        {"--project",
         [](EmulatorOptions& o, const std::string& v) { o.iam.projects.push_back(parse_project_option(v)); }},
        {"--github-request-token",
         [](EmulatorOptions& o, const std::string& v) { o.iam.github_request_tokens.push_back(v); }},
        {"--clock-offset-s",
         [](EmulatorOptions& o, const std::string& v) {
             o.clock_offset_s = parse_int("--clock-offset-s", v, -86400 * 366, 86400 * 366);
         }},
        {"--log", [](EmulatorOptions& o, const std::string& v) { o.log_file = v; }},
        {"--latency-ms",
         [](EmulatorOptions& o, const std::string& v) {
             o.latency_ms = parse_int("--latency-ms", v, 0, 600000);
         }},
    };
    return setters;
}

}  // namespace

EmulatorOptions parse_options(const std::vector<std::string>& args) {
    EmulatorOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--tls") {
            options.tls = true;
            continue;
        }
        if (arg == "--refusing-port") {
            options.refusing_port = true;
            continue;
        }
        if (arg == "--help" || arg == "-h") {
            options.help = true;
            continue;
        }
        const auto equals = arg.find('=');
        const std::string name = arg.substr(0, equals);
        const auto setter = options_with_values().find(name);
        if (setter == options_with_values().end()) throw OptionError("unknown option \"" + arg + "\"");
        if (equals != std::string::npos) {
            setter->second(options, arg.substr(equals + 1));
        } else if (i + 1 < args.size()) {
            setter->second(options, args[++i]);
        } else {
            throw OptionError(name + ": missing value");
        }
    }
    if (!options.cert_out.empty() && !options.tls) throw OptionError("--cert-out needs --tls");
    if (!options.cert_host.empty() && !options.tls) throw OptionError("--cert-host needs --tls");
    return options;
}

std::string usage_text() {
    return "usage: codearts-check-emulator [options]\n"
           "  --host ADDR            listen address (default 127.0.0.1)\n"
           "  --port N               listen port, 0 for any free one (default 0)\n"
           "  --tls                  serve HTTPS with a certificate generated at start-up\n"
           "  --cert-out FILE        write that certificate (PEM) to FILE, for clients to trust\n"
           "  --cert-host NAME       make the certificate for NAME only (a wrong host for loopback clients)\n"
           "  --scenario FILE        load a scenario (JSON) at start-up\n"
           "  --task ID=STATUS       seed a task; STATUS is 0|1|2|3|null (repeatable)\n"
           "  --token VALUE          accept this X-Auth-Token (repeatable)\n"
           "  --expired-token VALUE  answer this token with 401 CC.00000003 (repeatable)\n"
           "  --access-key AK:SK:PROJECT[:SECURITY_TOKEN]  an access key IAM knows (repeatable)\n"
           "  --user NAME:PASSWORD:DOMAIN[:PROJECT]       an IAM user (repeatable)\n"
           "  --idp ID:PROJECT[:AUDIENCE]                 an OIDC identity provider (repeatable)\n"
           "  --project ID:NAME                           a project GET /v3/projects lists (repeatable)\n"
           "  --github-request-token T                    accepted by GET /github/idtoken (repeatable)\n"
           "  --clock-offset-s N     the gateway's clock is N seconds ahead (negative: behind)\n"
           "  --log FILE             append every API request to FILE as one JSON line\n"
           "  --latency-ms N         wait N ms before every API answer\n"
           "  --refusing-port        also hold a loopback port that refuses connections (a down\n"
           "                         endpoint) and print its URL on a second line\n"
           "Prints the base URL on stdout once listening; stops on SIGTERM or SIGINT.\n";
}

}  // namespace ccs::emu
