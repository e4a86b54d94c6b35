// The findings fetch against a scripted service: pages, duplicates, resolved findings, failures for
// now and for good, the cap, the deadline and hostile paths, on a clock that never sleeps.
#include <doctest/doctest.h>

#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "fake_calls.h"
#include "flow/findings_flow.h"
#include "jumping_time.h"

using namespace ccs;
using api::CallResult;
using api::ErrorClass;
using api::PageDefect;
using ccs::testing::JumpingTime;
using ccs::testing::unreachable;
using namespace std::chrono_literals;

namespace {

PageDefect defect(const std::string& id, Severity severity = Severity::Minor,
                  const std::string& path = "src/a.cpp", long line = 1, const std::string& status = "0") {
    PageDefect entry;
    entry.finding.defect_id = id;
    entry.finding.severity = severity;
    entry.finding.service_path = path;
    entry.finding.line = line;
    entry.finding.rule = "rule-" + id;
    entry.finding.message = "message of " + id;
    entry.status = status;
    return entry;
}

CallResult page(long long total, std::vector<PageDefect> defects) {
    CallResult result;
    result.succeeded = true;
    result.http_status = 200;
    result.attempts = 1;
    api::DefectsPage answer;
    answer.total = total;
    answer.entries = static_cast<long long>(defects.size());
    answer.defects = std::move(defects);
    result.defects = answer;
    return result;
}

CallResult failure(ErrorClass error_class, const std::string& code) {
    CallResult result;
    result.http_status = 400;
    result.service_error = api::ServiceError{code, "message of " + code};
    result.error_class = error_class;
    result.attempts = 1;
    return result;
}

// Answers per task and offset (the last answer of each repeats); records every call.
class PagedService {
public:
    std::map<std::pair<std::string, long long>, std::deque<CallResult>> answers;
    std::vector<std::string> calls;  // "T1 offset=100 limit=100 unresolved"

    // `count` findings of `severity` (ids "<task>-<n>"), served `per_page` at a time.
    void serve(const std::string& task, int count, Severity severity = Severity::Minor, int per_page = 100) {
        for (int offset = 0; offset < count; offset += per_page) {
            std::vector<PageDefect> defects;
            for (int n = offset; n < count && n < offset + per_page; ++n)
                defects.push_back(defect(task + "-" + std::to_string(n), severity, "src/f.cpp", n + 1));
            answers[{task, offset}] = {page(count, defects)};
        }
    }

    CallResult answer(const std::string& task, long long offset, int limit, bool unresolved) {
        const std::lock_guard<std::mutex> lock(mutex_);
        calls.push_back(task + " offset=" + std::to_string(offset) + " limit=" + std::to_string(limit) +
                        (unresolved ? " unresolved" : ""));
        REQUIRE(calls.size() < 1000);  // a fetch that never ends fails here instead
        auto found = answers.find({task, offset});
        REQUIRE_MESSAGE(found != answers.end(), "no answer for " << task << " at " << offset);
        std::deque<CallResult>& script = found->second;
        CallResult result = script.front();
        if (script.size() > 1) script.pop_front();
        return result;
    }

private:
    std::mutex mutex_;
};

struct Fetch {
    JumpingTime time;
    PagedService service;
    flow::FindingsSettings settings;
    std::vector<std::string> lines;
    std::mutex mutex;

    FindingsReport run(const std::vector<std::string>& tasks, std::chrono::milliseconds budget = 10min) {
        return run(tasks, Deadline::in(budget, time));
    }

