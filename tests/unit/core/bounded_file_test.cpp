// Files that are not what a path promises: FIFOs, devices, sparse giants. Every read and write ends,
// with the content or with why not.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/bounded_file.h"

using namespace ccs;
using Millis = std::chrono::milliseconds;

namespace {

// A private directory, removed with what is in it.
struct ScratchDir {
    std::string path;
    ScratchDir() {
        std::string pattern = "/tmp/ccs-bounded-file-XXXXXX";
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    std::string file(const std::string& name) const { return path + "/" + name; }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(file(name), std::ios::binary) << text;
        return file(name);
    }
};

}  // namespace

TEST_CASE("a regular file is read whole, and one over the limit is refused by its size alone") {
    const ScratchDir dir;
    const FileText small = read_bounded_file(dir.write("small", "t1\nt2\n"), 100, Deadline::in(Millis(2000)));
    CHECK(small.error.empty());
    CHECK(small.text == "t1\nt2\n");
    const std::string sparse = dir.write("sparse", "");
    REQUIRE(::truncate(sparse.c_str(), 1LL << 40) == 0);  // 1 TiB, no blocks: reading it would never end
    const FileText huge = read_bounded_file(sparse, 1024, Deadline::in(Millis(2000)));
    CHECK(huge.error == "is too large (at most 1024 bytes)");
    CHECK(huge.text.empty());
}

TEST_CASE("a missing file is absent; a directory is an error") {
    const ScratchDir dir;
    const FileText missing = read_bounded_file(dir.file("none"), 100, Deadline::in(Millis(2000)));
    CHECK(missing.absent);
    CHECK_FALSE(missing.error.empty());
    CHECK(read_bounded_file(dir.path, 100, Deadline::in(Millis(2000))).error == "is a directory");
}

TEST_CASE("a FIFO nobody writes to ends by the deadline, with an error") {
    const ScratchDir dir;
    const std::string fifo = dir.file("fifo");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const FileText read = read_bounded_file(fifo, 100, Deadline::in(Millis(100)));
    CHECK(read.error == "is a FIFO nothing was written to by the deadline");
    CHECK(write_bounded_file(fifo, "x\n", WriteMode::Append, Deadline::in(Millis(100))) ==
          "is a FIFO or socket nobody reads from");
}

TEST_CASE("a device that never ends is cut at the limit, not read forever") {
    CHECK(read_bounded_file("/dev/zero", 1000, Deadline::in(Millis(5000))).error ==
          "is too large (at most 1000 bytes)");
    CHECK(read_bounded_file("/dev/null", 1000, Deadline::in(Millis(5000))).text.empty());
    CHECK_FALSE(
        write_bounded_file("/dev/full", "x\n", WriteMode::Append, Deadline::in(Millis(1000))).empty());
}

TEST_CASE("appending gives a last line without its newline one first; replacing replaces") {
    const ScratchDir dir;
    const std::string path = dir.write("env", "A=1");
    CHECK(write_bounded_file(path, "B=2\n", WriteMode::Append, Deadline::in(Millis(1000))).empty());
    CHECK(read_bounded_file(path, 100, Deadline::in(Millis(1000))).text == "A=1\nB=2\n");
    CHECK(write_bounded_file(path, "{}\n", WriteMode::Replace, Deadline::in(Millis(1000))).empty());
    CHECK(read_bounded_file(path, 100, Deadline::in(Millis(1000))).text == "{}\n");
}
