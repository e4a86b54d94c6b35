#include "iam/iam_requests.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <algorithm>
#include <sstream>

namespace ccs::iam {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// IAM documents this content type for its JSON bodies.
constexpr char kJsonContentType[] = "application/json;charset=utf8";

HttpRequest iam_request(const std::string& method, const ServiceUrl& endpoint, const std::string& path) {
    HttpRequest request;
    request.method = method;
    request.path = endpoint.base_path() + path;
    request.set_header("Host", endpoint.origin.host_header());
    return request;
}

std::string compact(const Object::Ptr& object) {
    std::ostringstream text;
    object->stringify(text);
    return text.str();
}

Object::Ptr object_with(const std::string& name, const Poco::Dynamic::Var& value) {
    Object::Ptr object = new Object;
    object->set(name, value);
    return object;
}

Object::Ptr password_scope(const PasswordLogin& login) {
    const Object::Ptr project = login.project_id.empty() ? object_with("name", login.project_name)
                                                         : object_with("id", login.project_id);
    return object_with("project", project);
}

Object::Ptr password_auth(const PasswordLogin& login) {
    Object::Ptr user = new Object;
    user->set("name", login.user);
    user->set("password", login.password);
    user->set("domain", object_with("name", login.domain));
    Array::Ptr methods = new Array;
    methods->add("password");
    Object::Ptr identity = new Object;
    identity->set("methods", methods);
    identity->set("password", object_with("user", user));
    Object::Ptr auth = new Object;
    auth->set("identity", identity);
    auth->set("scope", password_scope(login));
    return object_with("auth", auth);
}

std::optional<Object::Ptr> parse_object(const std::string& body) {
    try {
        Poco::JSON::Parser parser;
        const auto parsed = parser.parse(body);
        if (parsed.type() != typeid(Object::Ptr)) return std::nullopt;
        return parsed.extract<Object::Ptr>();
    } catch (const Poco::Exception&) {
        return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::string string_field(const Object& object, const std::string& name) {
    const auto value = object.get(name);
    return value.isString() ? value.convert<std::string>() : "";
}

}  // namespace

bool fit_for_header(const std::string& value) {
    return !value.empty() && std::none_of(value.begin(), value.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    });
}

HttpRequest password_token_request(const ServiceUrl& endpoint, const PasswordLogin& login) {
    HttpRequest request = iam_request("POST", endpoint, "/v3/auth/tokens");
    request.set_header("Content-Type", kJsonContentType);
    request.body = compact(password_auth(login));
    return request;
}

HttpRequest federation_token_request(const ServiceUrl& endpoint, const std::string& idp_id,
                                     const std::string& id_token) {
    // The idp id is checked to be [A-Za-z0-9_-] before it gets here: nothing to escape.
    HttpRequest request = iam_request(
        "POST", endpoint, "/v3/OS-FEDERATION/identity_providers/" + idp_id + "/protocols/oidc/auth");
    request.set_header("Authorization", "Bearer " + id_token);
    return request;
}

HttpRequest security_token_request(const ServiceUrl& endpoint, const std::string& unscoped_token,
                                   int duration_seconds) {
    HttpRequest request = iam_request("POST", endpoint, "/v3.0/OS-CREDENTIAL/securitytokens");
    request.set_header("Content-Type", kJsonContentType);
    request.set_header("X-Auth-Token", unscoped_token);
    Array::Ptr methods = new Array;
    methods->add("token");
    Object::Ptr identity = new Object;
    identity->set("methods", methods);
    identity->set("token", object_with("duration_seconds", duration_seconds));
    request.body = compact(object_with("auth", object_with("identity", identity)));
    return request;
}

HttpRequest projects_request(const ServiceUrl& endpoint, const std::string& region) {
    HttpRequest request = iam_request("GET", endpoint, "/v3/projects");
    std::string name;
    Poco::URI::encode(region, "", name);
    request.query = "name=" + name;
    request.set_header("Content-Type", "application/json");
    return request;
}

std::optional<std::string> subject_token(const HttpResponse& response) {
    const std::string* token = response.header("X-Subject-Token");
    if (!token || !fit_for_header(*token)) return std::nullopt;
    return *token;
}

std::optional<TemporaryCredentials> parse_temporary_credentials(const std::string& body) {
    const auto document = parse_object(body);
    if (!document) return std::nullopt;
    const Object::Ptr credential = (*document)->getObject("credential");
    if (!credential) return std::nullopt;
    TemporaryCredentials credentials{string_field(*credential, "access"), string_field(*credential, "secret"),
                                     string_field(*credential, "securitytoken"),
                                     string_field(*credential, "expires_at")};
    for (const auto* value :
         {&credentials.access_key, &credentials.secret_key, &credentials.security_token}) {
        if (!fit_for_header(*value)) return std::nullopt;
    }
    return credentials;
}

std::optional<std::vector<Project>> parse_projects(const std::string& body) {
    const auto document = parse_object(body);
    if (!document) return std::nullopt;
    const Array::Ptr list = (*document)->getArray("projects");
    if (!list) return std::nullopt;
    std::vector<Project> projects;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Object::Ptr project = list->getObject(static_cast<unsigned>(i));
        if (!project) return std::nullopt;
        projects.push_back({string_field(*project, "id"), string_field(*project, "name")});
    }
    return projects;
}

}  // namespace ccs::iam
