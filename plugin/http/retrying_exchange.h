// One call's attempts: a fresh request for each attempt (a signature carries its own time), sent by
// the function it is given (a connection's send; a stand-in in tests), the answer judged by the
// caller, another attempt while the caller calls the failure transient and the policy and the
// deadline leave room. Shared by every client (the CodeArts Check API, IAM, the GitHub id-token
// service), so they all retry the same way.
#pragma once

#include <chrono>
#include <functional>
#include <optional>

#include "core/deadline.h"
#include "core/http_message.h"
#include "core/url.h"
#include "http/endpoint_list.h"
#include "http/retry_policy.h"
#include "http/transport.h"

namespace ccs::http {

// What the caller learns about each attempt once it is judged, for its log line.
struct Attempt {
    int number = 1;                                 // 1 for the first
    const HttpRequest& request;                     // as sent
    const Exchange& exchange;                       // the answer, or why there was none
    std::optional<std::chrono::milliseconds> wait;  // before the next attempt; nullopt: none follows
};

using MakeRequest = std::function<HttpRequest()>;
// Sends one request within the deadline it is given and returns the answer, or why there is none.
using Send = std::function<Exchange(const HttpRequest& request, const Deadline& deadline)>;
// Whether this exchange failed in a way worth another attempt (false: success, or a final failure).
using IsTransient = std::function<bool(const Exchange&)>;
using NoteAttempt = std::function<void(const Attempt&)>;
// Waits between attempts; empty: the deadline's own sleep, which a signal's cut wakes early.
using Sleep = std::function<void(std::chrono::milliseconds)>;

// Whether a call that got no answer for this reason may succeed when tried again: connection trouble
// and timeouts may pass; a certificate that does not verify, a name that does not resolve or an
// oversized answer will be the same a second later.
bool worth_retrying(TransportErrorKind kind);

// An attempt that moved on to another endpoint (http/endpoint_list.h), for the caller's log line.
struct Failover {
    const std::string& from;   // the endpoint that could not be reached
    const Exchange& exchange;  // why
    const std::string& to;     // the one tried next, with what is left of the attempt's time
};
using NoteFailover = std::function<void(const Failover&)>;
// The request for one endpoint (its Host header, its base path, a signature over both).
using MakeRequestFor = std::function<HttpRequest(const ServiceUrl& endpoint)>;

// Returns the number of attempts made (at least 1). Each attempt gets part of the time left
// (RetryPolicy::attempt_budget); the Retry-After header of an answer, when given in seconds, is the
// least wait before the next attempt.
int exchange_with_retries(const Send& send, const RetryPolicy& policy, const Deadline& deadline,
                          const MakeRequest& make_request, const IsTransient& is_transient,
                          const NoteAttempt& note, const Sleep& sleep = {});

// The same over one connection.
int exchange_with_retries(Connection& connection, const RetryPolicy& policy, const Deadline& deadline,
                          const MakeRequest& make_request, const IsTransient& is_transient,
                          const NoteAttempt& note, const Sleep& sleep = {});

// The same over a service's endpoints: an attempt that cannot reach the current endpoint moves on to
// the next within the same attempt (its time budget and its number), each endpoint at most once per
// attempt; answers are judged and retried as above.
int exchange_with_retries(EndpointList& endpoints, const RetryPolicy& policy, const Deadline& deadline,
                          const MakeRequestFor& make_request, const IsTransient& is_transient,
                          const NoteAttempt& note, const NoteFailover& note_failover,
                          const Sleep& sleep = {});

}  // namespace ccs::http