    FindingsReport run(const std::vector<std::string>& tasks, const Deadline& deadline) {
        const flow::ApiFactory factory = [this]() {
            struct Forward : api::TaskApi {
                explicit Forward(PagedService& to) : service(to) {}
                PagedService& service;
                CallResult stop(const std::string&, const Deadline&) override { return unused(); }
                CallResult progress(const std::string&, const Deadline&) override { return unused(); }
                CallResult run(const std::string&, const std::string&, const Deadline&) override {
                    return unused();
                }
                CallResult defects_summary(const std::string&, const Deadline&) override { return unused(); }
                CallResult defects_statistic(const std::string&, const Deadline&) override {
                    return unused();
                }
                CallResult defects_detail(const std::string& id, long long offset, int limit, bool unresolved,
                                          const Deadline&) override {
                    return service.answer(id, offset, limit, unresolved);
                }
                static CallResult unused() {
                    FAIL("the findings fetch reads pages only");
                    return {};
                }
            };
            return std::make_unique<Forward>(service);
        };
        const flow::Log log = [this](const std::string& line) {
            const std::lock_guard<std::mutex> lock(mutex);
            lines.push_back(line);
        };
        return flow::fetch_findings(tasks, settings, factory, deadline, log);
    }

    bool logged(const std::string& part) const {
        for (const auto& line : lines) {
            if (line.find(part) != std::string::npos) return true;
        }
        return false;
    }
};

std::vector<std::string> ids(const FindingsReport& report) {
    std::vector<std::string> ids;
    for (const Finding& finding : report.findings) ids.push_back(finding.defect_id);
    return ids;
}

}  // namespace

TEST_CASE("findings over several pages: every page read, each finding once, located and logged") {
    Fetch fetch;
    fetch.service.serve("T1", 250);
    const FindingsReport report = fetch.run({"T1"});
    CHECK(fetch.service.calls == std::vector<std::string>{"T1 offset=0 limit=100 unresolved",
                                                          "T1 offset=100 limit=100 unresolved",
                                                          "T1 offset=200 limit=100 unresolved"});
    REQUIRE(report.tasks.size() == 1);
    const TaskFindings& task = report.tasks[0];
    CHECK(task.complete);
    CHECK(report.complete());
    CHECK(task.problem.empty());
    CHECK(task.total == 250);
    CHECK(task.kept == 250);
    REQUIRE(report.findings.size() == 250);
    CHECK(report.findings[0].task_id == "T1");
    CHECK(report.findings[0].path == "src/f.cpp");
    CHECK(report.findings[0].line == 1);
    CHECK(report.findings[249].line == 250);
    CHECK(report.counts().minor == 250);
    CHECK(report.max_findings == 5000);
    CHECK(fetch.logged("task T1: 250 findings (of 250) read in 3 pages"));
    CHECK(fetch.time.waits.empty());
}

TEST_CASE("duplicates across and within pages are kept once; a long page moves the offset by the limit") {
    Fetch fetch;
    fetch.settings.page_size = 2;
    // The service's total counts d1..d5; page 0 holds three entries for a limit of 2 (d2 twice), and
    // d2 comes again on the next page, as the real service's pages do.
    fetch.service.answers[{"T1", 0}] = {page(5, {defect("d1"), defect("d2"), defect("d2")})};
    fetch.service.answers[{"T1", 2}] = {page(5, {defect("d2"), defect("d3"), defect("d4")})};
    fetch.service.answers[{"T1", 4}] = {page(5, {defect("d5")})};
    const FindingsReport report = fetch.run({"T1"});
    CHECK(fetch.service.calls.size() == 3);
    CHECK(report.tasks[0].complete);
    CHECK(report.tasks[0].kept == 5);
    CHECK(ids(report) == std::vector<std::string>{"d1", "d2", "d3", "d4", "d5"});
    CHECK(fetch.logged("5 findings (of 5) read in 3 pages (2 duplicates left out)"));
}

TEST_CASE("a page a service shortens moves the offset by what it held") {
    Fetch fetch;
    fetch.service.serve("T1", 120, Severity::Minor, 50);  // a service that gives at most 50 a page
    const FindingsReport report = fetch.run({"T1"});
    CHECK(fetch.service.calls.back() == "T1 offset=100 limit=100 unresolved");
    CHECK(fetch.service.calls.size() == 3);
    CHECK(report.tasks[0].complete);
    CHECK(report.tasks[0].kept == 120);
}

