#include "inputs/files.h"

#include <algorithm>

#include <Poco/Exception.h>
#include <Poco/File.h>

#include "core/bounded_file.h"
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

std::string read_input_file(const GivenValue& given, std::size_t max_bytes) {
    const FileText file = read_bounded_file(given.value(), max_bytes, Deadline::in(input_file_wait));
    if (!file.error.empty())
        throw InvalidInput(given.origin + ": file " + quoted(given.value(), 200) + " " + file.error);
    return file.text;
}

std::string checked_readable_file(const GivenValue& given) {
    const std::string problem = file_problem(given.value());
    if (!problem.empty())
        throw InvalidInput(given.origin + ": file " + quoted(given.value(), 200) + " " + problem);
    return given.value();
}

std::string checked_certificate_file(const GivenValue& given) {
    std::string path = checked_readable_file(given);
    const std::string text = read_input_file(given, max_certificate_file_bytes);
    if (text.find("-----BEGIN CERTIFICATE-----") == std::string::npos &&
        text.find("-----BEGIN TRUSTED CERTIFICATE-----") == std::string::npos) {
        throw InvalidInput(
            given.origin + ": file " + quoted(path, 200) +
            " holds no PEM certificate (a \"-----BEGIN CERTIFICATE-----\" block); a DER file can be "
            "converted with: openssl x509 -inform der -in FILE -out FILE.pem");
    }
    return path;
}

}  // namespace ccs::inputs
