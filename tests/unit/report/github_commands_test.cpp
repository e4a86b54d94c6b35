// Escaping and command forms, checked against the toolkit's rules and read back with the runner's.
#include <doctest/doctest.h>

#include <stdexcept>

#include "report/github_commands.h"
#include "support/github_file_commands.h"

using namespace ccs::report::github;
using ccs::test::parse_workflow_command;
using ccs::test::parse_workflow_commands;
using ccs::test::WorkflowCommand;

namespace {

// The one command in `output` (a whole line, newline included), as the runner reads it.
WorkflowCommand only_command(const std::string& output) {
    const auto commands = parse_workflow_commands(output);
    REQUIRE(commands.size() == 1);
    return commands.front();
}

}  // namespace

TEST_CASE("escape_data escapes %, CR and LF, and nothing else") {
    CHECK(escape_data("100% done") == "100%25 done");
    CHECK(escape_data("a\rb\nc\r\nd") == "a%0Db%0Ac%0D%0Ad");
    CHECK(escape_data("%0A") == "%250A");  // an escape sequence in the text stays text
    CHECK(escape_data("a:b,c") == "a:b,c");
    CHECK(escape_data("") == "");
}

TEST_CASE("escape_property also escapes ':' and ','") {
    CHECK(escape_property("a:b,c") == "a%3Ab%2Cc");
    CHECK(escape_property("50%\r\n") == "50%25%0D%0A");
    CHECK(escape_property("%3A") == "%253A");
}

TEST_CASE("annotation: ::level title=...::message with both escaped") {
    CHECK(annotation(Level::Error, "Task 1: stopped, maybe", "line 1\nline 2: 100%") ==
          "::error title=Task 1%3A stopped%2C maybe::line 1%0Aline 2: 100%25\n");
    CHECK(annotation(Level::Notice, "t", "m") == "::notice title=t::m\n");
    CHECK(annotation(Level::Warning, "t", "m") == "::warning title=t::m\n");
}

TEST_CASE("annotation: an empty title is left out") {
    CHECK(annotation(Level::Error, "", "message") == "::error::message\n");
}

TEST_CASE("annotation: title and message come back intact through the runner's parser") {
    const std::string title = "50% done: a, b\r\nc %0A ::x";
    const std::string message = "first\nsecond\r\nthird: 100%, %25 %0D ::error::nested";
    const std::string line = annotation(Level::Error, title, message);
    CHECK(line.find_first_of("\r\n") == line.size() - 1);  // one physical line
    const auto command = only_command(line);
    CHECK(command.name == "error");
    // Line breaks survive as LF: a raw CR never reaches an annotation (it would rewrite the line).
    CHECK(command.properties.at("title") == "50% done: a, b\nc %0A ::x");
    CHECK(command.message == "first\nsecond\nthird: 100%, %25 %0D ::error::nested");
}

TEST_CASE("annotation: the message is cut at 4096 characters, not inside a UTF-8 sequence") {
    const std::string ellipsis = "…";
    const auto ascii = only_command(annotation(Level::Error, "t", std::string(5000, 'x'))).message;
    CHECK(ascii.size() == 4095 + ellipsis.size());
    CHECK((ascii == std::string(4095, 'x') + ellipsis));

    std::string chinese;
    for (int i = 0; i < 5000; ++i) chinese += "网";
    const auto cut = only_command(annotation(Level::Error, "t", chinese)).message;
    CHECK((cut == chinese.substr(0, std::size_t{4095} * 3) + ellipsis));

    const std::string exact(4096, 'y');
    CHECK((only_command(annotation(Level::Error, "t", exact)).message == exact));
}

TEST_CASE("add_mask masks the value, and each line of a multi-line value") {
    CHECK(add_mask("abc") == "::add-mask::abc\n");
    CHECK(add_mask("50%") == "::add-mask::50%25\n");
    const auto commands = parse_workflow_commands(add_mask("line-one\r\nline-two\n\nline-three"));
    REQUIRE(commands.size() == 4);
    CHECK(commands[0].message == "line-one\r\nline-two\n\nline-three");
    CHECK(commands[1].message == "line-one");
    CHECK(commands[2].message == "line-two");
    CHECK(commands[3].message == "line-three");
    for (const auto& command : commands) CHECK(command.name == "add-mask");
}

TEST_CASE("add_mask of a blank value is nothing") {
    CHECK(add_mask("") == "");
    CHECK(add_mask(" \n ") == "");
}

TEST_CASE("output_entry: the toolkit's heredoc form") {
    CHECK(output_entry("result", "success", "ghadelimiter_X") ==
          "result<<ghadelimiter_X\nsuccess\nghadelimiter_X\n");
    CHECK(output_entry("empty", "", "D") == "empty<<D\n\nD\n");
}

TEST_CASE("output_entry: a fresh random delimiter every time") {
    const std::string first = output_entry("n", "v");
    const std::string second = output_entry("n", "v");
    CHECK(first != second);
    CHECK(first.rfind("n<<ghadelimiter_", 0) == 0);
    const auto delimiter = first.substr(3, first.find('\n') - 3);
    CHECK(delimiter.size() == std::string("ghadelimiter_").size() + 36);  // a UUID's text form
    CHECK(first == "n<<" + delimiter + "\nv\n" + delimiter + "\n");
}

TEST_CASE("output_entry refuses a name or value holding the delimiter") {
    CHECK_THROWS_AS(output_entry("name", "before\nD\nafter", "D"), std::invalid_argument);
    CHECK_THROWS_AS(output_entry("xDx", "value", "D"), std::invalid_argument);
    CHECK_THROWS_AS(output_entry("name", "ghadelimiter_abc", "ghadelimiter_abc"), std::invalid_argument);
}

TEST_CASE("output_entry refuses names the runner would misread") {
    CHECK_THROWS_AS(output_entry("", "v", "D"), std::invalid_argument);
    CHECK_THROWS_AS(output_entry("a=b", "v", "D"), std::invalid_argument);
    CHECK_THROWS_AS(output_entry("a<<b", "v", "D"), std::invalid_argument);
    CHECK_THROWS_AS(output_entry("a\nb", "v", "D"), std::invalid_argument);
}

TEST_CASE("defuse_commands: free text never reads as a command") {
    CHECK(defuse_commands("task 1: POST /v2/tasks/1/stop -> 200 in 12 ms") ==
          "task 1: POST /v2/tasks/1/stop -> 200 in 12 ms");
    for (const std::string hostile : {"::error::injected", "   ::add-mask::x", "x ##[error]injected",
                                      "line\n::set-output name=a::b", "##[set-output name=a;]b"}) {
        CAPTURE(hostile);
        const std::string safe = defuse_commands(hostile);
        CHECK(safe.find('\n') == std::string::npos);
        CHECK_FALSE(parse_workflow_command(safe));
    }
    CHECK(defuse_commands("::error::x") == "> ::error::x");
    CHECK(defuse_commands("a ##[b") == "a ## [b");
}

TEST_CASE("defuse_json keeps the document and removes the old command prefix") {
    CHECK(defuse_json(R"({"m":"##[error]x"})") == R"({"m":"##\u005berror]x"})");
    CHECK(defuse_json(R"({"a":[1]})") == R"({"a":[1]})");
}
