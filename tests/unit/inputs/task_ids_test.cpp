// Task id lists: separators, duplicates, order, and every kind of bad id.
#include "inputs/task_ids.h"
#include "input_test_helpers.h"

using namespace ccs::inputs;
using namespace ccs::inputs::testing;

namespace {

std::vector<std::string> ids_from_input(const std::string& list) {
    return config_of({}, valid_env_with("INPUT_TASK-ID", list)).task_ids;
}

std::string failure_for_input(const std::string& list) {
    return failure_of({}, valid_env_with("INPUT_TASK-ID", list));
}

}  // namespace

TEST_CASE("lists split on commas, spaces, tabs and newlines (LF and CRLF)") {
    CHECK(ids_from_input("a,b c\nd\r\ne\tf") == std::vector<std::string>{"a", "b", "c", "d", "e", "f"});
}

TEST_CASE("empty elements are skipped") {
    CHECK(ids_from_input(",a,, ,b,\n\n") == std::vector<std::string>{"a", "b"});
}

TEST_CASE("duplicates count once, in order of first appearance") {
    CHECK(ids_from_input("b a b c a") == std::vector<std::string>{"b", "a", "c"});
    const Config config = config_of({"--task-id", "x,y", "--task-id", "y z x"}, valid_env());
    CHECK(config.task_ids == std::vector<std::string>{"x", "y", "z"});
}

TEST_CASE("a newline inside a value is a separator, so \"a\\nb\" is two ids, not one bad one") {
    CHECK(ids_from_input("a\nb") == std::vector<std::string>{"a", "b"});
    CHECK(config_of({"--task-id", "a\nb"}, valid_env()).task_ids == std::vector<std::string>{"a", "b"});
}

TEST_CASE("the whole allowed alphabet passes, up to 32 characters") {
    const std::string longest = "2b31ed520aaaaaaaebedb6e57bbbbbbb";
    REQUIRE(longest.size() == 32);
    CHECK(ids_from_input(longest) == std::vector<std::string>{longest});
    CHECK(ids_from_input("A-Z_a-z_0-9") == std::vector<std::string>{"A-Z_a-z_0-9"});
    CHECK(ids_from_input("x") == std::vector<std::string>{"x"});
}

TEST_CASE("bad ids are refused, naming the input and quoting the id safely") {
    SUBCASE("path traversal") {
        const std::string message = failure_for_input("good,../x");
        CHECK(message.rfind("INPUT_TASK-ID: task id \"../x\" contains \".\"", 0) == 0);
        CHECK(message.find("1 to 32 characters") != std::string::npos);
    }
    SUBCASE("percent sign") {
        CHECK(failure_for_input("a%b").rfind("INPUT_TASK-ID: task id \"a%b\" contains \"%\"", 0) == 0);
    }
    SUBCASE("33 characters") {
        const std::string id(33, 'a');
        CHECK(failure_for_input(id).rfind("INPUT_TASK-ID: task id \"" + id + "\" has 33 characters", 0) == 0);
    }
    SUBCASE("a byte that is not UTF-8") {
        const std::string message = failure_of({"--task-id", "ab\xff"}, valid_env());
        CHECK(message.rfind("--task-id: task id \"ab\\xff\" contains \"\\xff\"", 0) == 0);
    }
    SUBCASE("valid UTF-8 outside ASCII is refused and shown escaped") {
        CHECK(failure_for_input("caf\xc3\xa9").find("\"caf\\xc3\\xa9\"") != std::string::npos);
    }
    SUBCASE("a control character other than the separators") {
        CHECK(failure_for_input("a\x01"
                                "b")
                  .find("\"a\\x01b\"") != std::string::npos);
    }
    SUBCASE("a slash or a dot alone") {
        CHECK(failure_for_input("a/b").find("contains \"/\"") != std::string::npos);
        CHECK(failure_for_input(".").find("task id \".\"") != std::string::npos);
    }
    SUBCASE("a very long bad id is cut in the message") {
        const std::string id = "%" + std::string(5000, 'a');
        const std::string message = failure_for_input(id);
        CHECK(message.size() < 300);
        CHECK(message.find("(5001 bytes)") != std::string::npos);
    }
}

TEST_CASE("no task id at all names every way to give one") {
    const std::string message = failure_of({}, valid_env_without("INPUT_TASK-ID"));
    CHECK(message.find("no task id") == 0);
    CHECK(message.find("--task-id") != std::string::npos);
    CHECK(message.find("INPUT_TASK-ID") != std::string::npos);
    CHECK(message.find("CODEARTS_CHECK_TASK_ID") != std::string::npos);
}

TEST_CASE("a list of nothing but separators names the input") {
    CHECK(failure_for_input(", ,") == "INPUT_TASK-ID: no task id in \", ,\"");
}

TEST_CASE("task_id_problem and split_task_id_list on their own") {
    CHECK(task_id_problem("abc").empty());
    CHECK(task_id_problem("").size() > 0);
    CHECK(split_task_id_list("").empty());
    CHECK(split_task_id_list("a,,b") == std::vector<std::string>{"a", "b"});
}
