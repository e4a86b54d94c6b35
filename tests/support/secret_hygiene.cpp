#include "support/secret_hygiene.h"

#include <algorithm>
#include <mutex>

#include "core/strings.h"

namespace ccs::test {

namespace {

std::mutex registry_mutex;
std::vector<std::string>& registry() {
    static std::vector<std::string> secrets;
    return secrets;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

bool contains_marker(const std::string& value) {
    return value.find(secret_marker) != std::string::npos;
}

// True when the line holding position `at` is an add-mask command.
bool in_mask_command(const std::string& text, std::size_t at) {
    const std::size_t newline = text.rfind('\n', at);
    const std::size_t start = newline == std::string::npos ? 0 : newline + 1;
    return text.compare(start, 12, "::add-mask::") == 0;
}

// A few characters either side, the secret itself shortened, with line breaks shown.
std::string excerpt(const std::string& text, std::size_t at, std::size_t length) {
    const std::size_t from = at >= 20 ? at - 20 : 0;
    std::string shown = text.substr(from, at - from) + "[" +
                        text.substr(at, std::min<std::size_t>(length, 4)) + "...]" +
                        text.substr(at + length, 20);
    std::replace(shown.begin(), shown.end(), '\n', ' ');
    return shown;
}

void find_all(const std::string& text, const std::string& needle, const std::string& where,
              std::vector<std::string>& findings) {
    for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        if (in_mask_command(text, at)) continue;
        findings.push_back(where + " at byte " + std::to_string(at) + ": " +
                           excerpt(text, at, needle.size()));
    }
}

}  // namespace

void register_secret(const std::string& value) {
    const std::lock_guard<std::mutex> lock(registry_mutex);
    add_unique(registry(), value);
}

std::vector<std::string> secrets_in(const std::vector<std::string>& args, const Environment& env) {
    std::vector<std::string> secrets;
    {
        const std::lock_guard<std::mutex> lock(registry_mutex);
        secrets = registry();
    }
    for (const auto& arg : args) {
        if (!contains_marker(arg)) continue;
        // "--token=VALUE" carries the value after the '='.
        const std::size_t equals = starts_with(arg, "--") ? arg.find('=') : std::string::npos;
        add_unique(secrets, equals == std::string::npos ? arg : arg.substr(equals + 1));
    }
    for (const auto& [name, value] : env) {
        if (contains_marker(value)) add_unique(secrets, value);
    }
    return secrets;
}

std::vector<std::string> written_files(const Environment& env) {
    std::vector<std::string> files;
    for (const char* name :
         {"GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_STATE", "GITHUB_ENV", "GITHUB_PATH"}) {
        const auto found = env.find(name);
        if (found != env.end() && !found->second.empty()) files.push_back(found->second);
    }
    return files;
}

std::vector<std::string> secret_findings(const std::string& text, const std::vector<std::string>& secrets,
                                         const std::string& where) {
    std::vector<std::string> findings;
    for (const auto& secret : secrets) find_all(text, secret, where, findings);
    // A value with the marker that no input named exactly (a part of one, or one made up inside the
    // program) is still a leak.
    if (findings.empty()) find_all(text, secret_marker, where, findings);
    return findings;
}

}  // namespace ccs::test
