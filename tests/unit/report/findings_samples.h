// Findings to render in the findings writers' tests, and in the SARIF fixture the multitool checks
// (tests/sarif): every field a service could fill with something hostile is.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"

namespace ccs::report::samples {

inline Finding finding(Severity severity, const std::string& rule, const std::optional<std::string>& path,
                       long line, const std::string& message) {
    Finding found;
    found.task_id = "T1";
    found.defect_id = "D" + std::to_string(line);
    found.severity = severity;
    found.rule = rule;
    found.message = message;
    found.service_path = path.value_or("/abs/outside\n::error::x");
    found.path = path;
    found.line = line;
    return found;
}

// Service text meant to break each format: line breaks, workflow commands (after Unicode white
// space too), U+2028, ESC, NUL, a Markdown pipe, HTML, bytes that are not UTF-8, percent signs.
inline const std::vector<std::string>& hostile_texts() {
    static const std::vector<std::string> texts = {
        "line one\n::error::injected\r\n##[error]old syntax",
        "\xe2\x80\x83::warning file=x::after an em space",
        "para\xe2\x80\xa8separator\xe2\x80\xa9 and \x1b[31mred\x1b[0m",
        std::string("nul\0byte", 8),
        "a | b || c \\| d",
        "<script>alert(1)</script> & <b>bold</b> *star* _under_ `tick` [link](javascript:x)",
        "not utf-8: \xff\xfe and %0A%25 and \"quotes\" and \\backslash",
    };
    return texts;
}

// Every severity, hostile messages and rules, paths with characters URIs and commands treat
// specially, a finding without a usable path, identical findings that differ only by line, and one
// message far longer than any format shows.
inline FindingsReport hostile_findings() {
    FindingsReport report;
    const auto& texts = hostile_texts();
    const Severity severities[] = {Severity::Critical, Severity::Major, Severity::Minor,
                                   Severity::Suggestion};
    for (std::size_t i = 0; i < texts.size(); ++i) {
        report.findings.push_back(finding(severities[i % 4], texts[(i + 1) % texts.size()],
                                          "src/dir " + std::to_string(i) + "/a#b%c,d:e.cpp",
                                          static_cast<long>(i) + 1, texts[i]));
    }
    report.findings.push_back(
        finding(Severity::Major, "no-location-rule", std::nullopt, 7, "no path ::error::x"));
    report.findings.push_back(finding(Severity::Minor, "dup-rule", "src/dup.c", 10, "same message"));
    report.findings.push_back(finding(Severity::Minor, "dup-rule", "src/dup.c", 20, "same message"));
    report.findings.push_back(finding(Severity::Suggestion, "zero-line",
                                      "src/\xe4\xb8\xad\xe6\x96\x87 file.c", 0,
                                      "no line " + std::string(20000, 'x')));
    report.findings.push_back(finding(Severity::Suggestion, "", "src/empty-rule.c", 3, ""));
    report.findings.push_back(
        finding(Severity::Suggestion, std::string(5000, 'r'), "src/long-rule.c", 4, "long rule"));
    TaskFindings task;
    task.task_id = "T1";
    task.total = static_cast<long long>(report.findings.size());
    task.kept = task.total.value_or(0);
    task.complete = true;
    report.tasks = {task};
    report.max_findings = 10000;
    return report;
}

// The same findings, read only in part: a second task's pages failed.
inline FindingsReport partial_findings() {
    FindingsReport report = hostile_findings();
    TaskFindings task;
    task.task_id = "T2";
    task.total = 500;
    task.kept = 0;
    task.complete = false;
    task.problem = "defects-detail page 2 failed: HTTP 500\n::error::from the service";
    report.tasks.push_back(task);
    return report;
}

// `count` plain findings, most severe first, each in a file of its own.
inline FindingsReport many_findings(std::size_t count) {
    FindingsReport report;
    for (std::size_t i = 0; i < count; ++i) {
        const auto severity = static_cast<Severity>(i * 4 / count);
        report.findings.push_back(
            finding(severity, "rule-" + std::to_string(i % 7), "src/file" + std::to_string(i) + ".c",
                    static_cast<long>(i % 300) + 1, "finding number " + std::to_string(i)));
    }
    TaskFindings task;
    task.task_id = "T1";
    task.total = static_cast<long long>(count);
    task.kept = task.total.value_or(0);
    task.complete = true;
    report.tasks = {task};
    return report;
}

}  // namespace ccs::report::samples
