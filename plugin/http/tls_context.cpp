#include "http/tls_context.h"

#include "http/certificate_index.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace ccs::http {
namespace {

Poco::Net::Context::Ptr build_context(const TlsOptions& options) {
    Poco::Net::Context::Params params;
    params.loadDefaultCAs = false;  // the stores are added below, to be read lazily
    // STRICT makes Poco check the host name even for loopback hosts, which RELAXED skips.
    params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
    // Key exchange groups, most common and cheapest first. Poco 1.11's default list starts with X448:
    // the client then makes an X448 key share for every handshake (5.3 M of a stop's 30.6 M
    // instructions, bench/RESULTS.md), and a server without X448 asks again (one more round trip).
    params.ecdhCurve = "X25519:P-256:X448:P-384:P-521";
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::CLIENT_USE, params);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);

    // What OpenSSL's defaults trust, SSL_CERT_FILE and SSL_CERT_DIR included, plus --ca-file. As with
    // those defaults, a store that cannot be read is no store: verification then fails with "not
    // trusted", which names the ways to add trust (--ca-file itself is checked with the inputs). The
    // error queue is cleared so that a later handshake error is not told with this one's text.
    const std::string bundle = options.cert_file.empty() ? X509_get_default_cert_file() : options.cert_file;
    const std::string directories = options.cert_dir.empty() ? X509_get_default_cert_dir() : options.cert_dir;
    X509_STORE* store = SSL_CTX_get_cert_store(context->sslContext());
    if (!options.ca_file.empty()) add_lazy_lookup(store, CertificateIndex::read(options.ca_file));
    add_lazy_lookup(store, CertificateIndex::read(bundle));
    if (SSL_CTX_load_verify_dir(context->sslContext(), directories.c_str()) != 1) ERR_clear_error();
    return context;
}

}  // namespace

TlsContext::TlsContext(TlsOptions options) : options_(std::move(options)) {}

Poco::Net::Context::Ptr TlsContext::context() const {
    std::call_once(built_, [this] { context_ = build_context(options_); });
    return context_;
}

}  // namespace ccs::http
