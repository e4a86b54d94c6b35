#include "iam/github_id_token.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include "iam/iam_requests.h"

namespace ccs::iam {

namespace {

constexpr char kService[] = "the GitHub id-token service";

std::optional<std::string> id_token_value(const std::string& body) {
    try {
        Poco::JSON::Parser parser;
        const auto parsed = parser.parse(body);
        if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) return std::nullopt;
        const auto value = parsed.extract<Poco::JSON::Object::Ptr>()->get("value");
        if (!value.isString()) return std::nullopt;
        const std::string token = value.convert<std::string>();
        if (!fit_for_header(token)) return std::nullopt;
        return token;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

}  // namespace

HttpRequest github_id_token_http_request(const GitHubIdTokenRequest& request) {
    const ServiceUrl& url = request.request_url;
    HttpRequest http_request;
    http_request.method = "GET";
    http_request.path = url.path.empty() ? "/" : url.path;
    http_request.query = url.query;
    if (!request.audience.empty()) {
        std::string audience;
        Poco::URI::encode(request.audience, "!#$&'()*+,/:;=?@[]", audience);
        http_request.query += (http_request.query.empty() ? "" : "&") + std::string("audience=") + audience;
    }
    http_request.set_header("Host", url.origin.host_header());
    http_request.set_header("Authorization", "Bearer " + request.request_token);
    http_request.set_header("Accept", "application/json");
    return http_request;
}

Result<std::string> request_github_id_token(const GitHubIdTokenRequest& request,
                                            const http::SharedTlsContext& tls, const ProxySetting& proxy,
                                            int max_attempts, const Deadline& deadline, const Log& log,
                                            const http::Sleep& sleep) {
    HttpRequest http_request = github_id_token_http_request(request);
    const std::string call = "GET " + http_request.path;
    http::Connection connection(request.request_url.origin, tls, proxy);
    ServiceCaller caller(kService, connection, max_attempts, log, sleep);
    const CallOutcome outcome = caller.call(
        call, [&http_request] { return http_request; }, deadline);
    if (!outcome.answer) return failed<std::string>(outcome.failure);
    if (auto token = id_token_value(outcome.answer->body)) return success(std::move(*token));
    return failed<std::string>(
        unusable_answer(outcome, call, kService, "the answer has no id token (a \"value\" string)"));
}

}  // namespace ccs::iam
