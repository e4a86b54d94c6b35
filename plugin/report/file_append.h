// Appending to the files a CI hands us ($GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY): other steps' writers
// share them, so only ever append, and say why it failed instead of throwing.
#pragma once

#include <string>

namespace ccs::report {

// Appends `text` to `path` (created if missing). Returns "" on success, else the reason
// ("No such file or directory").
std::string append_to_file(const std::string& path, const std::string& text);

}  // namespace ccs::report
