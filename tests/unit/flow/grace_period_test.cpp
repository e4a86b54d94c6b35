// The second-signal rule: the first signal leaves a stop its grace from then on, a second ends it now.
#include <doctest/doctest.h>

#include <signal.h>

#include "flow/grace_period.h"

using ccs::flow::SignalCount;
using namespace std::chrono_literals;

TEST_CASE("the first signal gives the grace from its own time; a second (or more) ends the stop now") {
    SignalCount signals;
    CHECK(signals.count() == 0);
    CHECK(signals.first() == 0);
    const auto before = SignalCount::Clock::now();
    CHECK(signals.received(SIGTERM) == SignalCount::Turn::First);
    CHECK(signals.first() == SIGTERM);
    CHECK(signals.first_at() >= before);
    CHECK(signals.stop_by(6s, signals.first_at() + 1s) == signals.first_at() + 6s);

    CHECK(signals.received(SIGINT) == SignalCount::Turn::Second);
    CHECK(signals.first() == SIGTERM);
    const auto now = signals.first_at() + 1s;
    CHECK(signals.stop_by(6s, now) == now);
    CHECK(signals.stop_by(500ms, now) == signals.first_at() + 500ms);  // never more than it had

    CHECK(signals.received(SIGINT) == SignalCount::Turn::Later);
    CHECK(signals.count() == 3);
}
