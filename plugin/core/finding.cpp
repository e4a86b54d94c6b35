#include "core/finding.h"

#include <algorithm>

#include "core/strings.h"

namespace ccs {

const char* to_string(Severity severity) {
    switch (severity) {
        case Severity::Critical: return "critical";
        case Severity::Major: return "major";
        case Severity::Minor: return "minor";
        case Severity::Suggestion: return "suggestion";
    }
    return "suggestion";
}

namespace {

long long SeverityCounts::*count_member(Severity severity) {
    switch (severity) {
        case Severity::Critical: return &SeverityCounts::critical;
        case Severity::Major: return &SeverityCounts::major;
        case Severity::Minor: return &SeverityCounts::minor;
        case Severity::Suggestion: break;
    }
    return &SeverityCounts::suggestion;
}

}  // namespace

long long count_of(const SeverityCounts& counts, Severity severity) {
    return counts.*count_member(severity);
}

long long& count_of(SeverityCounts& counts, Severity severity) {
    return counts.*count_member(severity);
}

Loudness loudness_of(Severity severity) {
    switch (severity) {
        case Severity::Critical:
        case Severity::Major: return Loudness::Error;
        case Severity::Minor: return Loudness::Warning;
        case Severity::Suggestion: break;
    }
    return Loudness::Note;
}

bool FindingsReport::complete() const {
    return std::all_of(tasks.begin(), tasks.end(), [](const TaskFindings& task) { return task.complete; });
}

SeverityCounts FindingsReport::counts() const {
    SeverityCounts counts;
    for (const auto& finding : findings) ++count_of(counts, finding.severity);
    return counts;
}

namespace {

bool has_forbidden_byte(const std::string& path) {
    return std::any_of(path.begin(), path.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte < 0x20 || byte == 0x7f || c == '\\';
    });
}

// "https://...", "file:...", "C:..." : a scheme (or a drive letter) before the first slash.
bool has_scheme(const std::string& path) {
    const auto colon = path.find(':');
    return colon != std::string::npos && colon < path.find('/');
}

}  // namespace

std::optional<std::string> repository_path(const std::string& service_path, const std::string& prefix) {
    std::string path = service_path;
    // The prefix counts only up to a segment's end: "/ws/repo" takes "/ws/repo/a.c", not "/ws/repo2/a.c".
    const bool at_boundary = path.size() == prefix.size() || (!prefix.empty() && prefix.back() == '/') ||
                             (path.size() > prefix.size() && path[prefix.size()] == '/');
    if (!prefix.empty() && starts_with(path, prefix) && at_boundary) {
        path.erase(0, prefix.size());
        if (prefix.back() != '/') path.erase(0, 1);  // the slash after the prefix
    }
    if (path.empty() || path.front() == '/' || has_forbidden_byte(path) || has_scheme(path))
        return std::nullopt;
    std::vector<std::string> kept;
    for (const auto& segment : split(path, '/')) {
        if (segment == "..") return std::nullopt;
        if (segment.empty() || segment == ".") continue;
        kept.push_back(segment);
    }
    if (kept.empty()) return std::nullopt;
    return join(kept, "/");
}

}  // namespace ccs
