#include <doctest/doctest.h>

#include <openssl/pem.h>
#include <openssl/ssl.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include "http/tls_context.h"
#include "support/temp_dir.h"
#include "test_certificates.h"

using ccs::http::TlsContext;
using ccs::http::TlsOptions;
using ccs::http::testing::Certificate;
using ccs::http::testing::pem_of;
using ccs::http::testing::self_signed_ca;
using ccs::test::TempDir;

namespace {

X509_STORE* store_of(const TlsContext& tls) {
    return SSL_CTX_get_cert_store(tls.context()->sslContext());
}

std::size_t certificates_in(X509_STORE* store) {
    X509_STORE_lock(store);
    const int count = sk_X509_OBJECT_num(X509_STORE_get0_objects(store));
    X509_STORE_unlock(store);
    return static_cast<std::size_t>(count);
}

// What OpenSSL's verifier says of `certificate` with the context's trust (0: trusted).
int verify(const TlsContext& tls, X509* certificate) {
    const std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> context(X509_STORE_CTX_new(),
                                                                                  &X509_STORE_CTX_free);
    REQUIRE(X509_STORE_CTX_init(context.get(), store_of(tls), certificate, nullptr) == 1);
    X509_verify_cert(context.get());
    return X509_STORE_CTX_get_error(context.get());
}

// "<subject hash>.0", the name `openssl rehash` gives a certificate.
std::string hashed_name(X509* certificate) {
    char name[16];
    std::snprintf(name, sizeof name, "%08lx.0", X509_subject_name_hash(certificate));
    return name;
}

// The system bundle's first certificate, a root: what a server's chain would end in.
Certificate first_system_root() {
    const std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_file(X509_get_default_cert_file(), "r"),
                                                        &BIO_free);
    REQUIRE_MESSAGE(bio, "no system bundle (scripts/install-deps installs ca-certificates)");
    Certificate root(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    REQUIRE(root);
    return root;
}

}  // namespace

TEST_CASE("a bundle is not decoded when the context is built, and only the certificate a chain needs is") {
    const TempDir dir;
    const Certificate alpha = self_signed_ca("alpha CA");
    const Certificate beta = self_signed_ca("beta CA");
    const Certificate gamma = self_signed_ca("gamma CA");
    TlsOptions options;
    options.cert_file =
        dir.write("bundle.pem", pem_of(alpha.get()) + pem_of(beta.get()) + pem_of(gamma.get()));
    options.cert_dir = dir.path();  // no hashed names: the system's directory stays out of it
    const TlsContext tls(options);

    CHECK(certificates_in(store_of(tls)) == 0);
    CHECK(verify(tls, beta.get()) == X509_V_OK);
    CHECK(certificates_in(store_of(tls)) == 1);
}

TEST_CASE("--ca-file, SSL_CERT_FILE and a hashed SSL_CERT_DIR are trusted together; nothing else is") {
    const TempDir dir;
    const Certificate from_ca_file = self_signed_ca("ca-file CA");
    const Certificate from_cert_file = self_signed_ca("SSL_CERT_FILE CA");
    const Certificate from_cert_dir = self_signed_ca("SSL_CERT_DIR CA");
    const Certificate stranger = self_signed_ca("stranger CA");
    TlsOptions options;
    options.ca_file = dir.write("ca-file.pem", pem_of(from_ca_file.get()));
    options.cert_file = dir.write("cert-file.pem", pem_of(from_cert_file.get()));
    options.cert_dir = dir.path() + "/hashed";
    const TempDir unused;  // a second, empty directory in a ':' list, as OpenSSL allows
    REQUIRE(::mkdir(options.cert_dir.c_str(), 0700) == 0);
    dir.write("hashed/" + hashed_name(from_cert_dir.get()), pem_of(from_cert_dir.get()));
    options.cert_dir = unused.path() + ":" + options.cert_dir;
    const TlsContext tls(options);

    CHECK(verify(tls, from_ca_file.get()) == X509_V_OK);
    CHECK(verify(tls, from_cert_file.get()) == X509_V_OK);
    CHECK(verify(tls, from_cert_dir.get()) == X509_V_OK);
    CHECK(verify(tls, stranger.get()) == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT);
}

TEST_CASE(
    "without SSL_CERT_FILE the system bundle is trusted, and only what a chain needs of it is decoded") {
    const Certificate root = first_system_root();
    const TempDir empty;
    TlsOptions options;
    options.cert_dir = empty.path();  // the system's hashed directory would find it too
    const TlsContext tls(options);
    CHECK(certificates_in(store_of(tls)) == 0);
    CHECK(verify(tls, root.get()) == X509_V_OK);
    CHECK(certificates_in(store_of(tls)) == 1);
}

TEST_CASE("SSL_CERT_FILE replaces the system bundle, as in OpenSSL") {
    const TempDir dir;
    const Certificate own = self_signed_ca("own CA");
    const Certificate system_root = first_system_root();
    TlsOptions options;
    options.cert_file = dir.write("own.pem", pem_of(own.get()));
    options.cert_dir = dir.path();
    const TlsContext tls(options);
    CHECK(verify(tls, own.get()) == X509_V_OK);
    CHECK(verify(tls, system_root.get()) == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT);
}
