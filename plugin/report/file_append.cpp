#include "report/file_append.h"

#include "core/bounded_file.h"

namespace ccs::report {

std::string append_to_file(const std::string& path, const std::string& text) {
    return write_bounded_file(path, text, WriteMode::Append, Deadline::in(output_file_wait));
}

std::string replace_file(const std::string& path, const std::string& text) {
    return write_bounded_file(path, text, WriteMode::Replace, Deadline::in(output_file_wait));
}

}  // namespace ccs::report
