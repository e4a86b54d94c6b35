// The command line: forms, unknown options, missing values, positional arguments, help/version.
#include "input_test_helpers.h"

using namespace ccs::inputs;
using namespace ccs::inputs::testing;

TEST_CASE("options take '--name value' and '--name=value'") {
    CHECK(config_of({"--concurrency", "3"}, valid_env()).concurrency == 3);
    CHECK(config_of({"--concurrency=3"}, valid_env()).concurrency == 3);
}

TEST_CASE("a value may itself contain '=' and ':'") {
    const Config config = config_of({"--iam-token", "a=b:c"}, valid_env());
    CHECK(token_of(config) == "a=b:c");
}

TEST_CASE("unknown options are refused with a pointer to --help") {
    CHECK(failure_of({"--foo"}, valid_env()) == "unknown option --foo; see --help");
    CHECK(failure_of({"-x"}, valid_env()) == "unknown option -x; see --help");
}

TEST_CASE("an unknown option's value is not shown: it could be a mistyped secret") {
    const std::string message = failure_of({"--tokn=hunter2"}, valid_env());
    CHECK(message == "unknown option --tokn; see --help");
}

TEST_CASE("prefixes and other letter cases of option names are refused") {
    CHECK(failure_of({"--time", "5"}, valid_env()) == "unknown option --time; see --help");
    CHECK(failure_of({"--Task-Id", "a"}, valid_env()) == "unknown option --Task-Id; see --help");
    CHECK(failure_of({"--task-id:a"}, valid_env()) == "unknown option --task-id:a; see --help");
}

TEST_CASE("a missing value is named") {
    CHECK(failure_of({"--region"}, valid_env()) == "--region needs a value");
    CHECK(failure_of({"--region", "--json"}, valid_env()) == "--region needs a value");
}

TEST_CASE("a flag takes no value on the command line") {
    CHECK(failure_of({"--json=false"}, valid_env()) == "--json takes no value");
}

TEST_CASE("a single-valued option may be given once") {
    CHECK(failure_of({"--region", "cn-east-3", "--region", "cn-east-2"}, valid_env()) ==
          "--region is given more than once");
}

TEST_CASE("positional arguments are refused, quoted safely") {
    CHECK(failure_of({"abc"}, valid_env()) ==
          "unexpected argument \"abc\"; options start with --; see --help");
    CHECK(failure_of({"-"}, valid_env()).find("unexpected argument \"-\"") == 0);
    CHECK(failure_of({"--", "--json"}, valid_env()).find("unexpected argument \"--json\"") == 0);
    CHECK(failure_of({"a\x1b[31m"}, valid_env()).find("\"a\\x1b[31m\"") != std::string::npos);
}

TEST_CASE("a lone '--' ends the options and is otherwise harmless") {
    CHECK(parse_inputs({"--json", "--"}, valid_env()).config.json);
}

TEST_CASE("the word after a secret is not echoed") {
    const std::string message = failure_of({"--iam-token", "first-half", "second-half"}, valid_env());
    CHECK(message.find("second-half") == std::string::npos);
    CHECK(message.find("first-half") == std::string::npos);
    CHECK(message.find("unexpected argument") != std::string::npos);
}

TEST_CASE("help and version short-circuit everything else") {
    const Environment bad_env = {{"INPUT_TASK-ID", "../x"}, {"INPUT_TIMEOUT", "forever"}};
    CHECK(parse_inputs({"--help"}, {}).request == Request::Help);
    CHECK(parse_inputs({"--version"}, {}).request == Request::Version);
    CHECK(parse_inputs({"--help"}, bad_env).request == Request::Help);
    CHECK(parse_inputs({"--foo", "stray", "--help"}, bad_env).request == Request::Help);
    CHECK(parse_inputs({"--version", "--region"}, bad_env).request == Request::Version);
    CHECK(parse_inputs({"--version", "--help"}, {}).request == Request::Help);
}

TEST_CASE("boolean flags on the command line are true") {
    const Config config = config_of({"--dry-run", "--json"}, valid_env_with("INPUT_DRY-RUN", "false"));
    CHECK(config.dry_run);
    CHECK(config.json);
}
