// Which URLs the requests go to: a region's endpoints as the SDKs list them (or as the SDKs' override
// variable gives them), or an explicit --endpoint. The one place that knows the endpoint list.
#pragma once

#include <string>
#include <vector>

#include "core/url.h"
#include "inputs/raw_inputs.h"

namespace ccs::inputs {

struct EndpointChoice {
    std::vector<ServiceUrl> urls;  // in the order to try them (see http/endpoint_list.h); no trailing '/'
    std::string origin;            // "region cn-north-4", or where the endpoint came from: "--endpoint"
    std::string region;            // empty when not given
};

// The regions every SDK lists, in their order.
const std::vector<std::string>& known_regions();

// A known region's endpoints as the SDKs list them: "https://codearts-check.<region>.myhuaweicloud.com",
// and for the five Chinese mainland regions a second one ending ".myhuaweicloud.cn". Empty for others.
std::vector<std::string> region_endpoints(const std::string& region);

// "HUAWEICLOUD_SDK_REGION_CODEARTSCHECK_CN_NORTH_4": the variable that replaces a region's endpoints
// (comma-separated), as the Go and Python SDKs read it.
std::string region_override_variable(const std::string& region);

// 127.0.0.0/8, ::1 and localhost: the only hosts plain http may go to.
bool is_loopback_host(const std::string& host);

// An absolute http(s) URL with a host and no query, fragment or user info; http for loopback only,
// unless `allow_insecure_http` (--allow-insecure-http). Returns it parsed, its text without trailing
// '/'. Throws InvalidInput naming given.origin.
ServiceUrl checked_endpoint(const GivenValue& given, bool allow_insecure_http = false);

// --endpoint wins over --region. With an endpoint the region is optional and need not be one of the
// known ones (a private deployment may have its own), but it must still look like a region name.
// Without one, the region's override variable in `env` wins over its known endpoints, and makes a
// region the SDKs do not list usable.
EndpointChoice choose_endpoint(const GivenValue* region, const GivenValue* endpoint, const Environment& env,
                               bool allow_insecure_http = false);

}  // namespace ccs::inputs
