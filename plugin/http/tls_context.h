// The TLS client settings of a run: whom to trust, built once and shared by every connection (an
// SSL_CTX is made to be shared between threads, and building one per worker cost each worker its own
// copy of the trust store).
//
// Trust is what OpenSSL's defaults trust (a bundle file, SSL_CERT_FILE or the system's, and hashed
// directories, SSL_CERT_DIR or the system's) plus --ca-file, but no certificate is decoded before a
// chain asks for it: the directories are looked up by subject hash, as OpenSSL always does, and the
// bundle files through a CertificateIndex. Decoding the whole system bundle up front cost 35-55 ms of
// CPU per context, most of a stop's instructions (bench/RESULTS.md).
//
// The system bundle is read even where the hashed directory holds the same certificates: a user who
// mounts a corporate bundle over /etc/ssl/certs/ca-certificates.crt (or appends to it) must be trusted
// as OpenSSL's defaults would trust them.
#pragma once

#include <Poco/Net/Context.h>

#include <memory>
#include <mutex>
#include <string>

namespace ccs::http {

struct TlsOptions {
    std::string ca_file;    // --ca-file: extra trusted certificates (PEM), on top of the system store
    std::string cert_file;  // SSL_CERT_FILE: a bundle the user names; read whole
    std::string cert_dir;   // SSL_CERT_DIR: hashed directories (':'-separated); empty: OpenSSL's default
};

class TlsContext {
public:
    explicit TlsContext(TlsOptions options);

    // The context, built on first use (a run against http:// never builds one). Thread-safe.
    Poco::Net::Context::Ptr context() const;

private:
    TlsOptions options_;
    mutable std::once_flag built_;
    mutable Poco::Net::Context::Ptr context_;
};

using SharedTlsContext = std::shared_ptr<const TlsContext>;

}  // namespace ccs::http
