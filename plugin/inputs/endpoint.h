// Which URL the requests go to: a known region's endpoint, or an explicit --endpoint.
#pragma once

#include <string>
#include <vector>

#include "inputs/raw_inputs.h"

namespace ccs::inputs {

struct EndpointChoice {
    std::string url;     // no trailing '/'
    std::string origin;  // "region cn-north-4", or where the endpoint came from: "--endpoint"
    std::string region;  // empty when not given
};

// The regions every SDK lists, in their order.
const std::vector<std::string>& known_regions();

// "https://codearts-check.<region>.myhuaweicloud.com"
std::string region_endpoint(const std::string& region);

// 127.0.0.0/8, ::1 and localhost: the only hosts plain http may go to.
bool is_loopback_host(const std::string& host);

// An absolute http(s) URL with a host and no query, fragment or user info; http for loopback only,
// unless `allow_insecure_http` (--allow-insecure-http). Returns it without trailing '/'. Throws
// InvalidInput naming given.origin.
std::string checked_endpoint(const GivenValue& given, bool allow_insecure_http = false);

// --endpoint wins over --region. With an endpoint the region is optional and need not be one of the
// known ones (a private deployment may have its own), but it must still look like a region name.
EndpointChoice choose_endpoint(const GivenValue* region, const GivenValue* endpoint, bool allow_insecure_http = false);

}  // namespace ccs::inputs
