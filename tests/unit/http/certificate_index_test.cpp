#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "http/certificate_index.h"
#include "support/file_text.h"
#include "test_certificates.h"

using ccs::http::CertificateIndex;
using ccs::http::testing::Certificate;
using ccs::http::testing::pem_of;
using ccs::http::testing::self_signed_ca;

namespace {

std::string der_of(X509* certificate) {
    unsigned char* der = nullptr;
    const int length = i2d_X509(certificate, &der);
    std::string bytes(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    return bytes;
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
    return count;
}

}  // namespace

TEST_CASE("a bundle is indexed by subject and only the certificates asked for are decoded") {
    const Certificate alpha = self_signed_ca("alpha CA");
    const Certificate beta = self_signed_ca("beta CA");
    const Certificate gamma = self_signed_ca("gamma CA");
    const auto index =
        CertificateIndex::parse(pem_of(alpha.get()) + pem_of(beta.get()) + pem_of(gamma.get()));
    CHECK(index->size() == 3);
    CHECK(index->decoded() == 0);

    const std::vector<X509*> found = index->certificates_named(X509_get_subject_name(beta.get()));
    REQUIRE(found.size() == 1);
    CHECK(der_of(found.front()) == der_of(beta.get()));
    CHECK(index->decoded() == 1);

    // Asked again: the same certificate, not decoded twice.
    CHECK(index->certificates_named(X509_get_subject_name(beta.get())) == found);
    CHECK(index->decoded() == 1);
}

TEST_CASE("every certificate with the subject is found: a CA re-keyed under the same name") {
    const Certificate old_key = self_signed_ca("same name CA");
    const Certificate new_key = self_signed_ca("same name CA");
    const auto index = CertificateIndex::parse(pem_of(old_key.get()) + pem_of(new_key.get()));
    const std::vector<X509*> found = index->certificates_named(X509_get_subject_name(new_key.get()));
    REQUIRE(found.size() == 2);
    CHECK(der_of(found[0]) == der_of(old_key.get()));
    CHECK(der_of(found[1]) == der_of(new_key.get()));
}

TEST_CASE("an unknown subject finds nothing and decodes nothing") {
    const Certificate listed = self_signed_ca("listed CA");
    const Certificate other = self_signed_ca("other CA");
    const auto index = CertificateIndex::parse(pem_of(listed.get()));
    CHECK(index->certificates_named(X509_get_subject_name(other.get())).empty());
    CHECK(index->decoded() == 0);
}

TEST_CASE("OpenSSL's TRUSTED CERTIFICATE blocks are read; keys, garbage and cut-off blocks are skipped") {
    const Certificate trusted = self_signed_ca("trusted form CA");
    const Certificate plain = self_signed_ca("plain CA");
    const std::string plain_pem = pem_of(plain.get());
    const std::string text =
        "some words before\n" + pem_of(trusted.get(), /*trusted_form=*/true) +
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n" +
        "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n" + plain_pem +
        plain_pem.substr(0, plain_pem.size() / 2);
    const auto index = CertificateIndex::parse(text);
    CHECK(index->size() == 2);
    const std::vector<X509*> found = index->certificates_named(X509_get_subject_name(trusted.get()));
    REQUIRE(found.size() == 1);
    CHECK(X509_cmp(found.front(), trusted.get()) == 0);
}

TEST_CASE("an empty text, or a file that cannot be read, is an empty index") {
    CHECK(CertificateIndex::parse("")->size() == 0);
    CHECK(CertificateIndex::read("/nonexistent/ccs-bundle.pem")->size() == 0);
}

TEST_CASE("the system bundle is indexed whole, without decoding any certificate") {
    const std::string path = X509_get_default_cert_file();
    const std::optional<std::string> text = ccs::test::read_file_if_present(path);
    REQUIRE_MESSAGE(text,
                    "no system bundle at " << path << " (scripts/install-deps installs ca-certificates)");
    const auto index = CertificateIndex::read(path);
    CHECK(index->size() == count_of(*text, "-----BEGIN CERTIFICATE-----"));
    CHECK(index->size() > 0);
    CHECK(index->decoded() == 0);
}

TEST_CASE("a name that differs only in case and spacing is found, as OpenSSL compares names") {
    const Certificate ca = self_signed_ca("Mixed Case  CA");
    const auto index = CertificateIndex::parse(pem_of(ca.get()));
    const std::unique_ptr<X509_NAME, decltype(&X509_NAME_free)> asked(X509_NAME_new(), &X509_NAME_free);
    X509_NAME_add_entry_by_txt(asked.get(), "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(" mixed case ca"), -1, -1, 0);
    const std::vector<X509*> found = index->certificates_named(asked.get());
    REQUIRE(found.size() == 1);
    CHECK(X509_cmp(found.front(), ca.get()) == 0);
}
