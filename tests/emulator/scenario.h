// Scenarios: what the emulator should believe and how it should misbehave, as data. Loaded from a JSON
// file at start-up or posted to /_emulator/scenario; the format is described in README.md.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "emulator/answer.h"
#include "emulator/api_call.h"
#include "emulator/iam_book.h"
#include "emulator/run_plan.h"
#include "emulator/task_status.h"

namespace ccs::emu {

// Ways to break the exchange instead of answering it (see README.md for each).
// ResetOnAccept and DripOnAccept act on a new connection before its request (or TLS handshake) is
// read, so their rules match any call.
enum class Fault {
    Reset,
    Close,
    Hang,
    Truncate,
    Drip,
    Huge,
    Redirect,
    ResetOnAccept,
    DripOnAccept,
    Interim,
    BadChunked,
    CutChunked,
    ExtraBytes
};
bool acts_on_accept(Fault fault);

const char* to_string(Fault fault);
std::optional<Fault> fault_from_name(const std::string& name);

// A fixed answer a rule gives instead of the emulated service's own.
struct CannedAnswer {
    int status = 200;
    std::string body;  // the "body" JSON re-serialised, or "raw_body" verbatim
    HeaderList headers;
};

struct Rule {
    std::optional<CallKind> call;     // nullopt: any call
    std::optional<std::string> task;  // nullopt: any task
    std::optional<int> times;         // how many requests it serves; nullopt: unlimited
    int delay_ms = 0;                 // waited before acting
    std::optional<Fault> fault;
    int drip_ms = 200;                   // for Fault::Drip and Fault::DripOnAccept
    std::string location;                // for Fault::Redirect; empty: the default target
    std::optional<CannedAnswer> canned;  // neither fault nor canned: delay, then normal behaviour

    bool matches(const ApiCall& call) const;
};

// Each part is optional: a part that is absent leaves the emulator's current state for it alone.
struct Scenario {
    std::optional<std::vector<std::string>> tokens;
    std::optional<std::vector<std::string>> expired_tokens;
    std::optional<std::map<std::string, TaskSetup>> tasks;  // status, and how runs go and what they leave
    std::optional<int> latency_ms;
    std::optional<std::vector<Rule>> rules;
    std::optional<IamSetup> credentials;     // what IAM knows: keys, users, identity providers, projects
    std::optional<int> clock_offset_s;       // the gateway's clock, ahead (or behind) the real one
    std::optional<int> run_conflict_status;  // HTTP status of CC.00050015 (task is running): 200 or 400
};

// The input is not a valid scenario; the message names the offending field ("rules[2].fault: ...").
class ScenarioError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

Scenario parse_scenario(const std::string& json);

// "0".."3" or any other integer, or "null", as given on the command line. Throws ScenarioError.
TaskStatus parse_task_status(const std::string& text);

}  // namespace ccs::emu
