// How a run reaches its services: one TLS context (whom to trust) and the proxy settings, built once
// from the configuration and shared by the API's, IAM's and GitHub's connections.
#pragma once

#include "core/url.h"
#include "http/tls_context.h"
#include "inputs/config.h"

namespace ccs::app {

struct Network {
    http::SharedTlsContext tls;
    ProxySetting proxy;
};

Network network_for(const inputs::Config& config);

}  // namespace ccs::app
