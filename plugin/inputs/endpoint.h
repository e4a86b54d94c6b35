// Where the requests go, and through what: the service's endpoints (a region's, as the SDKs list them
// or as the SDKs' override variable gives them, or an explicit --endpoint), the one place that knows
// the endpoint list; what plain http may reach; and the proxy CI runners and users put in the
// environment (HTTPS_PROXY, NO_PROXY, ...), checked like any other input: a proxy URL we cannot use
// is refused before anything is sent, rather than silently bypassed.
#pragma once

#include <string>
#include <vector>

#include "core/url.h"
#include "inputs/config.h"
#include "inputs/options.h"

namespace ccs::inputs {

// Sets config.endpoints, endpoint_origin and region. --endpoint wins over --region. With an endpoint
// the region is optional and need not be one of the known ones (a private deployment may have its
// own), but it must still look like a region name. Without one, the region's override variable in
// `env` wins over its known endpoints, and makes a region the SDKs do not list usable. Reads
// config.allow_insecure_http, so that is set first.
void apply_endpoint(const RawInputs& raw, const Environment& env, Config& config);

// The regions every SDK lists, in their order.
const std::vector<std::string>& known_regions();

// "HUAWEICLOUD_SDK_REGION_CODEARTSCHECK_CN_NORTH_4": the variable that replaces a region's endpoints
// (comma-separated), as the Go and Python SDKs read it.
std::string region_override_variable(const std::string& region);

// 127.0.0.0/8, ::1 and localhost: the only hosts plain http may go to.
bool is_loopback_host(const std::string& host);

// An absolute http(s) URL with a host and no query, fragment or user info; http for loopback only,
// unless `allow_insecure_http` (--allow-insecure-http). Returns it parsed, its text without trailing
// '/'. Throws InvalidInput naming given.origin.
ServiceUrl checked_endpoint(const GivenValue& given, bool allow_insecure_http = false);

// https_proxy / HTTPS_PROXY, http_proxy / HTTP_PROXY and no_proxy / NO_PROXY, lower case first, as
// curl reads them. Throws InvalidInput naming the variable; the message never shows the URL's password.
ProxySetting proxy_from_environment(const Environment& env);

}  // namespace ccs::inputs
