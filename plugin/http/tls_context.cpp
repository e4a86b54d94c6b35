#include "http/tls_context.h"

#include "http/certificate_index.h"

#include <Poco/StringTokenizer.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <dirent.h>
#include <sys/stat.h>

#include <cctype>
#include <memory>

namespace ccs::http {
namespace {

// "5ad8a5d6.0": what `openssl rehash` (and Debian's update-ca-certificates) names a certificate in
// a hashed directory; the number after the dot tells apart subjects with the same hash.
bool is_hashed_name(const char* name) {
    int hex = 0;
    for (; hex < 8; ++hex) {
        if (!std::isxdigit(static_cast<unsigned char>(name[hex]))) return false;
    }
    if (name[hex] != '.' || name[hex + 1] == '\0') return false;
    for (const char* digit = name + hex + 1; *digit; ++digit) {
        if (!std::isdigit(static_cast<unsigned char>(*digit))) return false;
    }
    return true;
}

bool directory_has_hashed_certificate(const std::string& path) {
    const std::unique_ptr<DIR, int (*)(DIR*)> directory(::opendir(path.c_str()), &::closedir);
    if (!directory) return false;
    while (const dirent* entry = ::readdir(directory.get())) {
        if (is_hashed_name(entry->d_name)) return true;
    }
    return false;
}

bool same_file(const std::string& one, const std::string& other) {
    struct stat first {};
    struct stat second {};
    return ::stat(one.c_str(), &first) == 0 && ::stat(other.c_str(), &second) == 0 && first.st_dev == second.st_dev &&
           first.st_ino == second.st_ino;
}

Poco::Net::Context::Ptr build_context(const TlsOptions& options) {
    Poco::Net::Context::Params params;
    params.loadDefaultCAs = false;  // the stores are added below, to be read lazily
    // STRICT makes Poco check the host name even for loopback hosts, which RELAXED skips.
    params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
    Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::CLIENT_USE, params);
    context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);

    X509_STORE* store = SSL_CTX_get_cert_store(context->sslContext());
    const SystemTrust trust = system_trust(options);
    // As with OpenSSL's own defaults, a store that cannot be read is no store: verification then
    // fails with "not trusted", which names the ways to add trust. (--ca-file is checked with the
    // inputs.) The error queue is cleared so a later handshake error is not told with this text.
    if (!options.ca_file.empty()) add_lazy_lookup(store, CertificateIndex::read(options.ca_file));
    if (!trust.bundle_file.empty()) add_lazy_lookup(store, CertificateIndex::read(trust.bundle_file));
    if (!trust.hashed_directory.empty() && SSL_CTX_load_verify_dir(context->sslContext(), trust.hashed_directory.c_str()) != 1) {
        ERR_clear_error();
    }
    return context;
}

}  // namespace

bool has_hashed_certificates(const std::string& directories) {
    const Poco::StringTokenizer parts(directories, ":", Poco::StringTokenizer::TOK_IGNORE_EMPTY);
    for (const auto& part : parts) {
        if (directory_has_hashed_certificate(part)) return true;
    }
    return false;
}

SystemTrust system_trust(const TlsOptions& options) {
    SystemTrust trust;
    const std::string directory = options.cert_dir.empty() ? X509_get_default_cert_dir() : options.cert_dir;
    const bool hashed = has_hashed_certificates(directory);
    if (hashed) trust.hashed_directory = directory;
    // SSL_CERT_FILE takes the system bundle's place, as in OpenSSL. Without it or a hashed directory
    // the system bundle is all there is (Fedora keeps no hashed directory).
    if (!options.cert_file.empty()) {
        // Except when it names the system bundle itself (CI images often set SSL_CERT_FILE to it) and
        // the system's own hashed directory is there: update-ca-certificates makes both from the same
        // certificates, so the directory alone trusts the same, without indexing 144 certificates.
        const bool system_bundle = options.cert_dir.empty() && same_file(options.cert_file, X509_get_default_cert_file());
        if (!(hashed && system_bundle)) trust.bundle_file = options.cert_file;
    } else if (!hashed) {
        trust.bundle_file = X509_get_default_cert_file();
    }
    return trust;
}

TlsContext::TlsContext(TlsOptions options) : options_(std::move(options)) {}

Poco::Net::Context::Ptr TlsContext::context() const {
    std::call_once(built_, [this] { context_ = build_context(options_); });
    return context_;
}

}  // namespace ccs::http
