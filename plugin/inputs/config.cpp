#include "inputs/config.h"

#include <algorithm>

namespace ccs::inputs {

std::vector<std::string> Config::secrets() const {
    std::vector<std::string> values = secrets_of(credential);
    for (const auto& password : proxy.passwords()) values.push_back(password);
    for (const auto& secret : other_secrets) {
        if (!secret.empty() && std::find(values.begin(), values.end(), secret) == values.end()) {
            values.push_back(secret);
        }
    }
    return values;
}

}  // namespace ccs::inputs
