// The emulator's command line.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "emulator/iam_book.h"
#include "emulator/task_store.h"

namespace ccs::emu {

struct EmulatorOptions {
    std::string host = "127.0.0.1";
    int port = 0;
    bool tls = false;
    std::string cert_out;   // copy of the certificate PEM, for clients to trust
    std::string cert_host;  // make the certificate for this DNS name instead of the loopback names
    std::string scenario_file;
    std::vector<std::pair<std::string, TaskStatus>> tasks;  // --task ID=STATUS, in order
    std::vector<std::string> tokens;
    std::vector<std::string> expired_tokens;
    std::string log_file;
    std::optional<int> latency_ms;      // set: overrides the scenario's
    IamSetup iam;                       // --access-key, --user, --idp, --project, --github-request-token
    std::optional<int> clock_offset_s;  // --clock-offset-s: the gateway's clock, off by this much
    bool refusing_port = false;         // --refusing-port: also hold a port that refuses connections
    bool help = false;
};

class OptionError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// `args` excludes argv[0]. Accepts "--name value" and "--name=value". Throws OptionError.
EmulatorOptions parse_options(const std::vector<std::string>& args);

std::string usage_text();

}  // namespace ccs::emu
