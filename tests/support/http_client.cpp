#include "support/http_client.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <memory>
#include <mutex>

namespace ccs::test {

namespace {

// Poco's default for an untrusted certificate is a console prompt on stdin; a test must just fail.
void reject_untrusted_certificates_once() {
    static std::once_flag once;
    std::call_once(once, [] {
        Poco::Net::initializeSSL();
        Poco::Net::Context::Ptr defaults = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "");
        Poco::Net::SSLManager::instance().initializeClient(
            nullptr, new Poco::Net::RejectCertificateHandler(false), defaults);
    });
}

std::unique_ptr<Poco::Net::HTTPClientSession> open_session(const HttpCall& call) {
    const Poco::URI uri(call.base_url);
    if (uri.getScheme() != "https") {
        return std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
    }
    reject_untrusted_certificates_once();
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, call.ca_file,
                               Poco::Net::Context::VERIFY_RELAXED, 9, call.ca_file.empty());
    return std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), context);
}

void exchange(const HttpCall& call, HttpReply& reply) {
    const auto session = open_session(call);
    session->setTimeout(Poco::Timespan(static_cast<long>(call.timeout.count()) * 1000));
    Poco::Net::HTTPRequest request(call.method, call.target, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : call.headers) request.add(name, value);
    if (!call.body.empty() || call.method == "POST")
        request.setContentLength(static_cast<std::streamsize>(call.body.size()));
    session->sendRequest(request) << call.body;
    Poco::Net::HTTPResponse response;
    std::istream& body = session->receiveResponse(response);
    reply.status = static_cast<int>(response.getStatus());
    for (const auto& [name, value] : response) reply.headers.emplace_back(name, value);
    Poco::StreamCopier::copyToString(body, reply.body);
    if (response.hasContentLength() &&
        static_cast<std::streamsize>(reply.body.size()) < response.getContentLength()) {
        reply.error = "answer truncated: " + std::to_string(reply.body.size()) + " of " +
                      std::to_string(response.getContentLength()) + " bytes";
    }
}

}  // namespace

const std::string* HttpReply::header(const std::string& name) const {
    for (const auto& [field, value] : headers) {
        if (Poco::icompare(field, name) == 0) return &value;
    }
    return nullptr;
}

HttpReply http_call(const HttpCall& call) {
    HttpReply reply;
    try {
        exchange(call, reply);
    } catch (const Poco::Exception& error) {
        reply.error = error.displayText();
    } catch (const std::exception& error) {
        reply.error = error.what();
    }
    return reply;
}

}  // namespace ccs::test
