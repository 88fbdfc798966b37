package org.dissect4j.tls.ocsp;

/**
 * The object identifiers OCSP dissects by (RFC 6960 §4.2.1, §4.4) and the names tshark 4.0's OID registry shows
 * beside them in OCSP's items ({@code ResponseType Id: 1.3.6.1.5.5.7.48.1.1 (id-pkix-ocsp-basic)},
 * {@code hashAlgorithm (SHA-1)}), for the labels only.
 */
final class OcspNames {
    private OcspNames() {
    }

    static final String BASIC = "1.3.6.1.5.5.7.48.1.1";
    static final String NONCE = "1.3.6.1.5.5.7.48.1.2";
    static final String CRL = "1.3.6.1.5.5.7.48.1.3";
    static final String RESPONSE = "1.3.6.1.5.5.7.48.1.4";
    static final String NOCHECK = "1.3.6.1.5.5.7.48.1.5";
    static final String ARCHIVE_CUTOFF = "1.3.6.1.5.5.7.48.1.6";
    static final String SERVICE_LOCATOR = "1.3.6.1.5.5.7.48.1.7";

    private static final String[][] NAMES = {
            {BASIC, "id-pkix-ocsp-basic"}, {NONCE, "id-pkix-ocsp-nonce"}, {CRL, "id-pkix-ocsp-crl"},
            {RESPONSE, "id-pkix-ocsp-response"}, {NOCHECK, "id-pkix-ocsp-nocheck"},
            {ARCHIVE_CUTOFF, "id-pkix-ocsp-archive-cutoff"}, {SERVICE_LOCATOR, "id-pkix-ocsp-service-locator"},
            {"1.3.14.3.2.26", "SHA-1"}, {"2.16.840.1.101.3.4.2.1", "sha256"}, {"2.16.840.1.101.3.4.2.2", "sha384"},
            {"2.16.840.1.101.3.4.2.3", "sha512"}, {"2.16.840.1.101.3.4.2.4", "sha224"}, {"1.2.840.113549.2.5", "md5"},
            {"1.2.840.113549.1.1.1", "rsaEncryption"}, {"1.2.840.113549.1.1.4", "md5WithRSAEncryption"},
            {"1.2.840.113549.1.1.5", "sha1WithRSAEncryption"}, {"1.2.840.113549.1.1.10", "id-RSASSA-PSS"},
            {"1.2.840.113549.1.1.11", "sha256WithRSAEncryption"}, {"1.2.840.113549.1.1.12", "sha384WithRSAEncryption"},
            {"1.2.840.113549.1.1.13", "sha512WithRSAEncryption"}, {"1.2.840.113549.1.1.14", "sha224WithRSAEncryption"},
            {"1.2.840.10045.4.1", "ecdsa-with-SHA1"}, {"1.2.840.10045.4.3.2", "ecdsa-with-SHA256"},
            {"1.2.840.10045.4.3.3", "ecdsa-with-SHA384"}, {"1.2.840.10045.4.3.4", "ecdsa-with-SHA512"},
            {"1.3.101.112", "id-Ed25519"}, {"1.3.101.113", "id-Ed448"}};

    /** The name of a dotted OID, or {@code null}. */
    static String name(CharSequence dotted) {
        for (String[] n : NAMES) {
            if (n[0].contentEquals(dotted)) {
                return n[1];
            }
        }
        return null;
    }
}
