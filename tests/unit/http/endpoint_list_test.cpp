// The failover rule and the order endpoints are tried in.
#include <doctest/doctest.h>

#include "http/endpoint_list.h"
#include "http/retrying_exchange.h"

using namespace ccs::http;

namespace {

Exchange failed(TransportErrorKind kind, bool connected = false) {
    Exchange exchange;
    exchange.error = {kind, "why"};
    exchange.connected = connected;
    return exchange;
}

}  // namespace

TEST_CASE("a failure to reach the endpoint moves on: no name, nothing listening, a failed handshake") {
    CHECK(worth_failing_over(failed(TransportErrorKind::Dns)));
    CHECK(worth_failing_over(failed(TransportErrorKind::Refused)));
    CHECK(worth_failing_over(failed(TransportErrorKind::Tls)));
    CHECK(worth_failing_over(failed(TransportErrorKind::Reset)));  // a handshake broken off
}

TEST_CASE("an answer, a failure after connecting, a timeout, an unsendable request or a local limit do not") {
    Exchange answered;
    answered.response = ccs::HttpResponse{};
    answered.response->status = 503;
    CHECK_FALSE(worth_failing_over(answered));
    CHECK_FALSE(worth_failing_over(failed(TransportErrorKind::Reset, true)));
    CHECK_FALSE(worth_failing_over(failed(TransportErrorKind::Timeout)));
    CHECK_FALSE(worth_failing_over(failed(TransportErrorKind::Unsendable)));
    CHECK_FALSE(worth_failing_over(failed(TransportErrorKind::TooLarge, true)));
    // Out of descriptors here: another endpoint would meet the same limit; a later attempt may not.
    CHECK_FALSE(worth_failing_over(failed(TransportErrorKind::LocalLimit)));
    CHECK(worth_retrying(TransportErrorKind::LocalLimit));
}

TEST_CASE("endpoints are tried in their order, after the last the first again") {
    EndpointList endpoints(
        {ccs::parse_service_url("https://a.example"), ccs::parse_service_url("https://b.example:8443/base")},
        nullptr, {});
    CHECK(endpoints.size() == 2);
    CHECK(endpoints.url().url == "https://a.example");
    CHECK(endpoints.connection().origin().host == "a.example");
    endpoints.next();
    CHECK(endpoints.url().url == "https://b.example:8443/base");
    CHECK(endpoints.connection().origin().port == 8443);
    endpoints.next();
    CHECK(endpoints.url().url == "https://a.example");
}
