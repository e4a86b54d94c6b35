#include <doctest/doctest.h>

#include <sys/stat.h>

#include <ostream>
#include <string>

#include "report/file_outputs.h"
#include "support/temp_dir.h"

using namespace ccs::report;

TEST_CASE("replace_file_streamed: what the writer streams replaces the file, however large") {
    ccs::test::TempDir dir("ccs-streamed");
    const std::string path = dir.write("out.sarif", "old content that must go");
    std::string expected;
    const std::string error = replace_file_streamed(path, [&expected](std::ostream& out) {
        for (int i = 0; i < 20000; ++i) {  // about 400 KB: several buffers
            const std::string piece = "piece " + std::to_string(i) + "\n";
            out << piece;
            expected += piece;
        }
    });
    CHECK(error.empty());
    CHECK(ccs::test::read_text_file(path) == expected);
}

TEST_CASE("replace_file_streamed: a FIFO nobody reads and a missing folder fail at once, with why") {
    ccs::test::TempDir dir("ccs-streamed");
    const std::string fifo = dir.file("fifo");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    bool called = false;
    CHECK(replace_file_streamed(fifo, [&called](std::ostream&) { called = true; }) ==
          "is a FIFO or socket nobody reads from");
    CHECK_FALSE(called);  // nothing is formatted for a file that cannot be opened
    CHECK(replace_file_streamed(dir.file("missing/out"), [](std::ostream& out) { out << "x"; }) ==
          "No such file or directory");
}

TEST_CASE("replace_file_streamed: a full device's error is reported, not thrown") {
    const std::string error =
        replace_file_streamed("/dev/full", [](std::ostream& out) { out << std::string(200000, 'x'); });
    CHECK(error == "No space left on device");
}