TEST_CASE("a page that fails for now is asked again after a wait, and the fetch completes") {
    Fetch fetch;
    fetch.service.serve("T1", 150);
    fetch.service.answers[{"T1", 100}].push_front(unreachable());
    const FindingsReport report = fetch.run({"T1"});
    CHECK(fetch.service.calls.size() == 3);
    CHECK(fetch.service.calls[1] == fetch.service.calls[2]);  // the same page again
    CHECK(fetch.time.waits == std::vector<std::chrono::milliseconds>{1s});
    CHECK(report.tasks[0].complete);
    CHECK(report.tasks[0].kept == 150);
    CHECK(fetch.logged(
        "task T1: the page at offset 100 failed for now (timed out: timed out); asking again in 1 s"));
}

TEST_CASE("a page that cannot be read makes the task partial, with what was read before it") {
    Fetch fetch;
    fetch.service.serve("T1", 250);
    fetch.service.answers[{"T1", 100}] = {failure(ErrorClass::Rejected, "CC.00050000")};
    const FindingsReport report = fetch.run({"T1"});
    const TaskFindings& task = report.tasks[0];
    CHECK_FALSE(task.complete);
    CHECK_FALSE(report.complete());
    CHECK(task.problem ==
          "the page at offset 100 could not be read: HTTP 400 CC.00050000: message of CC.00050000; "
          "100 of 250 findings kept");
    CHECK(task.kept == 100);
    CHECK(report.findings.size() == 100);
    CHECK(fetch.service.calls.size() == 2);  // not tried again
    CHECK_FALSE(task.credentials_refused);
    CHECK(fetch.logged("task T1: 100 findings (of 250) read in 1 page; partial: the page at offset 100"));
}

TEST_CASE("refused credentials on the first page: nothing read, the total unknown") {
    Fetch fetch;
    fetch.service.answers[{"T1", 0}] = {failure(ErrorClass::Auth, "CC.00000003")};
    const FindingsReport report = fetch.run({"T1"});
    CHECK_FALSE(report.tasks[0].complete);
    CHECK_FALSE(report.tasks[0].total);
    CHECK(report.tasks[0].problem.find("refused the credentials") != std::string::npos);
    CHECK(report.tasks[0].problem.find("0 of an unknown number of findings kept") != std::string::npos);
    CHECK(report.tasks[0].credentials_refused);
}

TEST_CASE("the deadline: a page failing for now until then, or no time at all, leaves the task partial") {
    SUBCASE("failing for now until the deadline") {
        Fetch fetch;
        fetch.service.serve("T1", 250);
        fetch.service.answers[{"T1", 100}] = {unreachable()};
        const FindingsReport report = fetch.run({"T1"}, 20s);
        CHECK_FALSE(report.tasks[0].complete);
        CHECK(report.tasks[0].problem ==
              "the time was up while the page at offset 100 failed for now (timed out: timed out); "
              "100 of 250 findings kept");
        CHECK(fetch.time.waits == std::vector<std::chrono::milliseconds>{1s, 2s, 4s, 8s, 5s});
        CHECK(report.findings.size() == 100);
    }
    SUBCASE("no time left before the first task") {
        Fetch fetch;
        const FindingsReport report = fetch.run({"T1", "T2"}, 0s);
        REQUIRE(report.tasks.size() == 2);
        CHECK(fetch.service.calls.empty());
        CHECK(report.tasks[1].task_id == "T2");
        CHECK_FALSE(report.tasks[1].complete);
        CHECK(report.tasks[1].problem ==
              "the time was up before its findings were read; 0 of an unknown number of findings kept");
    }
}

