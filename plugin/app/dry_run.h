// --dry-run: the requests the run would send, authorized as they would be, secrets redacted.
#pragma once

#include <string>

#include "auth/authorizer.h"
#include "inputs/config.h"

namespace ccs::app {

std::string describe_planned_requests(const inputs::Config& config, const auth::Authorizer& authorizer);

}  // namespace ccs::app
