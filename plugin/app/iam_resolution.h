// The IAM exchanges behind each credential kind, in order, ending in an Authorizer:
//   token                     -> X-Auth-Token
//   AK/SK (+ security token)  -> signed requests; the project id from IAM when none is given
//   password                  -> POST /v3/auth/tokens -> token
//   OIDC                      -> id token (given, a file, or GitHub's service) -> unscoped token ->
//                                temporary AK/SK -> signed requests, the project id as for AK/SK
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/network.h"
#include "auth/authorizer.h"
#include "core/deadline.h"
#include "http/retrying_exchange.h"
#include "iam/iam_failure.h"
#include "iam/service_call.h"
#include "inputs/config.h"

namespace ccs::app {

// Called with each secret a service hands out, before it is used or anything could print it.
using LearnSecret = std::function<void(const std::string& secret)>;

using Obtained = iam::Result<std::unique_ptr<auth::Authorizer>>;

Obtained obtain_authorizer(const inputs::Config& config, const Network& network, const Deadline& deadline,
                           const iam::Log& log, const LearnSecret& learn, const http::Sleep& sleep = {});

// How long temporary keys are asked for: IAM's minimum (15 minutes), or longer when the deadline is.
int temporary_key_seconds(const Deadline& deadline);

}  // namespace ccs::app
