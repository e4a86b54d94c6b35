// Appending to files other steps wrote first: what is there stays as it was, and what is appended
// stays readable by the platform's own parser.
#include <doctest/doctest.h>

#include "report/file_outputs.h"
#include "report/github_commands.h"
#include "support/github_file_commands.h"
#include "support/gitlab_dotenv.h"
#include "support/temp_dir.h"

using namespace ccs;
using namespace ccs::test;

TEST_CASE("a last line without a newline is kept intact, and the appended entries parse") {
    const TempDir dir;
    const std::string path = dir.write("output", "mine=kept");  // another step forgot its newline
    CHECK(report::append_to_file(path, report::github::output_entry("result", "success")) == "");
    const FileCommandValues values = read_file_commands(path);
    CHECK(values.at("mine") == "kept");
    CHECK(values.at("result") == "success");
}

TEST_CASE("a dotenv whose last line has no newline keeps it, and GitLab reads both") {
    const TempDir dir;
    const std::string path = dir.write("job.env", "OWN=1");
    CHECK(report::append_to_file(path, "CODEARTS_CHECK_RESULT=success\n") == "");
    const auto variables = parse_gitlab_dotenv(read_text_file(path));
    CHECK(variables.at("OWN") == "1");
    CHECK(variables.at("CODEARTS_CHECK_RESULT") == "success");
}

TEST_CASE("files that end with a newline, and new or empty files, get nothing extra") {
    const TempDir dir;
    const std::string ended = dir.write("ended", "A=1\n");
    CHECK(report::append_to_file(ended, "B=2\n") == "");
    CHECK(read_text_file(ended) == "A=1\nB=2\n");
    const std::string empty = dir.write("empty", "");
    CHECK(report::append_to_file(empty, "B=2\n") == "");
    CHECK(read_text_file(empty) == "B=2\n");
    CHECK(report::append_to_file(dir.file("new"), "B=2\n") == "");
    CHECK(read_text_file(dir.file("new")) == "B=2\n");
}
