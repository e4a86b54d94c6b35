// codearts-check-stop: stops Huawei Cloud CodeArts Check tasks when a CI build is cancelled.
// The only place that reads the process environment and owns stdout/stderr.
#include <iostream>
#include <string>
#include <vector>

#include "app/run.h"

extern char** environ;

namespace {

ccs::inputs::Environment process_environment() {
    ccs::inputs::Environment env;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        const std::string text(*entry);
        const auto equals = text.find('=');
        if (equals != std::string::npos) env.emplace(text.substr(0, equals), text.substr(equals + 1));
    }
    return env;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    const std::string argv0 = argc > 0 ? argv[0] : "";  // the GitHub post run is told apart by its name
    try {
        return ccs::app::run(argv0, args, process_environment(), std::cout, std::cerr);
    } catch (const std::exception& error) {
        // Only reached on a bug: the message comes from our code, never from a secret-bearing input.
        std::cerr << "codearts-check-stop: internal error: " << error.what() << '\n';
        return 1;
    }
}
