#include "report/findings_markdown.h"

#include <algorithm>

#include "report/finding_text.h"
#include "report/run_text.h"
#include "report/summary_markdown.h"
#include "report/text.h"

namespace ccs::report {

namespace {

std::string cell(const std::string& text, std::size_t max_chars = max_cell_chars) {
    return escape_table_cell(text::truncate_chars(text, max_chars));
}

std::string counts_paragraph(const FindingsReport& findings) {
    std::string text = "**" + run::counts_text(findings.counts()) + "**";
    if (findings.complete()) return text + ": every finding was read.\n\n";
    text += ": **incomplete**, not every finding was read:\n\n";
    for (const auto& task : findings.tasks) {
        if (task.complete) continue;
        text += "- task " + cell(task.task_id) + ": " +
                cell(task.problem.empty() ? "not every page was read" : task.problem) + "\n";
    }
    return text + "\n";
}

std::string files_paragraph(const FindingsFiles& files) {
    std::string text;
    for (const auto& file : files.files) {
        const std::string name = file.format == "sarif" ? "SARIF" : "Code Quality";
        text += file.written()
                    ? name + ": " + cell(file.path) + "\n\n"
                    : name + ": **not written** to " + cell(file.path) + " (" + cell(file.error) + ")\n\n";
    }
    return text;
}

std::string finding_row(const Finding& finding) {
    const std::string location = finding_location(finding);
    return std::string("| ") + to_string(finding.severity) + " | " + cell(finding_rule(finding)) + " | " +
           (location.empty() ? "–" : cell(location)) + " | " +
           cell(finding_message(finding), max_finding_cell_chars) + " |\n";
}

}  // namespace

std::string findings_markdown(const FindingsReport& findings, const FindingsFiles& files) {
    std::string markdown = "### Findings\n\n" + counts_paragraph(findings) + files_paragraph(files);
    if (findings.findings.empty()) return markdown;
    markdown += "| Severity | Rule | Location | Message |\n|---|---|---|---|\n";
    const std::size_t shown = std::min(findings.findings.size(), max_summary_findings);
    for (std::size_t i = 0; i < shown; ++i) markdown += finding_row(findings.findings[i]);
    if (shown < findings.findings.size()) {
        const auto* sarif = files.find("sarif");
        markdown +=
            "\n" + std::to_string(findings.findings.size() - shown) + " more findings are not shown here: " +
            (sarif && sarif->written() ? "the SARIF file " + cell(sarif->path) + " and " : std::string()) +
            "the CodeArts Check console have them all.\n";
    }
    return markdown + "\n";
}

}  // namespace ccs::report
