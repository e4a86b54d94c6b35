#include "emulator/ids.h"

#include <cstdint>
#include <random>

namespace ccs::emu {

std::string random_hex_id() {
    // One generator per thread: no locking, and each is seeded from the OS so ids never repeat across
    // emulator runs either.
    thread_local std::mt19937_64 generator{std::random_device{}()};
    static const char digits[] = "0123456789abcdef";
    std::string id;
    for (int half = 0; half < 2; ++half) {
        std::uint64_t bits = generator();
        for (int i = 0; i < 16; ++i, bits >>= 4) id.push_back(digits[bits & 0xf]);
    }
    return id;
}

}  // namespace ccs::emu
