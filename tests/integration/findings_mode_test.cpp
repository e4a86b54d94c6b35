// Findings end to end: the real program against the emulator over HTTPS on loopback, with the findings
// of tests/scenarios/run-with-findings.json (220 unresolved findings over three pages, duplicates
// across pages, resolved and dismissed ones the emulator sends anyway, hostile paths and messages).
// What a user checks: the SARIF and Code Quality files (the SARIF validated by Microsoft's SARIF
// multitool with GitHub's rules), the annotations as the runner would read them, the JSON document
// and the exit code; a partial read is never passed off as complete.
#include <doctest/doctest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <set>
#include <string>
#include <vector>

#include "interrupt_helpers.h"
#include "program.h"
#include "support/github_file_commands.h"
#include "support/json_result.h"
#include "support/temp_dir.h"

using namespace ccs::test;

namespace {

const std::string token = "tok-1";  // the scenario's
const std::string task = "T1";
constexpr std::size_t unresolved = 220;    // the scenario's findings that are not resolved or dismissed
constexpr std::size_t without_place = 10;  // of those, the ones whose path must not be a location

std::string scenario_file() {
    return std::string(CCS_SCENARIO_DIR) + "/run-with-findings.json";
}

EmulatorOptions findings_scenario() {
    EmulatorOptions options;
    options.scenario_file = scenario_file();
    return options;
}

std::vector<std::string> with_emulator(const std::string& mode, const Emulator& emulator,
                                       const std::vector<std::string>& more) {
    return joined(joined({mode}, emulator_flags(emulator, token)), joined({"--task-id", task}, more));
}

Poco::Dynamic::Var parse_json(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text);
}

Poco::JSON::Object::Ptr sarif_run(const std::string& path) {
    const auto sarif = parse_json(read_text_file(path)).extract<Poco::JSON::Object::Ptr>();
    CHECK(sarif->getValue<std::string>("version") == "2.1.0");
    return sarif->getArray("runs")->getObject(0);
}

// Every location a SARIF file or a Code Quality report points at.
std::vector<std::string> sarif_uris(const Poco::JSON::Object::Ptr& run) {
    std::vector<std::string> uris;
    const auto results = run->getArray("results");
    for (std::size_t i = 0; i < results->size(); ++i) {
        const auto locations = results->getObject(i)->getArray("locations");
        if (!locations) continue;
        for (std::size_t j = 0; j < locations->size(); ++j) {
            uris.push_back(locations->getObject(j)
                               ->getObject("physicalLocation")
                               ->getObject("artifactLocation")
                               ->getValue<std::string>("uri"));
        }
    }
    return uris;
}

std::vector<std::string> codequality_paths(const std::string& path) {
    const auto report = parse_json(read_text_file(path)).extract<Poco::JSON::Array::Ptr>();
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < report->size(); ++i)
        paths.push_back(report->getObject(i)->getObject("location")->getValue<std::string>("path"));
    return paths;
}

// A location a reviewer's tool may open: relative, inside the repository, printable.
bool is_repository_path(const std::string& path) {
    if (path.empty() || path.front() == '/' || contains(path, "..") || contains(path, "://") ||
        contains(path, "\\"))
        return false;
    for (const char c : path) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
    }
    return true;
}

// tests/sarif/validate: Microsoft's SARIF multitool with GitHub's ingestion rules. Exit 77: not
// installed here (outside CI), which the test says rather than fails.
void check_github_accepts(const std::vector<std::string>& files) {
    const std::string validate = std::string(CCS_SCENARIO_DIR) + "/../sarif/validate";
    const ProcessResult run =
        run_process(validate, files, with_inherited({}, {"PATH", "HOME", "CI"}), std::chrono::seconds(280));
    if (run.exit_code == 77) {
        MESSAGE("the SARIF multitool is not installed (npm ci in tests/sarif): SARIF not validated");
        return;
    }
    INFO(run.out << run.err);
    CHECK(run.exit_code == 0);
}

}  // namespace

TEST_CASE("run with --sarif and --codequality: every unresolved finding, each with a safe location or none") {
    Emulator emulator(findings_scenario());
    const TempDir dir;
    const std::string sarif = dir.file("codearts-check.sarif");
    const std::string codequality = dir.file("gl-code-quality-report.json");
    const std::string json = dir.file("result.json");
    const ProcessResult result =
        run_program(with_emulator("run", emulator,
                                  {"--poll-interval", "1s", "--sarif", sarif, "--codequality", codequality,
                                   "--path-prefix", "/workspace/app", "--json-file", json}));
    CHECK(result.exit_code == 0);

    const auto run = sarif_run(sarif);
    // De-duplicated (253 entries, 250 findings), resolved and dismissed left out; the findings with a
    // path that cannot be a location are counted, not written (GitHub refuses a result without one).
    CHECK(run->getArray("results")->size() == unresolved - without_place);
    CHECK(run->getObject("properties")->getValue<int>("withoutLocation") == static_cast<int>(without_place));
    CHECK(run->getArray("invocations")->getObject(0)->getValue<bool>("executionSuccessful"));
    const std::vector<std::string> uris = sarif_uris(run);
    CHECK(uris.size() == unresolved - without_place);
    for (const auto& uri : uris) {
        CAPTURE(uri);
        CHECK(is_repository_path(uri));
    }
    // --path-prefix made the service's absolute paths under it into the repository's own; a sibling
    // directory that only starts with the same letters is not under it and gets no location.
    const std::set<std::string> located(uris.begin(), uris.end());
    CHECK(located.count("src/prefixed_1.cpp") == 1);
    CHECK(located.count("include/prefixed_2.h") == 1);
    for (const auto& uri : located) CHECK_FALSE(contains(uri, "not_prefixed"));

    const std::vector<std::string> paths = codequality_paths(codequality);
    CHECK(paths.size() == unresolved - without_place);
    for (const auto& path : paths) {
        CAPTURE(path);
        CHECK(is_repository_path(path));
    }

    const auto document = parse_json_object(read_text_file(json));
    const auto findings = document->getObject("findings");
    REQUIRE(findings);
    CHECK(findings->getValue<bool>("complete"));
    CHECK(findings->getValue<int>("critical") == 3);
    CHECK(findings->getValue<int>("major") == 27);
    CHECK(requests_to(emulator, "/defects-detail").size() == 3);
    check_github_accepts({sarif});
}

