// Text from the service (error messages, codes, request ids, details quoting it) is untrusted: every
// reporter prints it defused. No raw control character (ESC, NUL, CR, a C1 CSI) reaches a log line,
// an annotation, the step summary or a GitLab section, and no line reads as a workflow command to the
// GitHub runner, which trims *Unicode* white space before it looks for "::".
#include <doctest/doctest.h>

#include <sstream>

#include "report/github_commands.h"
#include "report/reporter.h"
#include "report_samples.h"
#include "support/github_file_commands.h"
#include "support/temp_dir.h"

using namespace ccs::report;
using ccs::test::parse_workflow_command;
using ccs::test::parse_workflow_commands;

namespace {

// What a hostile or broken service could put in a message: terminal escapes, NUL, a lone CR that
// rewrites the line on a terminal, C1 CSI (U+009B), and commands behind Unicode white space.
const std::vector<std::string> hostile_texts = {
    "red \x1b[31mALERT\x1b[0m",
    std::string("nul\0byte", 8),
    "progress 10%\rDONE, all fine",
    std::string("c1 \xc2\x9b") + "31m csi",
    "\xc2\xa0::error::no-break space",
    "\xe2\x80\x83::add-mask::em space",
    "\xe3\x80\x80::stop-commands::ideographic",
    "\xc2\x85::error::next line",
    "\xe2\x80\xa8::error::line separator",
    "\x1c\x1d\x1e\x1f::error::information separators",
};

// Raw control bytes other than the line break a writer puts at the end of each line.
bool has_raw_control(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
        if (c == 0xc2 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9f) return true;  // U+0080..U+009F, the C1 controls
        }
    }
    return false;
}

// GitLab's section markers are the one place the program itself writes ESC and CR: strip exactly them.
std::string without_gitlab_markers(std::string text) {
    for (const std::string marker : {"\r\x1b[0K", "\x1b[0K"}) {
        for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker))
            text.erase(at, marker.size());
    }
    return text;
}

ccs::RunReport hostile_report(const std::string& text) {
    ccs::TaskResult task = samples::failed("t1", 400, "CC.0005" + text, text);
    task.detail = "the service said: " + text;
    task.request_ids = {"req-" + text};
    ccs::RunReport report;
    report.tasks = {task};
    return report;
}

}  // namespace

TEST_CASE("defuse_commands: a command behind Unicode white space is not obeyed") {
    for (const auto& text : hostile_texts) {
        CAPTURE(text);
        CHECK_FALSE(parse_workflow_command(github::defuse_commands(text)));
        CHECK_FALSE(has_raw_control(github::defuse_commands(text)));
    }
}

TEST_CASE("annotations carry service text without raw control characters") {
    for (const auto& text : hostile_texts) {
        CAPTURE(text);
        const std::string command = github::annotation(github::Level::Error, "Title " + text, text);
        CHECK_FALSE(has_raw_control(command));
        CHECK(parse_workflow_commands(command).size() == 1);
    }
}

TEST_CASE("every reporter defuses service text in logs, annotations, the summary and GitLab sections") {
    for (const auto ci : {ccs::CiKind::Plain, ccs::CiKind::GitLab, ccs::CiKind::GitHub}) {
        for (const auto& text : hostile_texts) {
            CAPTURE(static_cast<int>(ci));
            CAPTURE(text);
            ccs::test::TempDir dir("ccs-service-text");
            ReportSettings settings;
            settings.ci = ci;
            settings.github_summary_path = ci == ccs::CiKind::GitHub ? dir.file("summary") : "";
            std::ostringstream out;
            std::ostringstream err;
            const auto reporter = make_reporter(settings, out, err);
            reporter->begin({});
            reporter->log("task t1: POST /v2/tasks/t1/stop -> HTTP 400 (" + text + ")");
            reporter->finish(hostile_report(text));

            CHECK_FALSE(has_raw_control(out.str()));
            CHECK_FALSE(
                has_raw_control(ci == ccs::CiKind::GitLab ? without_gitlab_markers(err.str()) : err.str()));
            if (ci == ccs::CiKind::GitHub) {
                CHECK_FALSE(has_raw_control(ccs::test::read_text_file(settings.github_summary_path)));
                for (const auto& command : parse_workflow_commands(out.str())) CHECK(command.name == "error");
            }
        }
    }
}
