// The emulator's own log: one line per event on stderr (stdout carries only the URL line).
#pragma once

#include <string>

namespace ccs::emu {

// Thread-safe; prefixes "[emulator] " so the lines stand out in a test's captured output.
void log_line(const std::string& line);

}  // namespace ccs::emu
