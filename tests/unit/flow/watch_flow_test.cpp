// The watch flow with a scripted command: what ends it, what the command receives, and that the stop
// runs while the command is still shutting down.
#include <doctest/doctest.h>

#include <signal.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "flow/watch_flow.h"

using namespace ccs;
using Clock = Deadline::Clock;
using Millis = std::chrono::milliseconds;

namespace {

// A command that records the signals it gets and ends as told: after `exit_delay` on a terminating
// signal (unless it ignores them), at once on SIGKILL, or by itself via end().
class ScriptedCommand {
public:
    explicit ScriptedCommand(flow::Watch& watch) : watch_(watch) {}
    ~ScriptedCommand() {
        for (auto& thread : threads_) thread.join();
    }

    Millis exit_delay{100};
    bool ignores_termination = false;

    void end(int code) {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            if (code_) return;
            code_ = code;
        }
        ended_.notify_all();
        watch_.command_exited();
    }

    void end_after(Millis delay, int code) {
        threads_.emplace_back([this, delay, code] {
            std::this_thread::sleep_for(delay);
            end(code);
        });
    }

    bool ended() const {
        const std::lock_guard<std::mutex> lock(mutex_);
        return code_.has_value();
    }

    std::vector<int> signals() const {
        const std::lock_guard<std::mutex> lock(mutex_);
        return signals_;
    }

    flow::WatchedCommand watched() {
        return {[this](int signal) { receive(signal); },
                [this](Clock::time_point until) {
                    std::unique_lock<std::mutex> lock(mutex_);
                    ended_.wait_until(lock, until, [this] { return code_.has_value(); });
                    return code_;
                }};
    }

private:
    void receive(int signal) {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            signals_.push_back(signal);
            if (code_) return;
        }
        if (signal == SIGKILL) {
            end_after(Millis(0), 128 + SIGKILL);
        } else if (!ignores_termination) {
            end_after(exit_delay, 128 + signal);
        }
    }

    flow::Watch& watch_;
    mutable std::mutex mutex_;
    std::condition_variable ended_;
    std::optional<int> code_;
    std::vector<int> signals_;
    std::vector<std::thread> threads_;
};

const flow::Log quiet = [](const std::string&) {};

RunReport one_stopped_task() {
    RunReport report;
    TaskResult task;
    task.task_id = "T1";
    task.outcome = Outcome::Stopped;
    report.tasks.push_back(task);
    return report;
}

// What the stop saw when it was called.
struct StopSeen {
    std::atomic<int> calls{0};
    std::atomic<bool> command_had_ended{false};
    std::atomic<long long> budget_ms{0};
    std::atomic<int> exit_code{-1};  // the one it was told the run ends with
};

flow::StopBy recording_stop(StopSeen& seen, ScriptedCommand*& command) {
    return [&seen, &command](const Deadline& deadline, int exit_code) {
        ++seen.calls;
        seen.exit_code = exit_code;
        seen.command_had_ended = command->ended();
        seen.budget_ms = deadline.remaining().count();
        return one_stopped_task();
    };
}

Millis since(Clock::time_point start) {
    return std::chrono::duration_cast<Millis>(Clock::now() - start);
}

}  // namespace

TEST_CASE("a command that ends by itself: its own exit code, and no stop") {
    StopSeen seen;
    ScriptedCommand* command = nullptr;
    flow::Watch watch({Millis(5000), Millis(2000)}, recording_stop(seen, command), quiet);
    ScriptedCommand scripted(watch);
    command = &scripted;
    scripted.end_after(Millis(50), 3);
    const flow::WatchResult result = watch.run(scripted.watched());
    CHECK(result.end == flow::WatchEnd::CommandExited);
    CHECK(result.exit_code == 3);
    CHECK_FALSE(result.stop);
    CHECK(seen.calls == 0);
    CHECK(scripted.signals().empty());
}

