#include <doctest/doctest.h>

#include "report/redactor.h"
#include "report_samples.h"

using ccs::report::Redactor;
using ccs::report::samples::secret;

TEST_CASE("redactor: every occurrence becomes ***") {
    const Redactor redactor({secret});
    CHECK(redactor.redact("a " + secret + " b " + secret) == "a *** b ***");
    CHECK(redactor.redact(secret + secret) == "***");  // adjacent: one run of secret bytes
    CHECK(redactor.redact("nothing here") == "nothing here");
}

TEST_CASE("redactor: empty secrets are ignored, no secrets change nothing") {
    CHECK(Redactor({"", ""}).redact("text") == "text");
    CHECK(Redactor().redact("text") == "text");
}

TEST_CASE("redactor: a longer secret containing a shorter one leaves nothing of either") {
    const Redactor redactor({"abc", "xxabcxx"});
    CHECK(redactor.redact("1 xxabcxx 2 abc 3") == "1 *** 2 *** 3");
}

TEST_CASE("redactor: overlapping secrets leave no byte of either") {
    const Redactor redactor({"abcd", "xab"});
    CHECK(redactor.redact("-xabcd-") == "-***-");
    CHECK(Redactor({"aa"}).redact("aaa") == "***");
}

TEST_CASE("redactor: a multi-line secret is also redacted line by line") {
    const Redactor redactor({"first-line\nsecond-line"});
    CHECK(redactor.redact("x first-line\nsecond-line y") == "x *** y");
    CHECK(redactor.redact("only second-line here") == "only *** here");
}

TEST_CASE("redactor: every string of a report") {
    const Redactor redactor({secret});
    const auto report = redactor.redact(ccs::report::samples::leaky_report());
    for (const auto& task : report.tasks) {
        CHECK(task.detail.find(secret) == std::string::npos);
        CHECK(task.error_message.find(secret) == std::string::npos);
        for (const auto& id : task.request_ids) CHECK(id.find(secret) == std::string::npos);
    }
    CHECK(report.tasks[0].error_message == "bad header X-Auth-Token: ***");
    ccs::RunReport skipped;
    skipped.skipped_reason = "no task ids, token " + secret;
    CHECK(redactor.redact(skipped).skipped_reason == "no task ids, token ***");
}
