// Run mode's progress block on a terminal: the exact bytes for given events and widths, and the plain
// reporter choosing between it and log lines.
#include <doctest/doctest.h>

#include <string>

#include "captured_reporter.h"
#include "report/progress_block.h"
#include "report_samples.h"

using namespace ccs;
using namespace ccs::report;

namespace {

const std::string erase = "\r\x1b[2K";  // to the line's start, and the line erased

ProgressEvent look(const std::string& task, const std::string& state, const std::string& ratio,
                   const std::string& info, const std::string& line = "") {
    ProgressEvent event;
    event.task_id = task;
    event.state = state;
    event.ratio = ratio;
    event.info = info;
    if (!line.empty()) event.line = line;
    return event;
}

ReportSettings on_terminal(int columns, CiKind ci = CiKind::Plain) {
    ReportSettings settings;
    settings.ci = ci;
    settings.terminal_columns = columns;
    return settings;
}

}  // namespace

TEST_CASE("progress row: the parts two spaces apart; empty parts left out") {
    CHECK(progress_row("T1", "running", "45%", "scanning", 80) == "T1  running  45%  scanning");
    CHECK(progress_row("T1", "started", "", "", 80) == "T1  started");
}

TEST_CASE("progress row: trimmed to the width less one column, with an ellipsis") {
    // 80 columns: at most 79, the last of them the ellipsis.
    const std::string row = progress_row("T1", "running", "45%", std::string(100, 'x'), 80);
    CHECK(row == "T1  running  45%  " + std::string(60, 'x') + "…");
    CHECK(progress_row("T1", "running", "45%", std::string(61, 'x'), 80) ==
          "T1  running  45%  " + std::string(61, 'x'));  // 79 columns: fits
    // Wide characters take two columns each, and are never cut in half: 20 columns, 19 usable.
    CHECK(progress_row("T1", "running", "扫描中扫描中扫描中", "", 20) == "T1  running  扫描…");
}

TEST_CASE("progress row: the service's control characters never reach the terminal") {
    const std::string hostile =
        "50%\x1b[2J\r\n\x7f\xc2\x9b"
        "31m\xff";
    const std::string row = progress_row("T1", "running", hostile, "a\tb", 80);
    CHECK(row == "T1  running  50% [2J    31m?  a b");
    CHECK(row.find('\x1b') == std::string::npos);
    CHECK(row.find('\r') == std::string::npos);
}

TEST_CASE("progress block: rows drawn, then redrawn in place; lines go above it") {
    ProgressBlock block(80);
    CHECK(block.above("before\n") == "before\n");  // no block yet: the line as it is
    CHECK(block.update("T1", "running", "10%", "queued") == erase + "T1  running  10%  queued\n");
    CHECK(block.update("T2", "started", "", "") ==
          "\x1b[1A" + erase + "T1  running  10%  queued\n" + erase + "T2  started\n");
    CHECK(block.update("T1", "running", "45%", "scanning") ==
          "\x1b[2A" + erase + "T1  running  45%  scanning\n" + erase + "T2  started\n");
    CHECK(block.above("a log line\n") ==
          "\x1b[2A\r\x1b[J"
          "a log line\n" +
              erase + "T1  running  45%  scanning\n" + erase + "T2  started\n");
    block.leave();  // the block stays as it is; what follows is written under it
    CHECK(block.above("the result\n") == "the result\n");
}

TEST_CASE("progress block: past its rows, the other tasks share one last row") {
    ProgressBlock block(80, 2);
    CHECK_FALSE(block.update("T1", "running", "", "").empty());
    CHECK_FALSE(block.update("T2", "running", "", "").empty());
    CHECK(block.update("T3", "running", "", "") ==
          "\x1b[2A" + erase + "T1  running\n" + erase + "T2  running\n" + erase + "... and 1 more task(s)\n");
    CHECK(block.update("T3", "running", "50%", "") ==
          "\x1b[3A" + erase + "T1  running\n" + erase + "T2  running\n" + erase + "... and 1 more task(s)\n");
    // Many rows set at once, drawn once.
    block.set("T1", "passed", "", "");
    block.set("T4", "failed", "", "");
    CHECK(block.redraw() ==
          "\x1b[3A" + erase + "T1  passed\n" + erase + "T2  running\n" + erase + "... and 2 more task(s)\n");
}

TEST_CASE("plain reporter, not on a terminal: a look's line when it is due, nothing else") {
    test::CapturedReporter run;
    run.reporter->progress(look("T1", "running", "45%", "scanning", "task T1: 45% scanning"));
    run.reporter->progress(look("T1", "running", "45%", "scanning"));  // no line due
    CHECK(run.err.str() == "codearts-check-stop: task T1: 45% scanning\n");
}

TEST_CASE("plain reporter in a CI's log, even on a pty: log lines, no escapes") {
    for (const CiKind ci : {CiKind::GitLab, CiKind::Jenkins}) {
        test::CapturedReporter run(on_terminal(80, ci));
        run.reporter->progress(look("T1", "running", "45%", "scanning", "task T1: 45% scanning"));
        CHECK(run.err.str().find("task T1: 45% scanning\n") != std::string::npos);
        // (GitLab's section markers are escapes of their own; none of the block's.)
        CHECK(run.err.str().find("\x1b[2K") == std::string::npos);
        CHECK(run.err.str().find("\x1b[J") == std::string::npos);
    }
}

TEST_CASE("plain reporter on a terminal: the block, log lines above it, each task's status left on it") {
    test::CapturedReporter run(on_terminal(40));
    run.reporter->begin({samples::secret});
    run.reporter->progress(look("run222", "running", "45%", "scanning " + samples::secret, "ignored"));
    run.reporter->log("task run222: check started");
    std::string expected = erase + "run222  running  45%  scanning ***\n" + "\x1b[1A\r\x1b[J" +
                           "codearts-check-stop: task run222: check started\n" + erase +
                           "run222  running  45%  scanning ***\n";
    CHECK(run.err.str() == expected);
    RunReport report;
    report.tasks = {samples::checked("run222", CheckStatus::GateFailed)};
    run.reporter->finish(report);
    expected += "\x1b[1A" + erase + "run222  gate-failed\n";
    CHECK(run.err.str().substr(0, expected.size()) == expected);
    // The results come under the block, as plain lines.
    const std::string rest = run.err.str().substr(expected.size());
    CHECK(rest.rfind("codearts-check-stop: ", 0) == 0);
    CHECK(rest.find('\x1b') == std::string::npos);
}
