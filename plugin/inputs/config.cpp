#include "inputs/config.h"

namespace ccs::inputs {

std::vector<std::string> Config::secrets() const {
    std::vector<std::string> values;
    if (!token.empty()) values.push_back(token);
    return values;
}

}  // namespace ccs::inputs
