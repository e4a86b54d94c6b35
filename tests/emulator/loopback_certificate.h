// A throw-away TLS identity for serving HTTPS on loopback: a fresh EC P-256 key and a self-signed
// certificate for 127.0.0.1, ::1 and localhost, valid from an hour ago to a day from now. Clients trust
// it by using the certificate file as their CA file. Made for another host name instead, it is the
// "trusted certificate, wrong host" case clients must refuse.
#pragma once

#include <string>

namespace ccs::emu {

class LoopbackCertificate {
public:
    // Generates the key and certificate and writes them as PEM into a new private temporary directory.
    // `host_name` empty: the loopback names; otherwise that DNS name only. Throws std::runtime_error
    // when OpenSSL or the file system fails.
    explicit LoopbackCertificate(const std::string& host_name = "");
    ~LoopbackCertificate();  // removes the directory, key included
    LoopbackCertificate(const LoopbackCertificate&) = delete;
    LoopbackCertificate& operator=(const LoopbackCertificate&) = delete;

    const std::string& key_file() const { return key_file_; }
    const std::string& certificate_file() const { return certificate_file_; }
    const std::string& certificate_pem() const { return certificate_pem_; }

private:
    std::string directory_;
    std::string key_file_;
    std::string certificate_file_;
    std::string certificate_pem_;
};

}  // namespace ccs::emu
