// Whole-file reads for the tests and the emulator, written once. Header-only, so that a support file
// compiled on its own (github_file_commands.cpp, into unit_inputs and a fuzz target) and the emulator
// (which the rest of the support needs) can use it too. The program's own reads are bounded and
// size-checked: core/bounded_file.h.
#pragma once

#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ccs::test {

// The whole content of a file, byte for byte, or nullopt when it cannot be opened (it does not exist
// yet, or a /proc entry went away).
inline std::optional<std::string> read_file_if_present(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

// The whole content of a file; throws std::runtime_error when it cannot be read.
inline std::string read_text_file(const std::string& path) {
    std::optional<std::string> content = read_file_if_present(path);
    if (!content) throw std::runtime_error("cannot read " + path);
    return std::move(*content);
}

// `text` without the UTF-8 byte order mark that may start it (both runners drop one).
inline std::string without_utf8_bom(const std::string& text) {
    static const std::string bom = "\xEF\xBB\xBF";
    return text.compare(0, bom.size(), bom) == 0 ? text.substr(bom.size()) : text;
}

}  // namespace ccs::test
