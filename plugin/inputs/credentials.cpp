#include "inputs/credentials.h"

#include <algorithm>

#include "inputs/option_table.h"
#include "inputs/text.h"

namespace ccs::inputs {

std::string checked_token(const GivenValue& given) {
    const std::string& token = given.value();
    if (std::any_of(token.begin(), token.end(), is_control)) {
        throw InvalidInput(given.origin +
                           ": the token contains a line break or another control character (not shown); "
                           "a token is one line of printable characters");
    }
    return token;
}

void choose_credentials(const RawInputs& raw, Config& config) {
    const GivenValue* token = raw.find("token");
    if (!token) throw InvalidInput("no credentials: set " + all_names("token"));
    config.token = checked_token(*token);
    config.credential_origin = token->origin;
}

}  // namespace ccs::inputs
