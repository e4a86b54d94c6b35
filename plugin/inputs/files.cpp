#include "inputs/files.h"

#include <algorithm>

#include <Poco/Exception.h>
#include <Poco/File.h>

#include "inputs/text.h"

namespace ccs::inputs {

namespace {

// Empty when the file is fine, otherwise why not.
std::string file_problem(const std::string& path) {
    // A NUL would cut the path short in the system call; other control bytes are surely a mistake.
    if (std::any_of(path.begin(), path.end(), is_control)) return "contains a control character";
    try {
        const Poco::File file(path);
        if (!file.exists()) return "does not exist";
        if (!file.isFile()) return "is not a regular file";
        if (!file.canRead()) return "is not readable";
    } catch (const Poco::Exception& error) {
        return "cannot be checked: " + error.displayText();
    }
    return "";
}

}  // namespace

std::string checked_readable_file(const GivenValue& given) {
    const std::string problem = file_problem(given.value());
    if (!problem.empty())
        throw InvalidInput(given.origin + ": file " + quoted(given.value(), 200) + " " + problem);
    return given.value();
}

}  // namespace ccs::inputs
