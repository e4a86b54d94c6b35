#include "emulator/credential_options.h"

#include <vector>

#include "emulator/emulator_options.h"

namespace ccs::emu {

namespace {

// `value` split on ':' into at least `required` and at most `most` fields; the last takes the rest.
std::vector<std::string> fields(const std::string& option, const std::string& value, std::size_t required,
                                std::size_t most, const std::string& shape) {
    std::vector<std::string> parts;
    std::string::size_type start = 0;
    while (parts.size() + 1 < most) {
        const auto colon = value.find(':', start);
        if (colon == std::string::npos) break;
        parts.push_back(value.substr(start, colon - start));
        start = colon + 1;
    }
    parts.push_back(value.substr(start));
    bool empty_required = false;
    for (std::size_t i = 0; i < parts.size() && i < required; ++i) empty_required |= parts[i].empty();
    if (parts.size() < required || empty_required) {
        throw OptionError(option + ": expected " + shape + ", got \"" + value + "\"");
    }
    parts.resize(most);
    return parts;
}

}  // namespace

AccessKey parse_access_key_option(const std::string& value) {
    const auto f = fields("--access-key", value, 3, 4, "AK:SK:PROJECT[:SECURITY_TOKEN]");
    return AccessKey{f[0], f[1], f[2], f[3]};
}

IamUser parse_user_option(const std::string& value) {
    const auto f = fields("--user", value, 3, 4, "NAME:PASSWORD:DOMAIN[:PROJECT]");
    return IamUser{f[0], f[1], f[2], f[3]};
}

IdentityProvider parse_idp_option(const std::string& value) {
    const auto f = fields("--idp", value, 2, 3, "ID:PROJECT[:AUDIENCE]");
    return IdentityProvider{f[0], f[2], f[1], {}};
}

IamProject parse_project_option(const std::string& value) {
    const auto f = fields("--project", value, 2, 2, "ID:NAME");
    return IamProject{f[0], f[1]};
}

}  // namespace ccs::emu
