// From the configured credential to the Authorizer that applies it to requests.
#pragma once

#include <memory>

#include "auth/authorizer.h"
#include "inputs/config.h"

namespace ccs::app {

std::unique_ptr<auth::Authorizer> make_authorizer(const inputs::Config& config);

}  // namespace ccs::app
