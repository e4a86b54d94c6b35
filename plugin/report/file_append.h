// Appending to the files a CI hands us ($GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY): other steps' writers
// share them, so only ever append, and say why it failed instead of throwing.
#pragma once

#include <chrono>
#include <string>

namespace ccs::report {

// How long one output file may keep us waiting (a FIFO whose reader is slow): outputs are written
// after the run's deadline has been met, and must not hold the exit up for long.
constexpr std::chrono::milliseconds output_file_wait{1000};

// Appends `text` to `path` (created if missing), without damaging its last line (one without a
// newline gets one first). Returns "" on success, else the reason ("No such file or directory").
std::string append_to_file(const std::string& path, const std::string& text);

// Replaces the content of `path` with `text` (--json-file). Same bounds, same result.
std::string replace_file(const std::string& path, const std::string& text);

}  // namespace ccs::report