TEST_CASE("resolved and dismissed findings are left out unless all are asked for") {
    const auto serve = [](Fetch& fetch) {
        fetch.service.answers[{"T1", 0}] = {
            page(4, {defect("open"), defect("fixed", Severity::Major, "a.c", 1, "1"),
                     defect("dismissed", Severity::Major, "a.c", 2, "2"),
                     defect("no-status", Severity::Minor, "a.c", 3, "")})};
    };
    Fetch fetch;
    serve(fetch);
    const FindingsReport report = fetch.run({"T1"});
    CHECK(ids(report) == std::vector<std::string>{"no-status", "open"});
    CHECK(report.tasks[0].complete);  // left out on purpose: nothing is missing
    CHECK(fetch.logged("2 findings (of 4) read in 1 page (2 resolved or dismissed left out)"));

    Fetch all;
    all.settings.unresolved_only = false;
    serve(all);
    const FindingsReport everything = all.run({"T1"});
    CHECK(everything.findings.size() == 4);
    CHECK(all.service.calls[0] == "T1 offset=0 limit=100");
}

TEST_CASE("the cap: each task reads at most max_findings, the most severe are kept over all tasks") {
    Fetch fetch;
    fetch.settings.max_findings = 150;
    fetch.service.serve("T1", 250, Severity::Minor);
    fetch.service.serve("T2", 50, Severity::Critical);
    const FindingsReport report = fetch.run({"T1", "T2"});
    CHECK(report.findings.size() == 150);
    CHECK(report.max_findings == 150);
    CHECK(report.counts().critical == 50);
    CHECK(report.counts().minor == 100);
    const TaskFindings& t1 = report.tasks[0];
    CHECK_FALSE(t1.complete);
    CHECK(t1.kept == 100);
    CHECK(t1.problem == "--max-findings 150 reached over all tasks; 100 of 250 findings kept");
    CHECK(report.tasks[1].complete);
    CHECK(report.tasks[1].kept == 50);
    // T1 stopped reading once it alone had 150: its third page was never asked for.
    CHECK(std::count(fetch.service.calls.begin(), fetch.service.calls.end(),
                     "T1 offset=200 limit=100 unresolved") == 0);
    CHECK(
        fetch.logged("task T1: 150 findings (of 250) read in 2 pages; partial: --max-findings 150 reached"));
}

TEST_CASE("a cap reached exactly at the end of the findings leaves the task complete") {
    Fetch fetch;
    fetch.settings.max_findings = 100;
    fetch.service.serve("T1", 100);
    const FindingsReport report = fetch.run({"T1"});
    CHECK(report.tasks[0].complete);
    CHECK(report.findings.size() == 100);
}

TEST_CASE("hostile paths give no location, and the prefix is removed; messages stay as sent") {
    Fetch fetch;
    fetch.settings.path_prefix = "/ws/repo";
    const std::string ansi = "src/\x1b[31mred.c";
    fetch.service.answers[{"T1", 0}] = {page(
        7, {defect("abs", Severity::Major, "/etc/passwd"), defect("up", Severity::Major, "src/../../x.c"),
            defect("ansi", Severity::Major, ansi), defect("url", Severity::Major, "https://evil.example/x.c"),
            defect("win", Severity::Major, "C:\\x.c"), defect("ok", Severity::Major, "/ws/repo/src/ok.c"),
            defect("sibling", Severity::Major, "/ws/repo2/src/ok.c")})};
    fetch.service.answers[{"T1", 0}].front().defects->defects[0].finding.message = "::error::pwned <b>x</b>";
    const FindingsReport report = fetch.run({"T1"});
    REQUIRE(report.findings.size() == 7);
    for (const Finding& finding : report.findings) {
        const std::string id = finding.defect_id;
        CAPTURE(id);
        CHECK(finding.path.has_value() == (id == "ok"));
        if (id == "ok") CHECK(*finding.path == "src/ok.c");
        if (id == "ansi") CHECK(finding.service_path == ansi);  // kept as sent, for the writers to escape
        if (id == "abs") CHECK(finding.message == "::error::pwned <b>x</b>");
    }
    CHECK(report.tasks[0].complete);
}

