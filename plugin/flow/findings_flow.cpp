#include "flow/findings_flow.h"

#include <algorithm>
#include <exception>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_set>

#include "core/strings.h"

namespace ccs::flow {
namespace {

// A service that ignores the offset answers the same findings forever; this many pages in a row with
// nothing new end the reading.
constexpr int max_pages_without_news = 3;

// One task's findings as read, before the cap over all tasks.
struct TaskRead {
    TaskFindings task;
    std::vector<Finding> findings;
};

// "240 of 250 findings kept", "0 of an unknown number of findings kept".
std::string kept_text(const TaskFindings& task) {
    return std::to_string(task.kept) + " of " +
           (task.total ? std::to_string(*task.total) : std::string("an unknown number of")) +
           " findings kept";
}

std::string cap_reached(long long max_findings) {
    return "--max-findings " + std::to_string(max_findings) + " reached";
}

class FindingsReader {
public:
    FindingsReader(api::TaskApi& api, const std::string& task_id, const FindingsSettings& settings,
                   const Deadline& deadline, const Log& log)
        : api_(api), settings_(settings), deadline_(deadline), log_(log) {
        read_.task.task_id = task_id;
    }

    TaskRead run() {
        const std::optional<std::string> problem = read_pages();
        TaskFindings& task = read_.task;
        task.complete = !problem;
        if (problem) task.problem = *problem + "; " + kept_text(task);
        say(std::to_string(task.kept) + " findings (of " +
            (task.total ? std::to_string(*task.total) : std::string("?")) + ") read in " +
            std::to_string(pages_) + (pages_ == 1 ? " page" : " pages") + left_out() +
            (problem ? "; partial: " + *problem : ""));
        return std::move(read_);
    }

private:
    void say(const std::string& line) const { log_("task " + read_.task.task_id + ": " + line); }

    // Reads until the total; the reason it stopped short, if it did.
    std::optional<std::string> read_pages() {
        const int limit = api::defects_page_limit(settings_.page_size);
        for (;;) {
            const TaskFindings& task = read_.task;
            if (task.total && offset_ >= *task.total) return std::nullopt;
            // Full while pages remain: what they hold could only be dropped (or all be resolved: not
            // knowing, the task is not called complete).
            if (task.kept >= settings_.max_findings && task.total) return cap_reached(settings_.max_findings);
            if (deadline_.expired()) return "the time was up before the page at offset " + offset_text();
            const api::CallResult call = read_page(limit);
            if (!call.succeeded) {
                read_.task.credentials_refused = call.error_class == api::ErrorClass::Auth;
                return failure(call);
            }
            ++pages_;
            const api::DefectsPage& page = *call.defects;
            read_.task.total = page.total;
            if (page.entries == 0) {
                if (offset_ >= page.total) return std::nullopt;
                return "the service's pages ended at offset " + offset_text() + ", before its total";
            }
            const bool news = add(page);
            if (capped_) return cap_reached(settings_.max_findings);
            pages_without_news_ = news ? 0 : pages_without_news_ + 1;
            if (pages_without_news_ >= max_pages_without_news)
                return "the service answered only findings already read for " +
                       std::to_string(max_pages_without_news) + " pages in a row";
            offset_ += std::min<long long>(page.entries, limit);
        }
    }

    api::CallResult read_page(int limit) {
        const auto call = [&](const Deadline& by) {
            return api_.defects_detail(read_.task.task_id, offset_, limit, settings_.unresolved_only, by);
        };
        return call_persistently(call, deadline_, settings_.backoff, waits_,
                                 [&](const api::CallResult& failed, std::chrono::milliseconds wait) {
                                     say("the page at offset " + offset_text() + " failed for now (" +
                                         failed.describe() + "); asking again in " + duration_text(wait));
                                 });
    }

    std::string failure(const api::CallResult& call) const {
        const std::string page = "the page at offset " + offset_text();
        if (call.error_class == api::ErrorClass::Transient)
            return "the time was up while " + page + " failed for now (" + call.describe() + ")";
        const std::string why = call.error_class == api::ErrorClass::Auth
                                    ? " was refused: the service refused the credentials: "
                                    : " could not be read: ";
        return page + why + call.describe();
    }

