#include "report/findings_files.h"

#include <ostream>

#include "report/codequality.h"
#include "report/file_outputs.h"
#include "report/run_text.h"
#include "report/sarif.h"
#include "report/text.h"

namespace ccs::report {

const FindingsFile* FindingsFiles::find(const std::string& format) const {
    for (const auto& file : files) {
        if (file.format == format) return &file;
    }
    return nullptr;
}

namespace {

using FindingsWriter = WrittenFindings (*)(const FindingsReport&, std::ostream&);

FindingsFile write_file(const char* format, const std::string& path, FindingsWriter writer,
                        const FindingsReport& findings) {
    FindingsFile file{format, path, "", 0, 0};
    file.error = replace_file_streamed(path, [&](std::ostream& out) {
        const WrittenFindings written = writer(findings, out);
        file.findings = written.written;
        file.left_out = written.without_location;
    });
    return file;
}

}  // namespace

std::vector<FindingsFile> write_findings_files(const ReportSettings& settings,
                                               const FindingsReport& findings) {
    std::vector<FindingsFile> files;
    if (!settings.sarif_path.empty())
        files.push_back(write_file("sarif", settings.sarif_path, write_sarif, findings));
    if (!settings.codequality_path.empty())
        files.push_back(write_file("codequality", settings.codequality_path, write_codequality, findings));
    return files;
}

namespace {

// Service text on the one line: its line breaks become spaces.
std::string one_line(const std::string& text) {
    return text::join(text::split_lines(text), " ");
}

std::string completeness(const FindingsReport& findings) {
    if (findings.complete()) return "complete";
    std::string why;
    for (const auto& task : findings.tasks) {
        if (task.complete) continue;
        why += (why.empty() ? "" : "; ") + ("task " + task.task_id + ": ") +
               (task.problem.empty() ? "not every page was read" : one_line(task.problem));
    }
    return "INCOMPLETE: " + why;
}

std::string file_text(const char* name, const FindingsFile& file) {
    std::string text = std::string(name) + ": ";
    if (!file.written()) return text + "NOT written to " + file.path + " (" + file.error + ")";
    text += file.path;
    if (file.left_out > 0) text += " (" + std::to_string(file.left_out) + " without a location left out)";
    return text;
}

}  // namespace

std::string findings_line(const FindingsReport& findings, const FindingsFiles& files) {
    std::string line =
        "findings: " + run::counts_text(findings.counts()) + " (" + completeness(findings) + ")";
    if (const auto* sarif = files.find("sarif")) line += "; " + file_text("SARIF", *sarif);
    if (const auto* quality = files.find("codequality")) line += "; " + file_text("Code Quality", *quality);
    return line;
}

}  // namespace ccs::report
