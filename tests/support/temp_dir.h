// A fresh private temporary directory for one test, removed with everything in it at scope exit.
#pragma once

#include <string>

#include "support/file_text.h"  // read_text_file

namespace ccs::test {

class TempDir {
public:
    // Creates $TMPDIR/<prefix>-XXXXXX (mode 0700). Throws std::runtime_error on failure.
    explicit TempDir(const std::string& prefix = "ccs-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return path_; }

    // path() + "/" + name; the file need not exist.
    std::string file(const std::string& name) const;

    // Writes `content` to file(name), replacing it; returns its path.
    std::string write(const std::string& name, const std::string& content) const;

private:
    std::string path_;
};

}  // namespace ccs::test
