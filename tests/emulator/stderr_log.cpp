#include "emulator/stderr_log.h"

#include <iostream>
#include <mutex>

namespace ccs::emu {

void log_line(const std::string& line) {
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    std::cerr << "[emulator] " << line << '\n' << std::flush;
}

}  // namespace ccs::emu