TEST_CASE("findings are sorted: severity, then the task's place, path, line and defect id") {
    Fetch fetch;
    fetch.service.answers[{"T2", 0}] = {
        page(3, {defect("z", Severity::Minor, "b.c", 9), defect("y", Severity::Critical, "z.c", 1),
                 defect("x", Severity::Minor, "a.c", 5)})};
    fetch.service.answers[{"T1", 0}] = {
        page(3, {defect("w", Severity::Minor, "b.c", 10), defect("v", Severity::Minor, "b.c", 9),
                 defect("u", Severity::Minor, "b.c", 9)})};
    const FindingsReport report = fetch.run({"T2", "T1"});
    CHECK(ids(report) == std::vector<std::string>{"y", "x", "z", "u", "v", "w"});
    CHECK(report.tasks[0].task_id == "T2");
}

TEST_CASE("a service whose pages end early, or that repeats the same page, leaves the task partial") {
    SUBCASE("an empty page before the total") {
        Fetch fetch;
        fetch.service.answers[{"T1", 0}] = {page(300, {defect("a"), defect("b")})};
        fetch.service.answers[{"T1", 2}] = {page(300, {})};
        const FindingsReport report = fetch.run({"T1"});
        CHECK_FALSE(report.tasks[0].complete);
        CHECK(report.tasks[0].problem ==
              "the service's pages ended at offset 2, before its total; 2 of 300 findings kept");
    }
    SUBCASE("the same page whatever the offset") {
        Fetch fetch;
        for (long long offset : {0LL, 2LL, 4LL, 6LL, 8LL})
            fetch.service.answers[{"T1", offset}] = {page(1000000, {defect("a"), defect("b")})};
        const FindingsReport report = fetch.run({"T1"});
        CHECK(fetch.service.calls.size() == 4);
        CHECK_FALSE(report.tasks[0].complete);
        CHECK(report.tasks[0].problem.find("only findings already read for 3 pages in a row") !=
              std::string::npos);
        CHECK(report.findings.size() == 2);
    }
    SUBCASE("no findings at all is complete") {
        Fetch fetch;
        fetch.service.answers[{"T1", 0}] = {page(0, {})};
        const FindingsReport report = fetch.run({"T1"});
        CHECK(report.tasks[0].complete);
        CHECK(report.tasks[0].total == 0);
        CHECK(fetch.logged("task T1: 0 findings (of 0) read in 1 page"));
    }
}

TEST_CASE("many tasks at once on real time: each task's findings, tasks in the order given") {
    PagedService service;
    std::vector<std::string> tasks;
    for (int i = 0; i < 7; ++i) {
        tasks.push_back("T" + std::to_string(i));
        service.serve(tasks.back(), 30 + i, Severity::Major, 10);
    }
    flow::FindingsSettings settings;
    settings.page_size = 10;
    settings.concurrency = 3;
    const flow::ApiFactory factory = [&service]() {
        struct Pages : api::TaskApi {
            explicit Pages(PagedService& to) : service(to) {}
            PagedService& service;
            CallResult stop(const std::string&, const Deadline&) override { return {}; }
            CallResult progress(const std::string&, const Deadline&) override { return {}; }
            CallResult run(const std::string&, const std::string&, const Deadline&) override { return {}; }
            CallResult defects_summary(const std::string&, const Deadline&) override { return {}; }
            CallResult defects_statistic(const std::string&, const Deadline&) override { return {}; }
            CallResult defects_detail(const std::string& id, long long offset, int limit, bool unresolved,
                                      const Deadline&) override {
                return service.answer(id, offset, limit, unresolved);
            }
        };
        return std::make_unique<Pages>(service);
    };
    const FindingsReport report =
        flow::fetch_findings(tasks, settings, factory, Deadline::in(30s), [](const std::string&) {});
    REQUIRE(report.tasks.size() == 7);
    long long expected = 0;
    for (int i = 0; i < 7; ++i) {
        CHECK(report.tasks[static_cast<std::size_t>(i)].task_id == tasks[static_cast<std::size_t>(i)]);
        CHECK(report.tasks[static_cast<std::size_t>(i)].kept == 30 + i);
        expected += 30 + i;
    }
    CHECK(report.complete());
    CHECK(static_cast<long long>(report.findings.size()) == expected);
    CHECK(report.findings.front().task_id == "T0");
    CHECK(report.findings.back().task_id == "T6");
}