TEST_CASE(
    "findings mode: a finished task's findings; a cap or a refusal is partial, exit 1, never complete") {
    Emulator emulator(findings_scenario());
    // The scenario's check first, so that its findings are there to read.
    REQUIRE(run_program(with_emulator("run", emulator, {"--poll-interval", "1s"})).exit_code == 0);
    const TempDir dir;
    const std::string sarif = dir.file("findings.sarif");
    const std::string json = dir.file("result.json");

    SUBCASE("all of them: exit 0") {
        const ProcessResult result =
            run_program(with_emulator("findings", emulator, {"--sarif", sarif, "--json-file", json}));
        CHECK(result.exit_code == 0);
        // Without --path-prefix the two paths under /workspace/app stay absolute: no location either.
        CHECK(sarif_run(sarif)->getArray("results")->size() == unresolved - without_place - 2);
        CHECK(parse_json_object(read_text_file(json))->getValue<std::string>("result") == "success");
        CHECK(contains(result.err, "result: success (" + std::to_string(unresolved) + " findings read)"));
    }
    SUBCASE("--all-findings: the resolved and dismissed ones too") {
        const ProcessResult result =
            run_program(with_emulator("findings", emulator, {"--all-findings", "--json-file", json}));
        CHECK(result.exit_code == 0);
        CHECK(contains(result.err, "250 findings read"));
    }
    SUBCASE("--max-findings 15: the 15 most severe, marked partial") {
        const ProcessResult result = run_program(with_emulator(
            "findings", emulator, {"--max-findings", "15", "--sarif", sarif, "--json-file", json}));
        CHECK(result.exit_code == 1);
        const auto run = sarif_run(sarif);
        CHECK_FALSE(run->getArray("invocations")->getObject(0)->getValue<bool>("executionSuccessful"));
        CHECK_FALSE(run->getObject("properties")->getValue<bool>("complete"));
        const auto findings = parse_json_object(read_text_file(json))->getObject("findings");
        CHECK_FALSE(findings->getValue<bool>("complete"));
        CHECK(findings->getValue<int>("critical") == 3);  // the most severe are the ones kept
        CHECK(contains(result.err, "--max-findings 15 reached"));
        check_github_accepts({sarif});
    }
    SUBCASE("a page refused for the permission: exit 3, and the advice") {
        emulator.load_scenario(
            R"({"rules": [{"call": "defects", "status": 403,
                "body": {"error_code": "CC.00050010", "error_msg": "no permission"}}]})");
        const ProcessResult result = run_program(with_emulator("findings", emulator, {"--json-file", json}));
        CHECK(result.exit_code == 3);
        CHECK_FALSE(
            parse_json_object(read_text_file(json))->getObject("findings")->getValue<bool>("complete"));
    }
}

TEST_CASE("findings mode: a page that fails for now is asked again, and the findings are complete") {
    Emulator emulator(findings_scenario());
    REQUIRE(run_program(with_emulator("run", emulator, {"--poll-interval", "1s"})).exit_code == 0);
    // The first page answers 503 more times than the client's own attempts (4): the fetch waits and
    // asks for the same page again.
    emulator.load_scenario(R"({"rules": [{"call": "defects", "times": 5, "status": 503}]})");
    const ProcessResult result = run_program(with_emulator("findings", emulator, {}));
    CHECK(result.exit_code == 0);
    CHECK(contains(result.err, std::to_string(unresolved) + " findings (of 253) read"));
}

TEST_CASE(
    "findings on GitHub: at most 10 annotations per level, one line for the rest, no command smuggled") {
    Emulator emulator(findings_scenario());
    const StepFiles files;
    const ProcessResult result =
        run_program(with_emulator("run", emulator, {"--poll-interval", "1s"}), files.environment());
    CHECK(result.exit_code == 0);
    // The runner's own reading of stdout: only the commands the program meant.
    std::map<std::string, int> per_level;
    for (const auto& command : parse_workflow_commands(result.out)) {
        CAPTURE(command.name);
        CHECK((command.name == "add-mask" || command.name == "error" || command.name == "warning" ||
               command.name == "notice"));
        ++per_level[command.name];
        if (command.name == "add-mask") CHECK(command.message == token);
    }
    // Errors: 3 critical and 27 major findings (10 shown); notices: the task's and the "more" line.
    CHECK(per_level["error"] == 10);
    CHECK(per_level["warning"] <= 10);
    CHECK(per_level["notice"] <= 10);
    CHECK(contains(result.out, "more findings not annotated"));
    const std::string summary = read_text_file(files.summary);
    CHECK(contains(summary, "### Findings"));
    CHECK_FALSE(contains(summary, "<img"));
}
