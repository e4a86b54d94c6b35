#include "emulator/api_call.h"

#include <vector>

namespace ccs::emu {

namespace {

// "/v2/tasks/T1/stop" -> {"v2", "tasks", "T1", "stop"}. Empty segments are kept, so "//" never
// matches a route.
std::vector<std::string> path_segments(const std::string& path) {
    std::vector<std::string> segments;
    if (path.empty() || path[0] != '/') return segments;
    std::string::size_type start = 1;
    while (true) {
        const auto slash = path.find('/', start);
        segments.push_back(path.substr(start, slash - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return segments;
}

ApiCall task_call(const std::string& method, const std::string& id, const std::string& action) {
    if (id.empty()) return {};
    if (method == "POST" && action == "stop") return {CallKind::Stop, id};
    if (method == "GET" && action == "progress") return {CallKind::Progress, id};
    if (method == "POST" && action == "run") return {CallKind::Run, id};
    return {};
}

}  // namespace

ApiCall classify_call(const std::string& method, const std::string& path) {
    const auto segments = path_segments(path);
    if (segments.size() == 4 && segments[0] == "v2" && segments[1] == "tasks") {
        return task_call(method, segments[2], segments[3]);
    }
    if (segments.size() == 3 && segments[0] == "v2" && segments[2] == "task" && !segments[1].empty() &&
        method == "POST") {
        return {CallKind::Create, ""};
    }
    return {};
}

const char* to_string(CallKind kind) {
    switch (kind) {
        case CallKind::Stop: return "stop";
        case CallKind::Progress: return "progress";
        case CallKind::Run: return "run";
        case CallKind::Create: return "create";
        case CallKind::Unknown: return "unknown";
    }
    return "unknown";
}

std::optional<CallKind> call_kind_from_name(const std::string& name) {
    for (const auto kind : {CallKind::Stop, CallKind::Progress, CallKind::Run, CallKind::Create}) {
        if (name == to_string(kind)) return kind;
    }
    return std::nullopt;
}

}  // namespace ccs::emu
