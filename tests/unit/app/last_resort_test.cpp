// The last-resort watchdog ends the process, so each case runs it in a child process (fork) and
// looks at how the child ended and what its reporter was told. The child's time is a manual clock,
// but for one case, about the timer's thread and real time.
#include <doctest/doctest.h>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "app/last_resort.h"
#include "manual_time.h"

using ccs::Deadline;
using ccs::RunReport;
using ccs::TaskResult;
using ccs::app::LastResort;
using ccs::testing::ManualTime;
using Millis = std::chrono::milliseconds;

namespace {

// Writes "finish <outcome per task>" to a pipe, so the parent sees what the watchdog reported.
class PipeReporter : public ccs::report::Reporter {
public:
    explicit PipeReporter(int fd) : fd_(fd) {}
    // What the child itself says, in the same stream: how far it got before the watchdog.
    void note(const std::string& text) { (void)!::write(fd_, text.data(), text.size()); }
    void begin(const std::vector<std::string>&) override {}
    void log(const std::string&) override {}
    void invalid_input(const std::string&) override {}
    void finish(const RunReport& report) override {
        std::string text = "finish";
        for (const auto& task : report.tasks) text += " " + task.task_id + "=" + ccs::to_string(task.outcome);
        (void)!::write(fd_, text.data(), text.size());
    }

private:
    int fd_;
};

struct ChildEnd {
    int exit_code = -1;
    std::string reported;
    double seconds = 0;
};

// Runs `body` in a child with a reporter writing to a pipe; waits at most 5 s for it.
template <typename Body>
ChildEnd in_child(Body body) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const auto started = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        PipeReporter reporter(fds[1]);
        body(reporter);
        ::_exit(42);  // the body returned: the watchdog did not end the process
    }
    ::close(fds[1]);
    ChildEnd end;
    // Reads until the child has ended (its end of the pipe closes), for 5 s at most.
    const auto give_up = started + std::chrono::seconds(5);
    char buffer[256];
    for (;;) {
        const auto left = std::chrono::duration_cast<Millis>(give_up - std::chrono::steady_clock::now());
        pollfd entry{fds[0], POLLIN, 0};
        if (left <= Millis(0) || ::poll(&entry, 1, static_cast<int>(left.count())) == 0) {
            ::kill(pid, SIGKILL);
            break;
        }
        const ssize_t n = ::read(fds[0], buffer, sizeof(buffer));
        if (n <= 0) break;
        end.reported.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    end.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    end.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return end;
}

TaskResult stopped(const std::string& id) {
    TaskResult result;
    result.task_id = id;
    result.outcome = ccs::Outcome::Stopped;
    return result;
}

}  // namespace

TEST_CASE("past the deadline, the watchdog reports what it knows and ends the process") {
    const ChildEnd end = in_child([](PipeReporter& reporter) {
        ManualTime time;
        LastResort last_resort(Deadline::in(Millis(200), time), {"t1", "t2"}, reporter);
        last_resort.task_done(0, stopped("t1"));
        time.advance(Millis(699));  // the deadline, and not quite its half second
        reporter.note("699 ms: ");
        time.advance(Millis(1));  // the watchdog ends the process here
        reporter.note("700 ms: still running");
    });
    CHECK(end.reported == "699 ms: finish t1=stopped t2=failed");
    CHECK(end.exit_code == 1);
}

TEST_CASE("with the steady clock, the timer's thread ends the process half a second after the deadline") {
    const ChildEnd end = in_child([](PipeReporter& reporter) {
        LastResort last_resort(Deadline::in(Millis(200)), {"t1", "t2"}, reporter);
        last_resort.task_done(0, stopped("t1"));
        std::this_thread::sleep_for(std::chrono::seconds(3));  // a call that never returns in time
    });
    CHECK(end.reported == "finish t1=stopped t2=failed");
    CHECK(end.exit_code == 1);
    CHECK(end.seconds >= 0.6);  // the deadline, then its half second
    CHECK(end.seconds < 1.5);   // deadline + 1 s, with room for a loaded machine
}

TEST_CASE("a run that ends in time disarms it: the watchdog reports nothing and the process goes on") {
    const ChildEnd end = in_child([](PipeReporter& reporter) {
        ManualTime time;
        LastResort last_resort(Deadline::in(Millis(200), time), {"t1"}, reporter);
        last_resort.task_done(0, stopped("t1"));
        last_resort.disarm();
        time.advance(Millis(900));  // past the deadline and the half second
    });
    CHECK(end.reported.empty());
    CHECK(end.exit_code == 42);
}

TEST_CASE("a cut deadline brings the watchdog forward") {
    const ChildEnd end = in_child([](PipeReporter& reporter) {
        ManualTime time;
        ccs::CancellableDeadline owner(time.now() + std::chrono::seconds(60), time);
        LastResort last_resort(owner.deadline(), {"t1"}, reporter);
        owner.cut_to(time.now() + Millis(100));
        time.advance(Millis(599));
        reporter.note("599 ms: ");
        time.advance(Millis(1));
    });
    CHECK(end.reported == "599 ms: finish t1=failed");
    CHECK(end.exit_code == 1);
}

TEST_CASE("a watch's exit code (124 after a timeout) survives the watchdog, whatever the tasks' results") {
    const ChildEnd end = in_child([](PipeReporter& reporter) {
        ManualTime time;
        LastResort last_resort(Deadline::in(Millis(200), time), {"t1"}, reporter, 124);
        time.advance(Millis(700));  // a stop that never returns in time
    });
    CHECK(end.reported == "finish t1=failed");
    CHECK(end.exit_code == 124);
}
