// The retry loop, over a stand-in for the connection: which failures get another attempt, how long it
// waits first, and when it stops.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "http/retrying_exchange.h"

using namespace ccs::http;
using ccs::Deadline;
using ccs::HttpRequest;
using Millis = std::chrono::milliseconds;

namespace {

Exchange failed(TransportErrorKind kind, const std::string& why) {
    Exchange exchange;
    exchange.error = {kind, why};
    return exchange;
}

Exchange answered(int status, const std::string& retry_after = "") {
    Exchange exchange;
    exchange.response = ccs::HttpResponse{};
    exchange.response->status = status;
    if (!retry_after.empty()) exchange.response->headers.push_back({"Retry-After", retry_after});
    return exchange;
}

// As the clients judge: no answer by the transport's rule, an answer by its status.
bool transient(const Exchange& exchange) {
    if (!exchange.answered()) return worth_retrying(exchange.error.kind);
    return exchange.response->status == 429 || exchange.response->status >= 500;
}

RetryPolicy pinned(int attempts, double random_value) {
    return RetryPolicy(attempts, Millis(200), Millis(2000), [random_value] { return random_value; });
}

// One call: the stand-in answers with `script` in turn (the last one again when it runs out), and
// everything the loop did is kept.
struct Call {
    explicit Call(std::vector<Exchange> answers) : script(std::move(answers)) {}

    std::vector<Exchange> script;
    std::vector<HttpRequest> sent;
    std::vector<Millis> attempt_time;  // what each attempt's deadline left it
    std::vector<Millis> slept;
    std::vector<std::optional<Millis>> noted_waits;
    std::vector<std::string> noted_errors;
    std::vector<int> noted_numbers;
    int made = 0;

    int run(const RetryPolicy& policy, const Deadline& deadline) {
        const Send send = [this](const HttpRequest& request, const Deadline& attempt_deadline) {
            sent.push_back(request);
            attempt_time.push_back(attempt_deadline.remaining());
            return script[std::min(sent.size(), script.size()) - 1];
        };
        const MakeRequest make = [this] {
            HttpRequest request;
            request.method = "POST";
            request.path = "/v2/tasks/t/stop";
            request.set_header("X-Attempt", std::to_string(++made));
            return request;
        };
        const NoteAttempt note = [this](const Attempt& attempt) {
            noted_numbers.push_back(attempt.number);
            noted_waits.push_back(attempt.wait);
            noted_errors.push_back(attempt.exchange.answered()
                                       ? "HTTP " + std::to_string(attempt.exchange.response->status)
                                       : attempt.exchange.error.message);
            CHECK(*attempt.request.header("X-Attempt") == std::to_string(attempt.number));
        };
        const Sleep sleep = [this](Millis wait) { slept.push_back(wait); };
        return exchange_with_retries(send, policy, deadline, make, transient, note, sleep);
    }
};

}  // namespace

TEST_CASE("transient failures are retried up to the attempt limit, each with a fresh request") {
    Call call{{failed(TransportErrorKind::Reset, "reset")}};
    CHECK(call.run(pinned(3, 0.0), Deadline::in(Millis(60000))) == 3);
    CHECK(call.sent.size() == 3);
    CHECK(call.made == 3);
    CHECK(call.noted_numbers == std::vector<int>{1, 2, 3});
    CHECK(call.slept.size() == 2);
    CHECK(call.noted_waits.back() == std::nullopt);  // none follows the last
}

TEST_CASE("an answer that is not transient ends the call at once; so does success") {
    Call refused{{answered(400)}};
    CHECK(refused.run(pinned(4, 0.0), Deadline::in(Millis(60000))) == 1);
    CHECK(refused.slept.empty());
    CHECK(refused.noted_waits == std::vector<std::optional<Millis>>{std::nullopt});

    Call unverifiable{{failed(TransportErrorKind::Tls, "certificate")}};
    CHECK(unverifiable.run(pinned(4, 0.0), Deadline::in(Millis(60000))) == 1);

    Call recovered{{answered(503), answered(200), answered(500)}};
    CHECK(recovered.run(pinned(4, 0.0), Deadline::in(Millis(60000))) == 2);
    CHECK(recovered.noted_errors == std::vector<std::string>{"HTTP 503", "HTTP 200"});
}

TEST_CASE("waits back off as the retry policy says, and a longer Retry-After wins") {
    Call call{{answered(503)}};
    CHECK(call.run(pinned(4, 0.5), Deadline::in(Millis(60000))) == 4);
    // Half of each ceiling: 200, 400, 800 ms.
    CHECK(call.slept == std::vector<Millis>{Millis(100), Millis(200), Millis(400)});
    CHECK(call.noted_waits ==
          std::vector<std::optional<Millis>>{Millis(100), Millis(200), Millis(400), std::nullopt});

    Call told{{answered(429, "2"), answered(200)}};
    CHECK(told.run(pinned(4, 0.5), Deadline::in(Millis(60000))) == 2);
    CHECK(told.slept == std::vector<Millis>{Millis(2000)});
}

TEST_CASE("no attempt starts that the deadline would not leave time for") {
    // Retry-After 5 s with 2 s left: the wait alone would pass the deadline.
    Call told{{answered(503, "5")}};
    CHECK(told.run(pinned(4, 0.0), Deadline::in(Millis(2000))) == 1);
    CHECK(told.slept.empty());

    // Less than the least time an attempt needs is left after the first.
    Call late{{failed(TransportErrorKind::Timeout, "timed out")}};
    CHECK(late.run(pinned(4, 0.0), Deadline::in(Millis(50))) == 1);
    CHECK(late.noted_waits == std::vector<std::optional<Millis>>{std::nullopt});
}

TEST_CASE("an attempt gets part of the time left, the last one all of it") {
    Call call{{failed(TransportErrorKind::Timeout, "timed out")}};
    CHECK(call.run(pinned(2, 0.0), Deadline::in(Millis(10000))) == 2);
    REQUIRE(call.attempt_time.size() == 2);
    CHECK(call.attempt_time[0] <= Millis(5000));
    CHECK(call.attempt_time[0] > Millis(4000));
    CHECK(call.attempt_time[1] > Millis(9000));
}

TEST_CASE("out of attempts, the last failure is the one the caller learns last") {
    Call call{{failed(TransportErrorKind::Refused, "refused 1"), failed(TransportErrorKind::Reset, "reset 2"),
               failed(TransportErrorKind::Timeout, "timed out 3")}};
    CHECK(call.run(pinned(3, 0.0), Deadline::in(Millis(60000))) == 3);
    CHECK(call.noted_errors == std::vector<std::string>{"refused 1", "reset 2", "timed out 3"});
    CHECK(call.noted_waits.back() == std::nullopt);
}
