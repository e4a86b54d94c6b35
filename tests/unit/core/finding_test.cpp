#include "core/finding.h"

#include <doctest/doctest.h>

namespace ccs {

TEST_CASE("a service path becomes a repository path only when it is one") {
    CHECK(repository_path("src/main.c", "") == std::optional<std::string>("src/main.c"));
    CHECK(repository_path("./src//main.c", "") == std::optional<std::string>("src/main.c"));
    SUBCASE("the prefix the service adds is removed first") {
        CHECK(repository_path("/workspace/repo/src/a.c", "/workspace/repo/") ==
              std::optional<std::string>("src/a.c"));
        CHECK(repository_path("/workspace/repo/src/a.c", "/workspace/repo") ==
              std::optional<std::string>("src/a.c"));
        CHECK_FALSE(repository_path("/workspace/repo2/a.c", "/workspace/repo"));  // not at a segment's end
        // Without the prefix the same path is absolute: no location.
        CHECK_FALSE(repository_path("/workspace/repo/src/a.c", ""));
    }
    SUBCASE("what must never be written as a location") {
        for (const char* hostile :
             {"", "/etc/passwd", "../secrets", "src/../../etc/passwd", "a/..", "src/a\nb.c", "src/a\rb.c",
              "src\\a.c", "C:/repo/a.c", "https://evil.example/a.c", "file:///etc/passwd",
              "javascript:alert(1)", "src/\x1b[31ma.c", ".", "./"}) {
            CAPTURE(hostile);
            CHECK_FALSE(repository_path(hostile, ""));
        }
    }
    SUBCASE("a colon after the first slash is part of a name") {
        CHECK(repository_path("src/a:b.c", "") == std::optional<std::string>("src/a:b.c"));
    }
}

TEST_CASE("a findings report counts what it kept and knows whether it is complete") {
    FindingsReport report;
    report.findings.resize(3);
    report.findings[0].severity = Severity::Critical;
    report.findings[1].severity = Severity::Minor;
    report.findings[2].severity = Severity::Minor;
    const SeverityCounts counts = report.counts();
    CHECK(counts.critical == 1);
    CHECK(counts.major == 0);
    CHECK(counts.minor == 2);
    CHECK(counts.suggestion == 0);
    report.tasks.resize(2);
    report.tasks[0].complete = true;
    CHECK_FALSE(report.complete());
    report.tasks[1].complete = true;
    CHECK(report.complete());
    CHECK(std::string(to_string(Severity::Suggestion)) == "suggestion");
}

}  // namespace ccs

TEST_CASE("critical and major findings are errors, minor ones warnings, suggestions notes") {
    CHECK(loudness_of(ccs::Severity::Critical) == ccs::Loudness::Error);
    CHECK(loudness_of(ccs::Severity::Major) == ccs::Loudness::Error);
    CHECK(loudness_of(ccs::Severity::Minor) == ccs::Loudness::Warning);
    CHECK(loudness_of(ccs::Severity::Suggestion) == ccs::Loudness::Note);
}
