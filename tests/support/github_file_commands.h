// Test-side readers of what a GitHub Actions step leaves behind, following the runner's own rules
// (actions/runner: src/Runner.Worker/FileCommandManager.cs `EnvFileKeyValuePairs`, used by
// SetOutputFileCommand and SaveStateFileCommand; src/Runner.Common/ActionCommand.cs `TryParseV2`,
// `TryParse`; src/Runner.Worker/ActionCommandManager.cs), so a test fails where the runner would.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace ccs::test {

// ---- $GITHUB_OUTPUT / $GITHUB_STATE -----------------------------------------------------------

// The runner fails the step ("Unable to process file command 'output' successfully.").
class FileCommandError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Where the runner reads the file. Its line reader splits at LF only on Linux and macOS (a CR
// stays part of the line: "DELIM\r" does not end a heredoc); the Windows build also splits at CRLF.
enum class RunnerOs { Linux, Windows };

using FileCommandValues = std::map<std::string, std::string>;

// The runner's rules, in its order:
//  - a UTF-8 byte order mark at the start is dropped (File.ReadAllText);
//  - empty lines are skipped;
//  - a line whose first '=' comes before its first "<<" is `name=value` (the value is the rest of
//    the line, '=' and "<<" included);
//  - a line whose first "<<" comes first is `name<<DELIM`: the value is every following line up to
//    the first line exactly equal to DELIM, joined with the line breaks as they are in the file
//    (the break before DELIM excluded); an empty name or delimiter throws; no such line throws; a
//    value line at the end of the file without a line break throws;
//  - any other line throws;
//  - a later entry for a name replaces an earlier one.
// One rule is stricter than the runner: `=value` (empty name) throws. The runner means to refuse it
// but tests the line instead of the name, so it lets it through (see FileCommandManager.cs).
FileCommandValues parse_file_commands(const std::string& text, RunnerOs os = RunnerOs::Linux);

// The file at `path`, parsed; a missing file is no entries (the runner only logs that).
FileCommandValues read_file_commands(const std::string& path, RunnerOs os = RunnerOs::Linux);

// ---- workflow commands on stdout --------------------------------------------------------------

struct WorkflowCommand {
    std::string name;                               // "error", "add-mask", ...
    std::map<std::string, std::string> properties;  // un-escaped; keys as written
    std::string message;                            // un-escaped
    bool legacy = false;                            // written as "##[name k=v;]message"
};

// The runner's un-escaping: the same replacements in the same order.
std::string unescape_data(const std::string& data);       // %0D, %0A, %25
std::string unescape_property(const std::string& value);  // %0D, %0A, %3A, %2C, %25

// The command in one line, if the runner would take it for one: "::name k=v,k2=v2::message" after
// leading white space, or else "##[name k=v;k2=v2]message" anywhere in the line; the name must be
// one the runner knows (error, warning, notice, add-mask, set-output, ...), as unknown names are
// plain text to it.
std::optional<WorkflowCommand> parse_workflow_command(const std::string& line);

// Every command in a stdout capture, line by line (LF, CRLF, CR as the runner's reader splits),
// honouring "::stop-commands::TOKEN" ... "::TOKEN::" (nothing in between is a command; the stop
// and resume commands themselves are not listed).
std::vector<WorkflowCommand> parse_workflow_commands(const std::string& output);

}  // namespace ccs::test
