// Flags, GitHub inputs and environment values are whatever a workflow author (or an attacker who
// controls a branch name) puts there. Parsing must refuse or accept, never crash, and what it accepts
// must be safe to put on the wire: no byte that could end a header line, task ids of the allowed
// alphabet, an endpoint without spaces or control bytes.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_input.h"
#include "inputs/config.h"

namespace {

bool has_line_break(const std::string& value) {
    return value.find_first_of(std::string("\r\n\0", 3)) != std::string::npos;
}

bool valid_task_id(const std::string& id) {
    return !id.empty() && id.size() <= 32 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
               c == '-';
    });
}

// Parts that look like NAME=VALUE with an upper-case NAME go to the environment, the rest are arguments.
void split_inputs(const std::vector<std::string>& parts, std::vector<std::string>& args,
                  ccs::inputs::Environment& env) {
    for (const auto& part : parts) {
        const auto equals = part.find('=');
        const bool variable = equals != std::string::npos && equals > 0 &&
                              (part.rfind("INPUT_", 0) == 0 || part.rfind("CODEARTS_CHECK_", 0) == 0 ||
                               part.rfind("GITHUB_", 0) == 0 || part.rfind("HUAWEICLOUD_", 0) == 0 ||
                               part.rfind("HTTPS_PROXY", 0) == 0 || part.rfind("NO_PROXY", 0) == 0);
        if (variable) {
            env[part.substr(0, equals)] = part.substr(equals + 1);
        } else {
            args.push_back(part);
        }
    }
}

void check_config(const ccs::inputs::Config& config) {
    using ccs::fuzz::require;
    // Task ids may come later: from --task-id-file when the stop is due, or from the guard's state in
    // the post run (a case this fuzzer found).
    const bool ids_come_later = !config.task_id_file.empty() || config.mode == ccs::inputs::Mode::Post;
    require(ids_come_later || !config.task_ids.empty(), "an accepted run has task ids");
    for (const auto& id : config.task_ids) require(valid_task_id(id), "task ids are [A-Za-z0-9_-]{1,32}");
    require(!config.endpoints.empty(), "there is an endpoint");
    for (const auto& endpoint : config.endpoints) {
        require(!has_line_break(endpoint.url), "the endpoint holds no line break");
        require(endpoint.url.find(' ') == std::string::npos, "the endpoint holds no space");
    }
    // The secrets the run sends are checked like any input. Those of kinds not chosen are only masked,
    // whatever they hold (a multi-line one line by line, as GitHub needs): a line break there is no
    // error of this run's inputs (a case this fuzzer found).
    for (const auto& secret : ccs::inputs::secrets_of(config.credential))
        require(!has_line_break(secret), "the chosen credential's secrets hold no line break");
    for (const auto& password : config.proxy.passwords())
        require(!has_line_break(password), "proxy passwords hold no line break");
    require(config.concurrency >= 1 && config.concurrency <= 64, "concurrency is 1..64");
    require(config.retries >= 1 && config.retries <= 10, "retries are 1..10");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> args;
    ccs::inputs::Environment env;
    split_inputs(ccs::fuzz::split_at_nul(data, size), args, env);
    try {
        const ccs::inputs::ParsedInputs parsed = ccs::inputs::parse_inputs(args, env);
        if (parsed.request == ccs::inputs::Request::Run) check_config(parsed.config);
    } catch (const ccs::inputs::InvalidInput&) {
        // refused, with a message: what bad input must get
    }
    return 0;
}
