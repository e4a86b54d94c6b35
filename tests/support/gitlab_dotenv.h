// A test-side reader of `artifacts: reports: dotenv` files that follows GitLab's own rules
// (app/services/ci/parse_dotenv_artifact_service.rb, app/models/concerns/ci/has_variable.rb), so a
// test fails where GitLab would refuse the report or store a value other than the one meant.
#pragma once

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>

namespace ccs::test {

// GitLab refuses the report (and the job's dotenv variables with it).
class DotenvError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct DotenvLimits {
    std::size_t max_bytes =
        std::size_t{5} * 1024;       // plan limit dotenv_size; the file must be smaller than this
    std::size_t max_variables = 20;  // plan limit dotenv_variables (self-managed default)
};

// The variables GitLab stores, by GitLab's rules:
//  - the file must be smaller than max_bytes (GitLab compares the stored, compressed file: we
//    compare the text, which is stricter) and valid UTF-8 (GitLab replaces bad bytes; we refuse);
//    a UTF-8 byte order mark is dropped;
//  - every line (split at LF; an empty line included) must match /^(.*?)=(.*)$/: the key is what
//    comes before the first '=', the value the rest; both are stripped of white space at the ends;
//  - a key is 1 to 255 of [A-Za-z0-9_];
//  - a later line for a key replaces an earlier one; at most max_variables distinct keys.
// Quotes are not special: GitLab keeps them as part of the value.
std::map<std::string, std::string> parse_gitlab_dotenv(const std::string& text, DotenvLimits limits = {});

}  // namespace ccs::test
