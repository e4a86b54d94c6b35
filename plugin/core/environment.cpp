#include "core/environment.h"

namespace ccs {

Environment environment_from(const char* const* entries) {
    Environment env;
    for (const char* const* entry = entries; entry != nullptr && *entry != nullptr; ++entry) {
        const std::string text(*entry);
        const auto equals = text.find('=');
        if (equals != std::string::npos) env.emplace(text.substr(0, equals), text.substr(equals + 1));
    }
    return env;
}

std::string variable(const Environment& env, const std::string& name, const std::string& fallback) {
    const auto found = env.find(name);
    return found == env.end() ? fallback : found->second;
}

}  // namespace ccs
