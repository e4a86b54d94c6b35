// A stop that is itself interrupted: it gets the grace budget from the first signal, a second signal
// ends it at once, and either way it reports what happened.
#include <doctest/doctest.h>

#include <Poco/JSON/Object.h>

#include "interrupt_helpers.h"
#include "program.h"
#include "support/json_result.h"

using namespace ccs::test;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

const std::string token = "tok-S3CR3T-grace-77d0e2";
const std::string task = "2b31ed520000000ebedb6e57000000b2";

EmulatorOptions running_task() {
    return one_running_task(token, task);
}

// The progress answers; the stop hangs (the emulator holds it up to 120 s).
const char* const hanging_stop = R"({"rules":[{"call":"stop","fault":"hang"}]})";

std::vector<std::string> stop_args(const Emulator& emulator, const std::string& grace) {
    return joined(emulator_flags(emulator, token),
                  {"--task-id", task, "--timeout", "60s", "--grace", grace, "--json"});
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

TEST_CASE("a stop whose server hangs ends by the grace budget after SIGTERM, with failed reported") {
    for (const int signal : {SIGTERM, SIGINT, SIGHUP}) {
        CAPTURE(signal);
        Emulator emulator(running_task());
        emulator.load_scenario(hanging_stop);
        BackgroundProgram program(stop_args(emulator, "1s"), {});
        // The stop is sent and hangs: its socket timeout is what is left of --timeout 60s.
        REQUIRE(eventually([&] { return !requests_to(emulator, "/stop").empty(); }));
        const auto signalled = Clock::now();
        REQUIRE(program.signal(signal));
        CHECK(program.finish() == 1);
        const double took = seconds_since(signalled);
        CHECK(took >= 0.9);
        CHECK(took < 2.5);
        CHECK(task_outcome(program.out()) == "failed");
        CHECK(contains(program.err(), "--grace"));
    }
}

TEST_CASE("a second signal ends the stop at once, and it still reports what happened") {
    Emulator emulator(running_task());
    emulator.load_scenario(hanging_stop);
    BackgroundProgram program(stop_args(emulator, "30s"), {});
    REQUIRE(eventually([&] { return !requests_to(emulator, "/stop").empty(); }));
    const auto signalled = Clock::now();
    REQUIRE(program.signal(SIGTERM));
    std::this_thread::sleep_for(milliseconds(300));
    REQUIRE(program.signal(SIGINT));
    CHECK(program.finish() == 1);
    CHECK(seconds_since(signalled) < 2.5);
    CHECK(task_outcome(program.out()) == "failed");
    CHECK(contains(program.err(), "a second signal"));
}
