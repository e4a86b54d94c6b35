#include "report/sarif.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <ostream>
#include <vector>

#include "core/version.h"
#include "report/finding_fingerprint.h"
#include "report/finding_text.h"
#include "report/json_report.h"

namespace ccs::report {

namespace {

constexpr const char* schema_uri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

// A rule per rule name of the findings written (those with a location), in the order first found:
// the findings come most severe first, so each rule gets the level of its most severe finding.
struct Rules {
    std::vector<const Finding*> first;  // the rule's first finding
    std::map<std::string, std::size_t> index;
};

Rules rules_of(const std::vector<Finding>& findings) {
    Rules rules;
    for (const auto& finding : findings) {
        if (!finding.path) continue;
        if (rules.index.emplace(finding_rule(finding), rules.first.size()).second)
            rules.first.push_back(&finding);
    }
    return rules;
}

std::string text_object(const std::string& text) {
    return "{\"text\":" + json_string(text) + "}";
}

// GitHub's own severities for rules that are not security queries.
const char* problem_severity(Severity severity) {
    switch (loudness_of(severity)) {
        case Loudness::Error: return "error";
        case Loudness::Warning: return "warning";
        case Loudness::Note: break;
    }
    return "recommendation";
}

// What we know of a rule is its name: CodeArts Check's console has its description and fix advice.
std::string rule_object(const Finding& first) {
    const std::string rule = finding_rule(first);
    return "{\"id\":" + json_string(rule) + ",\"shortDescription\":" + text_object(rule) +
           ",\"fullDescription\":" + text_object("CodeArts Check rule " + rule + ".") + ",\"help\":" +
           text_object("Found by the CodeArts Check rule " + rule +
                       ". The rule's description and how to fix what it finds are in the CodeArts Check "
                       "console, in the rule set of the task.") +
           ",\"defaultConfiguration\":{\"level\":\"" + sarif_level(first.severity) +
           "\"},\"properties\":{\"tags\":[\"codearts-check\"],\"problem.severity\":\"" +
           problem_severity(first.severity) + "\"}}";
}

// The finding has a path: results are written only for those.
std::string location_array(const Finding& finding) {
    std::string region;
    if (finding.line > 0) region = ",\"region\":{\"startLine\":" + std::to_string(finding.line) + "}";
    return ",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":" +
           json_string(sarif_uri(*finding.path)) + "}" + region + "}}]";
}

std::string result_object(const Finding& finding, std::size_t rule_index, const std::string& fingerprint) {
    return "{\"ruleId\":" + json_string(finding_rule(finding)) +
           ",\"ruleIndex\":" + std::to_string(rule_index) + ",\"level\":\"" + sarif_level(finding.severity) +
           "\",\"message\":" + text_object(finding_message(finding)) + location_array(finding) +
           ",\"partialFingerprints\":{\"" + sarif_fingerprint_key + "\":\"" + fingerprint +
           "\"},\"properties\":{\"severity\":\"" + to_string(finding.severity) +
           "\",\"taskId\":" + json_string(finding.task_id) +
           ",\"defectId\":" + json_string(finding.defect_id) + "}}";
}

std::string task_object(const TaskFindings& task) {
    return "{\"taskId\":" + json_string(task.task_id) +
           ",\"total\":" + (task.total ? std::to_string(*task.total) : "null") +
           ",\"kept\":" + std::to_string(task.kept) + ",\"complete\":" + (task.complete ? "true" : "false") +
           ",\"problem\":" + json_string(task.problem) + "}";
}

std::string notification(const std::string& id, const std::string& text) {
    return "{\"level\":\"warning\",\"message\":" + text_object(text) + ",\"descriptor\":{\"id\":\"" + id +
           "\"}}";
}

std::size_t without_location(const FindingsReport& findings) {
    return static_cast<std::size_t>(std::count_if(findings.findings.begin(), findings.findings.end(),
                                                  [](const Finding& finding) { return !finding.path; }));
}

// A warning per task not read in full, and one for the findings left out: the upload must not pass
// for the whole picture.
std::string invocations(const FindingsReport& findings) {
    std::string notifications;
    if (const std::size_t left_out = without_location(findings); left_out > 0) {
        notifications =
            notification("findings-without-location",
                         std::to_string(left_out) +
                             " findings have no usable location in the repository and are not in this "
                             "file; the CodeArts Check console lists them.");
    }
    for (const auto& task : findings.tasks) {
        if (task.complete) continue;
        const std::string text =
            "The findings of CodeArts Check task " + task.task_id +
            " are incomplete: " + (task.problem.empty() ? "not every page was read" : task.problem) +
            ". This file lists " + std::to_string(task.kept) + " of them" +
            (task.total ? " (the service reported " + std::to_string(*task.total) + ")" : "") +
            ". The run is marked unsuccessful, so that code scanning keeps the alerts this file misses open "
            "instead of closing them as fixed.";
        notifications += (notifications.empty() ? "" : ",") + notification("incomplete-findings", text);
    }
    return "\"invocations\":[{\"executionSuccessful\":" +
           std::string(findings.complete() ? "true" : "false") + ",\"toolExecutionNotifications\":[" +
           notifications + "]}]";
}

std::string run_properties(const FindingsReport& findings) {
    std::string tasks;
    for (const auto& task : findings.tasks) tasks += (tasks.empty() ? "" : ",") + task_object(task);
    return "\"properties\":{\"complete\":" + std::string(findings.complete() ? "true" : "false") +
           ",\"withoutLocation\":" + std::to_string(without_location(findings)) +
           ",\"maxFindings\":" + std::to_string(findings.max_findings) + ",\"tasks\":[" + tasks + "]}";
}

void write_driver(const Rules& rules, std::ostream& out) {
    out << "\"tool\":{\"driver\":{\"name\":\"CodeArts Check\",\"fullName\":"
        << json_string(std::string("CodeArts Check, results read by ") + program_name + " " + program_version)
        << ",\"version\":" << json_string(program_version)
        << ",\"informationUri\":" << json_string(codearts_check_information_uri) << ",\"rules\":[";
    for (std::size_t i = 0; i < rules.first.size(); ++i)
        out << (i ? ",\n" : "\n") << rule_object(*rules.first[i]);
    out << "]}}";
}

}  // namespace

const char* sarif_level(Severity severity) {
    switch (loudness_of(severity)) {
        case Loudness::Error: return "error";
        case Loudness::Warning: return "warning";
        case Loudness::Note: break;
    }
    return "note";
}

std::string sarif_uri(const std::string& path) {
    std::string uri;
    char escaped[4];
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            uri += c;
        } else {
            std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
            uri += escaped;
        }
    }
    return uri;
}

WrittenFindings write_sarif(const FindingsReport& findings, std::ostream& out) {
    const Rules rules = rules_of(findings.findings);
    const std::vector<std::string> fingerprints = finding_fingerprints(findings.findings);
    out << "{\"$schema\":\"" << schema_uri << "\",\"version\":\"2.1.0\",\"runs\":[{";
    write_driver(rules, out);
    out << ",\n" << invocations(findings) << ",\n" << run_properties(findings) << ",\n\"results\":[";
    WrittenFindings written;
    for (std::size_t i = 0; i < findings.findings.size(); ++i) {
        const Finding& finding = findings.findings[i];
        if (!finding.path) {
            ++written.without_location;
            continue;
        }
        out << (written.written++ ? ",\n" : "\n")
            << result_object(finding, rules.index.at(finding_rule(finding)), fingerprints[i]);
    }
    out << "]}]}\n";
    return written;
}

}  // namespace ccs::report
