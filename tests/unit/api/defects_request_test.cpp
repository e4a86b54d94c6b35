#include <doctest/doctest.h>

#include "api/codearts_check_client.h"

using namespace ccs;

TEST_CASE("a defects-detail request asks for one page, of at most 100, unresolved ones when told") {
    const ServiceUrl endpoint = parse_service_url("https://codearts-check.example.com/base");
    const HttpRequest page = api::defects_detail_request(endpoint, "T1", 200, 100, true);
    CHECK(page.method == "GET");
    CHECK(page.target() == "/base/v2/tasks/T1/defects-detail?offset=200&limit=100&status_ids=0");
    CHECK(api::defects_detail_request(endpoint, "T1", 0, 500, false).query == "offset=0&limit=100");
    CHECK(api::defects_detail_request(endpoint, "T1", -5, 0, false).query == "offset=0&limit=1");
    CHECK(api::defects_page_limit(37) == 37);
}
