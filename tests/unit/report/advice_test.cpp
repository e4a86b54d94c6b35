#include <doctest/doctest.h>

#include "core/error_class.h"
#include "report/advice.h"
#include "report_samples.h"

using namespace ccs::report;
using samples::failed;

TEST_CASE("advice: none for a task that did not fail") {
    CHECK(advice_kind(samples::stopped("a")) == Advice::None);
    CHECK(advice_kind(samples::not_running("a")) == Advice::None);
    CHECK(advice_for(samples::stopped("a")) == "");
}

TEST_CASE("advice: credentials, by service code first, then by HTTP status") {
    CHECK(advice_kind(failed("a", 401, "CC.00000003", "认证信息过期")) == Advice::RenewCredentials);
    CHECK(advice_kind(failed("a", 200, "CC.00050007", "IAM authentication failed")) ==
          Advice::RenewCredentials);
    CHECK(advice_kind(failed("a", 200, "CC.00050010", "no permission")) == Advice::CheckPermissions);
    CHECK(advice_kind(failed("a", 200, "CC.00050011", "not in any project")) == Advice::JoinProject);
    CHECK(advice_kind(failed("a", 401, "", "")) == Advice::RenewCredentials);
    CHECK(advice_kind(failed("a", 403, "", "")) == Advice::CheckPermissions);
    CHECK(advice_kind(failed("a", 401, "CC.00050010", "")) == Advice::CheckPermissions);

    auto refused = failed("a", 400, "APIGW.0301", "Incorrect IAM authentication information");
    refused.credentials_refused = true;
    CHECK(advice_kind(refused) == Advice::CheckCredentials);
}

TEST_CASE("advice: the texts say what to do") {
    CHECK(advice_text(Advice::RenewCredentials).find("renew the credentials") != std::string::npos);
    CHECK(advice_text(Advice::CheckPermissions).find("check the IAM permissions") != std::string::npos);
    CHECK(advice_text(Advice::CheckCredentials).find("renew the credentials, or check the IAM permissions") !=
          std::string::npos);
    CHECK(advice_text(Advice::JoinProject).find("add it to the project") != std::string::npos);
    CHECK(advice_text(Advice::CheckTaskId).find("check the task id") != std::string::npos);
    CHECK(advice_text(Advice::RetryLater).find("service was busy; re-run the step") != std::string::npos);
    CHECK(advice_text(Advice::CheckNetwork).find("No answer came from the service") != std::string::npos);
    CHECK(advice_text(Advice::CheckPermissions).find("right to run and stop") != std::string::npos);
    CHECK_FALSE(advice_text(Advice::Generic).empty());
}

TEST_CASE("advice: a wrong task id") {
    CHECK(advice_kind(failed("a", 200, "CC.00050013", "project does not exist")) == Advice::CheckTaskId);
}

TEST_CASE("advice: transient errors that outlasted the retries") {
    for (const auto& code : {"CC.00000000", "CC.00050001", "CC.00050006", "CC.00050012", "CC.00050014"}) {
        CAPTURE(code);
        CHECK(advice_kind(failed("a", 200, code, "busy")) == Advice::RetryLater);
    }
    CHECK(advice_kind(failed("a", 429, "", "")) == Advice::RetryLater);
    CHECK(advice_kind(failed("a", 503, "", "")) == Advice::RetryLater);
}

TEST_CASE("advice: retry later exactly when the clients retried (408, 429, every 5xx, the busy codes)") {
    for (const int status : {408, 429, 500, 501, 502, 503, 504, 505, 599}) {
        CAPTURE(status);
        CHECK(advice_kind(failed("a", status, "", "")) == Advice::RetryLater);
        CHECK((advice_kind(failed("a", status, "", "")) == Advice::RetryLater) ==
              (ccs::classify_service_error(status, "") == ccs::ErrorClass::Transient));
    }
    CHECK(advice_kind(failed("a", 400, "APIGW.0308", "throttled")) == Advice::RetryLater);
    // A code that says "busy" was retried whatever the status, and did not refuse the credentials.
    auto busy = failed("a", 401, "CC.00050012", "retry later");
    busy.credentials_refused = false;
    CHECK(advice_kind(busy) == Advice::RetryLater);
    for (const int status : {400, 404, 409, 413}) {
        CAPTURE(status);
        CHECK(advice_kind(failed("a", status, "", "")) == Advice::Generic);
    }
}

TEST_CASE("advice: no answer at all, and the fallback") {
    auto silent = failed("a", 0, "", "");
    silent.attempts = 4;
    CHECK(advice_kind(silent) == Advice::CheckNetwork);
    silent.attempts = 0;  // nothing was even tried
    CHECK(advice_kind(silent) == Advice::Generic);
    CHECK(advice_kind(failed("a", 400, "CC.00050000", "parameters not valid")) == Advice::Generic);
}

TEST_CASE("advice: no connection could be made for want of descriptors or memory here") {
    auto starved = failed("a", 0, "", "");
    starved.attempts = 4;
    starved.local_limit = true;
    CHECK(advice_kind(starved) == Advice::RaiseLimits);
    CHECK(advice_text(Advice::RaiseLimits).find("ulimit -n") != std::string::npos);
    CHECK_FALSE(is_about_credentials(Advice::RaiseLimits));
}

TEST_CASE("advice: which advice is about the credentials") {
    CHECK(is_about_credentials(Advice::RenewCredentials));
    CHECK(is_about_credentials(Advice::CheckPermissions));
    CHECK(is_about_credentials(Advice::JoinProject));
    CHECK(is_about_credentials(Advice::CheckCredentials));
    CHECK_FALSE(is_about_credentials(Advice::RetryLater));
    CHECK_FALSE(is_about_credentials(Advice::CheckTaskId));
}
