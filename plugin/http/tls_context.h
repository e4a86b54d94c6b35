// The TLS client settings of a run: whom to trust, built once and shared by every connection (an
// SSL_CTX is made to be shared between threads, and building one per worker cost each worker its own
// copy of the trust store).
//
// Trust is what OpenSSL's defaults trust (a bundle file, SSL_CERT_FILE or the system's, and a hashed
// directory, SSL_CERT_DIR or the system's) plus --ca-file, but nothing is decoded before a chain asks
// for it: the hashed directory is looked up by subject hash, and bundle files through a
// CertificateIndex. Decoding the whole system bundle up front cost 35-55 ms of CPU per context, most
// of a stop's instructions (bench/RESULTS.md). Where the system's hashed directory exists, the system
// bundle is not read at all (Debian's two hold the same certificates).
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

// What a run reads of the store OpenSSL's defaults name, both looked up lazily.
struct SystemTrust {
    std::string bundle_file;       // SSL_CERT_FILE; else the system's, unless its hashed directory exists
    std::string hashed_directory;  // SSL_CERT_DIR or the system's, when it holds hashed certificates
};

// Decides what to read: SSL_CERT_FILE (unless it is the system's bundle and the system's hashed
// directory is there); the system's bundle only when there is no hashed directory (the
// "<8 hex digits>.<n>" names `openssl rehash` makes) to look in.
SystemTrust system_trust(const TlsOptions& options);

// True when `directory` (one of them, for a ':'-separated list) holds a hashed certificate name.
bool has_hashed_certificates(const std::string& directories);

class TlsContext {
public:
    explicit TlsContext(TlsOptions options);

    // The context, built on first use (a run against http:// never builds one). Thread-safe.
    Poco::Net::Context::Ptr context() const;

    const TlsOptions& options() const { return options_; }

private:
    TlsOptions options_;
    mutable std::once_flag built_;
    mutable Poco::Net::Context::Ptr context_;
};

using SharedTlsContext = std::shared_ptr<const TlsContext>;

}  // namespace ccs::http
