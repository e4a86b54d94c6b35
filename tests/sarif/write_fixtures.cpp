// Writes the SARIF files the multitool checks (tests/sarif/validate): the hostile findings, the same
// read in part, no findings at all, and 5000 findings. Usage: sarif_fixtures DIR
#include <iostream>
#include <string>

#include "report/file_outputs.h"
#include "report/sarif.h"
#include "unit/report/findings_samples.h"

namespace {

bool write(const std::string& path, const ccs::FindingsReport& findings) {
    const std::string error = ccs::report::replace_file_streamed(
        path, [&findings](std::ostream& out) { ccs::report::write_sarif(findings, out); });
    if (!error.empty()) std::cerr << "sarif_fixtures: " << path << ": " << error << "\n";
    return error.empty();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: sarif_fixtures DIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    namespace samples = ccs::report::samples;
    const bool written = write(dir + "/hostile.sarif", samples::hostile_findings()) &&
                         write(dir + "/partial.sarif", samples::partial_findings()) &&
                         write(dir + "/empty.sarif", ccs::FindingsReport{}) &&
                         write(dir + "/many.sarif", samples::many_findings(5000));
    return written ? 0 : 1;
}
