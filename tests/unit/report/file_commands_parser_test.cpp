// The test-side parser itself: it must fail where the runner fails the step, or the round-trip
// tests prove nothing.
#include <doctest/doctest.h>

#include "support/github_file_commands.h"
#include "support/temp_dir.h"

using namespace ccs::test;

TEST_CASE("parser: name=value lines") {
    const auto values = parse_file_commands("a=1\nb=x=y<<z\nc=\n");
    CHECK(values.at("a") == "1");
    CHECK(values.at("b") == "x=y<<z");  // the first '=' comes before "<<": the rest is the value
    CHECK(values.at("c") == "");
}

TEST_CASE("parser: heredoc values keep inner line breaks, not the last one") {
    CHECK(parse_file_commands("a<<EOF\nline 1\nline 2\nEOF\n").at("a") == "line 1\nline 2");
    CHECK(parse_file_commands("a<<EOF\n\nEOF\n").at("a") == "");
    CHECK(parse_file_commands("a<<EOF\nEOF\n").at("a") == "");
    CHECK(parse_file_commands("a<<EOF\nx\nEOF").at("a") == "x");  // no break after the delimiter: fine
    CHECK(parse_file_commands("a<<EOF\nEOFX\nEOF\n").at("a") == "EOFX");  // only an exact line ends it
    CHECK(parse_file_commands("a<<b=c\nv\nb=c\n").at("a") == "v");  // "<<" first: the delimiter is "b=c"
}

TEST_CASE("parser: empty lines are skipped, later entries win") {
    const auto values = parse_file_commands("\n\na=1\n\na<<D\n2\nD\nb=3\n");
    CHECK(values.size() == 2);
    CHECK(values.at("a") == "2");
    CHECK(values.at("b") == "3");
}

TEST_CASE("parser: CRLF on Linux leaves the CR in place; the Windows runner splits at it") {
    const std::string text = "a=1\r\nb<<D\r\nx\r\ny\r\nD\r\n";
    const auto linux_values = parse_file_commands(text, RunnerOs::Linux);
    CHECK(linux_values.at("a") == "1\r");
    CHECK(linux_values.at("b") == "x\r\ny\r");  // the delimiter is "D\r", and so is its line
    const auto windows_values = parse_file_commands(text, RunnerOs::Windows);
    CHECK(windows_values.at("a") == "1");
    CHECK(windows_values.at("b") == "x\r\ny");

    // Opened with LF, closed with CRLF: "D\r" is not "D" on Linux.
    const std::string mixed = "b<<D\nx\nD\r\n";
    CHECK_THROWS_AS(parse_file_commands(mixed, RunnerOs::Linux), FileCommandError);
    CHECK(parse_file_commands(mixed, RunnerOs::Windows).at("b") == "x");
}

TEST_CASE("parser: a byte order mark at the start is dropped") {
    CHECK(parse_file_commands("\xEF\xBB\xBF"
                              "a=1\n")
              .at("a") == "1");
}

TEST_CASE("parser: what fails the step") {
    CHECK_THROWS_AS(parse_file_commands("a<<EOF\nno end\n"), FileCommandError);
    CHECK_THROWS_AS(parse_file_commands("a<<EOF\n"), FileCommandError);
    CHECK_THROWS_AS(parse_file_commands("a<<EOF\nvalue at the end without a break"), FileCommandError);
    CHECK_THROWS_AS(parse_file_commands("<<EOF\nx\nEOF\n"), FileCommandError);  // empty name
    CHECK_THROWS_AS(parse_file_commands("a<<\nx\n\n"), FileCommandError);       // empty delimiter
    CHECK_THROWS_AS(parse_file_commands("=value\n"), FileCommandError);         // empty name (stricter)
    CHECK_THROWS_AS(parse_file_commands("just text\n"), FileCommandError);
    CHECK_THROWS_AS(parse_file_commands("a=1\nnot an entry\n"), FileCommandError);
}

TEST_CASE("parser: a missing file has no entries, a file is read as is") {
    TempDir dir{"ccs-report"};
    CHECK(read_file_commands(dir.file("missing")).empty());
    CHECK(read_file_commands(dir.write("out", "a<<D\n1\nD\n")).at("a") == "1");
}

TEST_CASE("workflow commands: the runner's v2 form") {
    const auto command = parse_workflow_command("  ::error title=T%3A1%2C2,file=f.cpp::m%0Ax%25");
    REQUIRE(command);
    CHECK(command->name == "error");
    CHECK(command->properties.at("title") == "T:1,2");
    CHECK(command->properties.at("file") == "f.cpp");
    CHECK(command->message == "m\nx%");
    CHECK_FALSE(command->legacy);
}

TEST_CASE("workflow commands: the message keeps ':' and property escapes") {
    const auto command = parse_workflow_command("::notice::a::b %3A");
    REQUIRE(command);
    CHECK(command->properties.empty());
    CHECK(command->message == "a::b %3A");
}

TEST_CASE("workflow commands: empty properties are dropped, as the runner drops them") {
    const auto command = parse_workflow_command("::warning title=,=x,k::m");
    REQUIRE(command);
    CHECK(command->properties.empty());
}

TEST_CASE("workflow commands: what is not one") {
    CHECK_FALSE(parse_workflow_command("plain text"));
    CHECK_FALSE(parse_workflow_command("::error no end"));
    CHECK_FALSE(parse_workflow_command("::::message"));             // no name
    CHECK_FALSE(parse_workflow_command("::unknown-cmd::message"));  // not registered
    CHECK_FALSE(parse_workflow_command("x ::error::y"));            // v2 only at the start
}

TEST_CASE("workflow commands: the old form, anywhere in a line") {
    const auto command = parse_workflow_command("text ##[set-output name=a%3Bb;]v%5D");
    REQUIRE(command);
    CHECK(command->legacy);
    CHECK(command->name == "set-output");
    CHECK(command->properties.at("name") == "a;b");
    CHECK(command->message == "v]");
}

TEST_CASE("workflow commands: a capture, with stop-commands honoured") {
    const std::string output =
        "hello\n::add-mask::s\r\n::stop-commands::tok\n::error::ignored\n::tok::\n::notice title=n::m\n";
    const auto commands = parse_workflow_commands(output);
    REQUIRE(commands.size() == 2);
    CHECK(commands[0].name == "add-mask");
    CHECK(commands[0].message == "s");
    CHECK(commands[1].name == "notice");
    CHECK(commands[1].properties.at("title") == "n");
}

TEST_CASE("un-escaping follows the runner's order") {
    CHECK(unescape_data("%250A") == "%0A");
    CHECK(unescape_data("%3A") == "%3A");
    CHECK(unescape_property("%253A%3A") == "%3A:");
}
