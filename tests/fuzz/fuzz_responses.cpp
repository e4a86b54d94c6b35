// The service's answers are untrusted bytes: any body must give a result, never a crash, a hang or a
// leak, and a body is never both a success and an error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/responses.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string body(reinterpret_cast<const char*>(data), size);
    const auto error = ccs::api::parse_service_error(body);
    std::string problem;
    const auto progress = ccs::api::parse_progress(body, problem);
    ccs::fuzz::require(progress.has_value() == problem.empty(),
                       "a progress answer has a result or a problem");
    std::string summary_problem;
    const auto summary = ccs::api::parse_defects_summary(body, summary_problem);
    ccs::fuzz::require(summary.has_value() == summary_problem.empty(),
                       "a defects summary has a result or a problem");
    std::string statistic_problem;
    const auto statistic = ccs::api::parse_defects_statistic(body, statistic_problem);
    ccs::fuzz::require(statistic.has_value() == statistic_problem.empty(),
                       "a defects statistic has a result or a problem");
    if (statistic) {
        ccs::fuzz::require(statistic->critical >= 0 && statistic->major >= 0 && statistic->minor >= 0 &&
                               statistic->suggestion >= 0,
                           "counts are never negative");
    }
    std::string page_problem;
    const auto page = ccs::api::parse_defects_page(body, page_problem);
    ccs::fuzz::require(page.has_value() == page_problem.empty(), "a defects page has a result or a problem");
    if (page) {
        ccs::fuzz::require(page->total >= 0, "a page's total is never negative");
        ccs::fuzz::require(page->unusable + static_cast<long long>(page->defects.size()) == page->entries,
                           "every entry of a page is a finding or counted as unusable");
        for (const auto& defect : page->defects) {
            ccs::fuzz::require(defect.finding.line >= 0 && defect.finding.line <= 2147483647L,
                               "a line is 0 or a line number");
            ccs::fuzz::require(!defect.finding.path, "the parser leaves the location to the flow");
        }
    }
    const std::string exec_id = ccs::api::parse_exec_id(body);
    ccs::fuzz::require(exec_id.size() <= 64 && exec_id.find_first_of("\r\n\"' ") == std::string::npos,
                       "an exec id is a plain id");
    if (ccs::api::is_empty_success_body(body)) {
        ccs::fuzz::require(!error.has_value(), "an empty success body carries no error");
    }
    return 0;
}
