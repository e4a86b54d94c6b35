#include "http/retrying_exchange.h"

namespace ccs::http {

namespace {

std::optional<std::chrono::milliseconds> retry_after(const Exchange& exchange) {
    if (!exchange.answered()) return std::nullopt;
    const std::string* header = exchange.response->header("Retry-After");
    return header ? parse_retry_after(*header) : std::nullopt;
}

}  // namespace

bool worth_retrying(TransportErrorKind kind) {
    switch (kind) {
        case TransportErrorKind::Refused:
        case TransportErrorKind::Reset:
        case TransportErrorKind::Timeout:
        case TransportErrorKind::Malformed:
        case TransportErrorKind::Other: return true;
        case TransportErrorKind::Tls:
        case TransportErrorKind::Dns:
        case TransportErrorKind::TooLarge:
        case TransportErrorKind::Unsendable: return false;
    }
    return false;
}

int exchange_with_retries(Connection& connection, const RetryPolicy& policy, const Deadline& deadline,
                          const MakeRequest& make_request, const IsTransient& is_transient,
                          const NoteAttempt& note, const Sleep& sleep) {
    for (int attempt = 1;; ++attempt) {
        const HttpRequest request = make_request();
        // Not all of the time left: an attempt that hangs must leave time for the next one.
        const Exchange exchange =
            connection.send(request, deadline.capped(policy.attempt_budget(attempt, deadline.remaining())));
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

}  // namespace ccs::http