TEST_CASE("timeout: the command gets SIGTERM, the stop runs while it shuts down, exit 124") {
    StopSeen seen;
    ScriptedCommand* command = nullptr;
    flow::Watch watch({Millis(100), Millis(2000)}, recording_stop(seen, command), quiet);
    ScriptedCommand scripted(watch);
    command = &scripted;
    scripted.exit_delay = Millis(300);
    const auto start = Clock::now();
    const flow::WatchResult result = watch.run(scripted.watched());
    CHECK(since(start) >= Millis(100));
    CHECK(result.end == flow::WatchEnd::TimedOut);
    CHECK(result.exit_code == 124);
    REQUIRE(result.stop);
    CHECK(result.stop->exit_code == 124);
    CHECK(seen.calls == 1);
    CHECK(seen.exit_code == 124);
    CHECK_FALSE(seen.command_had_ended);
    CHECK(seen.budget_ms > 1500);
    CHECK(seen.budget_ms <= 2000);
    CHECK(scripted.signals() == std::vector<int>{SIGTERM});
    CHECK(scripted.ended());
}

TEST_CASE("a signal is passed on at once and the tasks are stopped: exit 128 + N") {
    StopSeen seen;
    ScriptedCommand* command = nullptr;
    flow::Watch watch({std::nullopt, Millis(2000)}, recording_stop(seen, command), quiet);
    ScriptedCommand scripted(watch);
    command = &scripted;
    std::thread interrupter([&watch] {
        std::this_thread::sleep_for(Millis(50));
        watch.signal_received(SIGINT);
    });
    const flow::WatchResult result = watch.run(scripted.watched());
    interrupter.join();
    CHECK(result.end == flow::WatchEnd::Signalled);
    CHECK(result.signal == SIGINT);
    CHECK(result.exit_code == 130);
    CHECK(seen.calls == 1);
    CHECK(seen.exit_code == 130);
    CHECK_FALSE(seen.command_had_ended);
    CHECK(scripted.signals() == std::vector<int>{SIGINT});
}

TEST_CASE("a signal that came before run() is passed on when the command is there") {
    StopSeen seen;
    ScriptedCommand* command = nullptr;
    flow::Watch watch({std::nullopt, Millis(2000)}, recording_stop(seen, command), quiet);
    ScriptedCommand scripted(watch);
    command = &scripted;
    watch.signal_received(SIGTERM);
    const flow::WatchResult result = watch.run(scripted.watched());
    CHECK(result.exit_code == 143);
    CHECK(scripted.signals() == std::vector<int>{SIGTERM});
    CHECK(seen.calls == 1);
}

TEST_CASE("a command that ignores SIGTERM is killed when the grace is spent") {
    StopSeen seen;
    ScriptedCommand* command = nullptr;
    flow::Watch watch({Millis(50), Millis(400)}, recording_stop(seen, command), quiet);
    ScriptedCommand scripted(watch);
    command = &scripted;
    scripted.ignores_termination = true;
    const auto start = Clock::now();
    const flow::WatchResult result = watch.run(scripted.watched());
    CHECK(since(start) >= Millis(400));
    CHECK(since(start) < Millis(3000));
    CHECK(result.exit_code == 124);
    CHECK(scripted.signals() == std::vector<int>{SIGTERM, SIGKILL});
}

TEST_CASE("a second signal ends the stop now, and the command is not waited for any longer") {
    std::atomic<bool> stop_started{false};
    const flow::StopBy slow_stop = [&stop_started](const Deadline& deadline, int) {
        stop_started = true;
        deadline.sleep_for(Millis(20000));  // a stop that would take all its grace
        return one_stopped_task();
    };
    flow::Watch watch({std::nullopt, Millis(20000)}, slow_stop, quiet);
    ScriptedCommand scripted(watch);
    scripted.ignores_termination = true;
    std::thread interrupter([&watch, &stop_started] {
        watch.signal_received(SIGTERM);
        for (int i = 0; i < 200 && !stop_started; ++i) std::this_thread::sleep_for(Millis(10));
        std::this_thread::sleep_for(Millis(100));
        watch.signal_received(SIGINT);
    });
    const auto start = Clock::now();
    const flow::WatchResult result = watch.run(scripted.watched());
    interrupter.join();
    CHECK(since(start) < Millis(5000));
    CHECK(result.exit_code == 143);  // the first signal's
    REQUIRE(result.stop);
    CHECK(scripted.signals() == std::vector<int>{SIGTERM, SIGINT, SIGKILL});
}
