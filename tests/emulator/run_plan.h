// A task's check as a scenario describes it: how a run's progress advances once started, how it ends,
// and the results (summary, statistics, defects) a successful run leaves. See README.md, "Runs".
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "emulator/task_status.h"

namespace ccs::emu {

// What ShowProgressDetail's "progress" says.
struct ProgressView {
    std::string ratio;  // "40%"
    std::string info;   // "scanning"
};

// From `after_ms` after the run started (until the next step), the progress reads `progress`.
struct RunStep {
    int after_ms = 0;
    ProgressView progress;
};

// What the result calls answer after a check: the severity and status counts, the quality gate's verdict,
// the findings, and any summary fields the scenario spells out itself.
struct CheckResults {
    int critical = 0;
    int major = 0;
    int minor = 0;
    int suggestion = 0;
    int unresolved = 0;  // default: the sum of the severities
    int resolved = 0;
    int dismissed = 0;
    std::string is_access = "true";
    // Summary fields as given (name, serialised JSON value): they replace the computed ones of that name
    // (counts included), or are added after them.
    std::vector<std::pair<std::string, std::string>> summary;
    // Findings as given (each a serialised JSON object); nullopt: made up from the severity counts.
    std::optional<std::vector<std::string>> defects;

    int total() const { return critical + major + minor + suggestion; }
};

struct RunPlan {
    std::vector<RunStep> steps;                  // ascending after_ms, the first at 0
    std::optional<int> duration_ms;              // when the run ends; nullopt: it runs until stopped
    int final_status = 2;                        // 1 check failed, 2 succeeded, 3 stopped elsewhere
    std::optional<ProgressView> final_progress;  // default: see final_progress_of()
    std::optional<CheckResults> results;         // only with final_status 2

    // The progress at `elapsed_ms` into the run (before it ended).
    ProgressView progress_at(long long elapsed_ms) const;
    // The progress once ended: as given, else "100%" with "check failed" / "check succeeded", or for a
    // stop elsewhere the last step's ratio with "stopped".
    ProgressView final_progress_of() const;
};

// A task as a scenario (or POST /_emulator/tasks) sets it up.
struct TaskSetup {
    TaskStatus status;
    std::optional<RunPlan> run;
    // The results of a check finished before: what the result calls answer until a run succeeds.
    std::optional<CheckResults> results;
};

}  // namespace ccs::emu
