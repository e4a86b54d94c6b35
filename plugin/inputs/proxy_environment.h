// The proxy settings CI runners and users put in the environment (HTTPS_PROXY, NO_PROXY, ...),
// checked like any other input: a proxy URL we cannot use is refused before anything is sent, rather
// than silently bypassed.
#pragma once

#include "inputs/config.h"

namespace ccs::inputs {

// Throws InvalidInput naming the variable; the message never shows the URL's password.
ProxySetting proxy_from_environment(const Environment& env);

}  // namespace ccs::inputs
