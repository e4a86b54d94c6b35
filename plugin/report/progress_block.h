// Run mode's progress on a terminal: one row per task ("TASKID  running  45%  scanning"), redrawn in
// place with ANSI sequences, other lines printed above it. Plain data in, bytes out: the caller
// writes them (and holds whatever lock its writers need), so the exact output can be tested.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace ccs::report {

// A row's text from a task's latest progress: each part stripped of control characters (the
// service's text must not move the cursor or end the block), joined, and trimmed to `columns` - 1
// terminal columns, so a row never wraps and the block's height stays its number of rows.
std::string progress_row(const std::string& task_id, const std::string& state, const std::string& ratio,
                         const std::string& info, int columns);

class ProgressBlock {
public:
    // `columns`: the terminal's width. At most `max_rows` rows; tasks past them share one last row.
    explicit ProgressBlock(int columns, std::size_t max_rows = 20);

    // The task's row set (added under the others the first time), and the bytes that redraw the block.
    std::string update(const std::string& task_id, const std::string& state, const std::string& ratio,
                       const std::string& info);

    // The same without drawing: for many rows at once, then one redraw().
    void set(const std::string& task_id, const std::string& state, const std::string& ratio,
             const std::string& info);
    std::string redraw();

    // `lines` (whole lines, each ending in '\n', already safe to print) above the block, and the block
    // redrawn under them.
    std::string above(const std::string& lines);

    // Leaves the block on the screen as it is: what is written next goes under it, untouched by it.
    void leave();

    bool empty() const { return rows_.empty(); }

private:
    struct Row {
        std::string task_id;
        std::string text;
    };

    std::string cursor_to_top() const;  // from under the block to its first line
    std::string rows_text();            // every row, each erased first, the cursor left under them

    int columns_;
    std::size_t max_rows_;
    std::vector<Row> rows_;
    std::set<std::string> hidden_;  // tasks without a row of their own (past max_rows)
    std::size_t drawn_ = 0;         // rows on the screen above the cursor
};

}  // namespace ccs::report