    // Adds the page's new, unresolved findings; true when it held any finding not seen before.
    bool add(const api::DefectsPage& page) {
        bool news = false;
        unusable_ += page.unusable;
        for (const api::PageDefect& defect : page.defects) {
            const std::string& id = defect.finding.defect_id;
            if (!id.empty() && !seen_.insert(id).second) {
                ++duplicates_;
                continue;
            }
            news = true;
            if (settings_.unresolved_only && !defect.status.empty() && defect.status != "0") {
                ++resolved_;
                continue;
            }
            if (read_.task.kept >= settings_.max_findings) {
                capped_ = true;
                return news;
            }
            keep(defect.finding);
        }
        return news;
    }

    void keep(const Finding& read) {
        Finding finding = read;
        finding.task_id = read_.task.task_id;
        finding.path = repository_path(finding.service_path, settings_.path_prefix);
        read_.findings.push_back(std::move(finding));
        ++read_.task.kept;
    }

    std::string offset_text() const { return std::to_string(offset_); }

    // " (3 duplicates, 10 resolved or dismissed left out)", or "" when nothing was left out.
    std::string left_out() const {
        std::vector<std::string> parts;
        if (duplicates_) parts.push_back(std::to_string(duplicates_) + " duplicates");
        if (resolved_) parts.push_back(std::to_string(resolved_) + " resolved or dismissed");
        if (unusable_) parts.push_back(std::to_string(unusable_) + " unusable entries");
        return parts.empty() ? std::string() : " (" + join(parts, ", ") + " left out)";
    }

    api::TaskApi& api_;
    const FindingsSettings& settings_;
    const Deadline& deadline_;
    const Log& log_;
    TaskRead read_;
    std::unordered_set<std::string> seen_;
    long long offset_ = 0;
    int pages_ = 0;
    int waits_ = 0;
    int pages_without_news_ = 0;
    long long duplicates_ = 0;
    long long resolved_ = 0;
    long long unusable_ = 0;
    bool capped_ = false;
};

TaskRead unread(const std::string& task_id, const std::string& why) {
    TaskRead read;
    read.task.task_id = task_id;
    read.task.problem = why + "; " + kept_text(read.task);
    return read;
}

// FindingsReport's order: severity, then the task's place in the list, path, line and defect id.
void sort_findings(std::vector<Finding>& findings, const std::vector<std::string>& task_ids) {
    std::map<std::string, std::size_t> place;
    for (std::size_t i = task_ids.size(); i-- > 0;) place[task_ids[i]] = i;  // the first place of a repeat
    const auto key = [&place](const Finding& f) {
        return std::make_tuple(f.severity, place[f.task_id], f.path.value_or(""), f.line, f.defect_id);
    };
    std::stable_sort(findings.begin(), findings.end(),
                     [&key](const Finding& a, const Finding& b) { return key(a) < key(b); });
}

// Keeps the first `max_findings` (the most severe); the tasks that lose findings are incomplete.
void apply_cap(FindingsReport& report) {
    const auto cap = static_cast<std::size_t>(std::max(0LL, report.max_findings));
    if (report.findings.size() <= cap) return;
    report.findings.resize(cap);
    std::map<std::string, long long> kept;
    for (const Finding& finding : report.findings) ++kept[finding.task_id];
    for (TaskFindings& task : report.tasks) {
        if (kept[task.task_id] == task.kept) continue;
        task.kept = kept[task.task_id];
        task.complete = false;
        task.problem = cap_reached(report.max_findings) + " over all tasks; " + kept_text(task);
    }
}

}  // namespace

FindingsReport fetch_findings(const std::vector<std::string>& task_ids, const FindingsSettings& settings,
                              const ApiFactory& make_api, const Deadline& deadline, const Log& log) {
    std::vector<TaskRead> reads(task_ids.size());
    share_out(task_ids.size(), settings.concurrency, make_api, [&](std::size_t i, const ApiOfWorker& api) {
        if (deadline.expired()) {
            reads[i] = unread(task_ids[i], "the time was up before its findings were read");
            log("task " + task_ids[i] + ": " + reads[i].task.problem);
            return;
        }
        try {
            reads[i] = FindingsReader(api(), task_ids[i], settings, deadline, log).run();
        } catch (const std::exception& error) {
            reads[i] = unread(task_ids[i], std::string("internal error: ") + error.what());
            log("task " + task_ids[i] + ": " + reads[i].task.problem);
        }
    });
    FindingsReport report;
    report.max_findings = settings.max_findings;
    for (TaskRead& read : reads) {
        report.tasks.push_back(read.task);
        report.findings.insert(report.findings.end(), std::make_move_iterator(read.findings.begin()),
                               std::make_move_iterator(read.findings.end()));
    }
    sort_findings(report.findings, task_ids);
    apply_cap(report);
    return report;
}

}  // namespace ccs::flow
