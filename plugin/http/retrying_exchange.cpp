#include "http/retrying_exchange.h"

namespace ccs::http {

namespace {

std::optional<std::chrono::milliseconds> retry_after(const Exchange& exchange) {
    if (!exchange.answered()) return std::nullopt;
    const std::string* header = exchange.response->header("Retry-After");
    return header ? parse_retry_after(*header) : std::nullopt;
}

// Sends one attempt within the deadline it is given, filling in the request it sent last.
using SendAttempt = std::function<Exchange(const Deadline& attempt_deadline, HttpRequest& sent)>;

int run_attempts(const RetryPolicy& policy, const Deadline& deadline, const SendAttempt& send,
                 const IsTransient& is_transient, const NoteAttempt& note, const Sleep& sleep) {
    for (int attempt = 1;; ++attempt) {
        HttpRequest request;
        // Not all of the time left: an attempt that hangs must leave time for the next one.
        const Exchange exchange =
            send(deadline.capped(policy.attempt_budget(attempt, deadline.remaining())), request);
        const bool transient = is_transient(exchange);
        const auto wait = policy.next_wait(attempt, transient, retry_after(exchange), deadline);
        note(Attempt{attempt, request, exchange, wait});
        if (!wait) return attempt;
        if (sleep) {
            sleep(*wait);
        } else {
            deadline.sleep_for(*wait);
        }
    }
}

}  // namespace

bool worth_retrying(TransportErrorKind kind) {
    switch (kind) {
        case TransportErrorKind::Refused:
        case TransportErrorKind::Reset:
        case TransportErrorKind::Timeout:
        case TransportErrorKind::Malformed:
        case TransportErrorKind::LocalLimit:  // another task's connection may close and free a descriptor
        case TransportErrorKind::Other: return true;
        case TransportErrorKind::Tls:
        case TransportErrorKind::Dns:
        case TransportErrorKind::TooLarge:
        case TransportErrorKind::Unsendable: return false;
    }
    return false;
}

int exchange_with_retries(const Send& send, const RetryPolicy& policy, const Deadline& deadline,
                          const MakeRequest& make_request, const IsTransient& is_transient,
                          const NoteAttempt& note, const Sleep& sleep) {
    const SendAttempt attempt = [&](const Deadline& attempt_deadline, HttpRequest& sent) {
        sent = make_request();
        return send(sent, attempt_deadline);
    };
    return run_attempts(policy, deadline, attempt, is_transient, note, sleep);
}

int exchange_with_retries(Connection& connection, const RetryPolicy& policy, const Deadline& deadline,
                          const MakeRequest& make_request, const IsTransient& is_transient,
                          const NoteAttempt& note, const Sleep& sleep) {
    const Send send = [&connection](const HttpRequest& request, const Deadline& attempt_deadline) {
        return connection.send(request, attempt_deadline);
    };
    return exchange_with_retries(send, policy, deadline, make_request, is_transient, note, sleep);
}

int exchange_with_retries(EndpointList& endpoints, const RetryPolicy& policy, const Deadline& deadline,
                          const MakeRequestFor& make_request, const IsTransient& is_transient,
                          const NoteAttempt& note, const NoteFailover& note_failover, const Sleep& sleep) {
    const SendAttempt send = [&](const Deadline& attempt_deadline, HttpRequest& sent) {
        for (std::size_t tried = 1;; ++tried) {
            sent = make_request(endpoints.url());
            Exchange exchange = endpoints.connection().send(sent, attempt_deadline);
            if (tried == endpoints.size() || !worth_failing_over(exchange)) return exchange;
            const std::string from = endpoints.url().url;
            endpoints.next();
            if (note_failover) note_failover(Failover{from, exchange, endpoints.url().url});
        }
    };
    return run_attempts(policy, deadline, send, is_transient, note, sleep);
}

}  // namespace ccs::http
