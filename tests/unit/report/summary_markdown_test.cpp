#include <doctest/doctest.h>

#include "report/summary_markdown.h"
#include "report_samples.h"

using namespace ccs::report;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t found = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++found;
    return found;
}

// Unescaped '|' in a row: a cell boundary.
std::size_t cell_boundaries(const std::string& row) {
    std::size_t boundaries = 0;
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (row[i] == '\\') {
            ++i;
        } else if (row[i] == '|') {
            ++boundaries;
        }
    }
    return boundaries;
}

}  // namespace

TEST_CASE("escape_table_cell: pipes, line breaks, and markup") {
    CHECK(escape_table_cell("a|b") == "a\\|b");
    CHECK(escape_table_cell("a\nb\r\nc\rd") == "a<br>b<br>c<br>d");
    CHECK(escape_table_cell("a\\|b") == "a\\\\\\|b");
    CHECK(escape_table_cell("***") == "\\*\\*\\*");
    CHECK(escape_table_cell("<b>&") == "&lt;b&gt;&amp;");
    CHECK(escape_table_cell("`x` [l](u) _e_") == "\\`x\\` \\[l\\](u) \\_e\\_");
    CHECK(escape_table_cell("CC.00000003: 认证信息过期") == "CC.00000003: 认证信息过期");
}

TEST_CASE("summary: heading, result, and a row per task") {
    const std::string summary = summary_markdown(samples::mixed_report());
    CHECK(summary.rfind("## CodeArts Check: stop tasks\n", 0) == 0);
    CHECK(summary.find("**Result: failure**: 1 stopped, 1 not running, 1 failed, in 2.3 s") !=
          std::string::npos);
    CHECK(summary.find(
              "| Task | Outcome | Service error | Request id(s) | Time taken |\n|---|---|---|---|---|\n") !=
          std::string::npos);
    CHECK(count(summary, "\n| aaa111 |") == 1);
    CHECK(count(summary, "\n| bbb222 |") == 1);
    CHECK(summary.find("| HTTP 401, CC.00000003: 认证信息过期 |") != std::string::npos);
    CHECK(summary.find("renew the credentials") != std::string::npos);
    CHECK(summary.find("req-aaa111-1<br>req-aaa111-2") != std::string::npos);
    CHECK(summary.find("| 1.5 s |") != std::string::npos);
}

TEST_CASE("summary: hostile cell text stays in its cell") {
    ccs::RunReport report;
    auto task = samples::failed("t1", 400, "CC.00050000", "a | b\nc | d\r\n| e");
    task.detail = "x|y";
    report.tasks = {task};
    const std::string summary = summary_markdown(report);
    const auto row_start = summary.find("\n| t1 |") + 1;
    const std::string row = summary.substr(row_start, summary.find('\n', row_start) - row_start);
    CHECK(cell_boundaries(row) == 6);  // five cells
    CHECK(row.find("a \\| b<br>c \\| d<br>\\| e") != std::string::npos);
}

TEST_CASE("summary: a skipped run says why, without a table") {
    ccs::RunReport report;
    report.skipped_reason = "no task id was given";
    const std::string summary = summary_markdown(report);
    CHECK(summary.find("**Result: skipped**: no task id was given") != std::string::npos);
    CHECK(summary.find("| Task |") == std::string::npos);
}

TEST_CASE("summary: never more than 1 MiB; what is left out is counted") {
    ccs::RunReport report;
    for (int i = 0; i < 2000; ++i) {
        report.tasks.push_back(
            samples::failed("task" + std::to_string(i), 500, "CC.00050001", std::string(3000, 'm')));
    }
    const std::string summary = summary_markdown(report);
    CHECK(summary.size() <= max_summary_bytes);
    const std::size_t rows = count(summary, "\n| task");
    CHECK(rows > 100);
    CHECK(rows < 2000);
    CHECK(summary.find(std::to_string(2000 - rows) + " more tasks are not shown") != std::string::npos);
}

TEST_CASE("summary: a huge message is cut within its cell") {
    ccs::RunReport report;
    report.tasks = {samples::failed("t1", 500, "CC.00050001", std::string(10000, 'm'))};
    const std::string summary = summary_markdown(report);
    CHECK(summary.find(std::string(max_cell_chars, 'm')) == std::string::npos);
    CHECK(summary.find("…") != std::string::npos);
}
