// Helpers for the fuzz targets: splitting libFuzzer's bytes into the several values a function takes,
// and a check that stops the fuzzer with the property that broke.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace ccs::fuzz {

// The input cut at every NUL byte: NUL is the one byte no argument, environment value or header can
// hold, so the parts are what a user could give.
inline std::vector<std::string> split_at_nul(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            parts.emplace_back();
        } else {
            parts.back() += static_cast<char>(data[i]);
        }
    }
    return parts;
}

// A property every input must keep; a broken one is a finding, so it aborts (libFuzzer saves the input).
inline void require(bool holds, const char* property) {
    if (holds) return;
    std::fprintf(stderr, "property broken: %s\n", property);
    std::abort();
}

}  // namespace ccs::fuzz
