// The emulator's command-line shorthands for what IAM knows (the scenario's "credentials" says the
// same as data). Each throws OptionError naming the option.
#pragma once

#include <string>

#include "emulator/iam_book.h"

namespace ccs::emu {

// --access-key AK:SK:PROJECT[:SECURITY_TOKEN]
AccessKey parse_access_key_option(const std::string& value);
// --user NAME:PASSWORD:DOMAIN[:PROJECT]
IamUser parse_user_option(const std::string& value);
// --idp ID:PROJECT[:AUDIENCE] (the audience is the rest, ':' included)
IdentityProvider parse_idp_option(const std::string& value);
// --project ID:NAME
IamProject parse_project_option(const std::string& value);

}  // namespace ccs::emu
