#include "report/github_findings.h"

#include "report/finding_text.h"
#include "report/github_commands.h"
#include "report/github_reporter.h"

namespace ccs::report::github {

namespace {

// Reserved for "Could not write $GITHUB_OUTPUT / $GITHUB_STEP_SUMMARY" (GitHubReporter::append_or_warn).
constexpr std::size_t reserved_warnings = 2;

std::size_t left(std::size_t used, std::size_t reserve = 0) {
    return used + reserve >= max_annotations_per_level ? 0 : max_annotations_per_level - used - reserve;
}

std::size_t count_lines_starting(const std::string& text, const std::string& prefix) {
    std::size_t count = 0;
    for (std::size_t at = 0; at < text.size();) {
        if (text.compare(at, prefix.size(), prefix) == 0) ++count;
        const auto end = text.find('\n', at);
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return count;
}

Level level_of(Severity severity) {
    switch (loudness_of(severity)) {
        case Loudness::Error: return Level::Error;
        case Loudness::Warning: return Level::Warning;
        case Loudness::Note: break;
    }
    return Level::Notice;
}

std::size_t& budget_of(AnnotationBudget& budget, Level level) {
    switch (level) {
        case Level::Error: return budget.error;
        case Level::Warning: return budget.warning;
        case Level::Notice: break;
    }
    return budget.notice;
}

std::string finding_annotation(const Finding& finding) {
    Properties location;
    if (finding.path) {
        location.emplace_back("file", *finding.path);
        if (finding.line > 0) location.emplace_back("line", std::to_string(finding.line));
    }
    return annotation(level_of(finding.severity), location, finding_rule(finding),
                      std::string(to_string(finding.severity)) + ": " + finding_message(finding));
}

std::string where_all_are(const FindingsFiles& files) {
    const auto* sarif = files.find("sarif");
    if (sarif && sarif->written())
        return "Every finding is in the SARIF file " + sarif->path +
               " (upload it with github/codeql-action/upload-sarif to see them as code scanning alerts).";
    return "Every finding is in the CodeArts Check console (--sarif writes them to a file too).";
}

// How many findings `budget` leaves without an annotation.
std::size_t not_shown_within(const FindingsReport& findings, AnnotationBudget budget) {
    std::size_t not_shown = 0;
    for (const auto& finding : findings.findings) {
        std::size_t& room = budget_of(budget, level_of(finding.severity));
        if (room > 0) {
            --room;
        } else {
            ++not_shown;
        }
    }
    return not_shown;
}

}  // namespace

AnnotationBudget budget_after(const std::string& commands) {
    return {left(count_lines_starting(commands, "::error ")),
            left(count_lines_starting(commands, "::warning "), reserved_warnings),
            left(count_lines_starting(commands, "::notice "))};
}

std::string finding_annotations(const FindingsReport& findings, const FindingsFiles& files,
                                AnnotationBudget budget) {
    // One notice is kept for the annotation that counts the findings not shown, when there are any.
    const bool summary_as_notice = not_shown_within(findings, budget) > 0 && budget.notice > 0;
    if (summary_as_notice) --budget.notice;
    std::string commands;
    std::size_t not_shown = 0;
    for (const auto& finding : findings.findings) {
        std::size_t& left_at_level = budget_of(budget, level_of(finding.severity));
        if (left_at_level == 0) {
            ++not_shown;
            continue;
        }
        commands += finding_annotation(finding);
        --left_at_level;
    }
    if (not_shown == 0) return commands;
    const std::string title = "CodeArts Check: " + std::to_string(not_shown) + " more findings not annotated";
    const std::string message = "GitHub shows at most " + std::to_string(max_annotations_per_level) +
                                " annotations of a level per step. " + where_all_are(files);
    if (summary_as_notice) return commands + annotation(Level::Notice, title, message);
    return commands + defuse_commands(title + ". " + message) + "\n";
}

}  // namespace ccs::report::github
