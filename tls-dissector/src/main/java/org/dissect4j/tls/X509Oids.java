package org.dissect4j.tls;

import java.lang.foreign.MemorySegment;
import java.util.HashMap;
import java.util.Map;

/**
 * The names tshark 4.0 gives object identifiers in X.509 trees ({@code Algorithm Id: 1.2.840.113549.1.1.11
 * (sha256WithRSAEncryption)}, {@code Extension (id-ce-keyUsage)}): the names its ASN.1 dissectors register, and for
 * an unregistered OID the nearest named ancestor followed by the remaining arcs ({@code iso.3.6.1.4.1.11129.2.5.1},
 * {@code US company arc.113733.1.7.54}), as its {@code oid_resolved} does. Used by labels only, so never on the
 * parse path of {@code -T fields}.
 */
final class X509Oids {
    private X509Oids() {
    }

    /** Registered names: the OID with exactly this name. */
    private static final Map<String, String> NAMES = new HashMap<>();
    /** Named ancestors only (tshark names these arcs but the OID below them is unknown). */
    private static final Map<String, String> ARCS = new HashMap<>();

    static {
        String[] at = {"3", "commonName", "4", "surname", "5", "serialNumber", "6", "countryName", "7", "localityName",
                "8", "stateOrProvinceName", "9", "streetAddress", "10", "organizationName", "11", "organizationalUnitName",
                "12", "title", "13", "description", "15", "businessCategory", "17", "postalCode", "41", "name",
                "42", "givenName", "43", "initials", "44", "generationQualifier", "46", "dnQualifier", "65", "pseudonym",
                "97", "organizationIdentifier"};
        for (int i = 0; i < at.length; i += 2) {
            NAMES.put("2.5.4." + at[i], "id-at-" + at[i + 1]);
        }
        String[] ce = {"9", "subjectDirectoryAttributes", "14", "subjectKeyIdentifier", "15", "keyUsage", "16",
                "privateKeyUsagePeriod", "17", "subjectAltName", "18", "issuerAltName", "19", "basicConstraints",
                "20", "cRLNumber", "21", "reasonCode", "30", "nameConstraints", "31", "cRLDistributionPoints",
                "32", "certificatePolicies", "33", "policyMappings", "35", "authorityKeyIdentifier", "36",
                "policyConstraints", "37", "extKeyUsage", "46", "freshestCRL", "54", "inhibitAnyPolicy"};
        for (int i = 0; i < ce.length; i += 2) {
            NAMES.put("2.5.29." + ce[i], "id-ce-" + ce[i + 1]);
        }
        String[] named = {
            "2.5.29.32.0", "anyPolicy",
            "1.2.840.113549.1.1.1", "rsaEncryption", "1.2.840.113549.1.1.2", "md2WithRSAEncryption",
            "1.2.840.113549.1.1.4", "md5WithRSAEncryption", "1.2.840.113549.1.1.5", "sha1WithRSAEncryption",
            "1.2.840.113549.1.1.7", "id-RSAES-OAEP", "1.2.840.113549.1.1.8", "id-mgf1",
            "1.2.840.113549.1.1.10", "id-RSASSA-PSS", "1.2.840.113549.1.1.11", "sha256WithRSAEncryption",
            "1.2.840.113549.1.1.12", "sha384WithRSAEncryption", "1.2.840.113549.1.1.13", "sha512WithRSAEncryption",
            "1.2.840.113549.1.1.14", "sha224WithRSAEncryption", "1.2.840.113549.1.9.1", "pkcs-9-at-emailAddress",
            "1.2.840.10045.2.1", "id-ecPublicKey", "1.2.840.10045.3.1.7", "secp256r1", "1.2.840.10045.4.1",
            "ecdsa-with-SHA1", "1.2.840.10045.4.3.2", "ecdsa-with-SHA256", "1.2.840.10045.4.3.3", "ecdsa-with-SHA384",
            "1.2.840.10045.4.3.4", "ecdsa-with-SHA512", "1.3.132.0.34", "secp384r1", "1.3.132.0.35", "secp521r1",
            "1.3.101.112", "id-Ed25519", "1.3.101.113", "id-Ed448", "1.3.14.3.2.26", "SHA-1",
            "2.16.840.1.101.3.4.2.1", "sha256", "2.16.840.1.101.3.4.2.2", "sha384", "2.16.840.1.101.3.4.2.3", "sha512",
            "1.3.6.1.4.1.11129.2.4.2", "SignedCertificateTimestampList",
            "1.3.6.1.4.1.11129.2.4.5", "SignedCertificateTimestampList",
            "1.3.6.1.4.1.311.60.2.1.1", "jurisdictionOfIncorporationLocalityName",
            "1.3.6.1.4.1.311.60.2.1.2", "jurisdictionOfIncorporationStateOrProvinceName",
            "1.3.6.1.4.1.311.60.2.1.3", "jurisdictionOfIncorporationCountryName",
            "1.3.6.1.5.5.7.1.1", "id-pe-authorityInfoAccess", "1.3.6.1.5.5.7.1.12", "id-pe-logotype",
            "1.3.6.1.5.5.7.2.1", "id-qt-cps", "1.3.6.1.5.5.7.2.2", "id-qt-unotice",
            "1.3.6.1.5.5.7.3.1", "id-kp-serverAuth", "1.3.6.1.5.5.7.3.2", "id-kp-clientAuth",
            "1.3.6.1.5.5.7.3.3", "id-kp-codeSigning", "1.3.6.1.5.5.7.3.4", "id-kp-emailProtection",
            "1.3.6.1.5.5.7.3.8", "id-kp-timeStamping", "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            "1.3.6.1.5.5.7.48.1", "id-ad-ocsp", "1.3.6.1.5.5.7.48.1.1", "id-pkix-ocsp-basic",
            "1.3.6.1.5.5.7.48.1.2", "id-pkix-ocsp-nonce", "1.3.6.1.5.5.7.48.1.5", "id-pkix-ocsp-nocheck",
            "1.3.6.1.5.5.7.48.2", "id-ad-caIssuers",
            "2.16.840.1.113730.1.1", "ns_cert_exts.cert_type", "2.16.840.1.113730.1.2", "ns_cert_exts.base-url",
            "2.16.840.1.113730.1.3", "ns_cert_exts.revocation-url", "2.16.840.1.113730.1.4",
            "ns_cert_exts.ca-revocation-url", "2.16.840.1.113730.1.7", "ns_cert_exts.cert-renewal-url",
            "2.16.840.1.113730.1.8", "ns_cert_exts.ca-policy-url", "2.16.840.1.113730.1.12", "ns_cert_exts.ssl-server-name",
            "2.16.840.1.113730.1.13", "ns_cert_exts.comment"};
        for (int i = 0; i < named.length; i += 2) {
            NAMES.put(named[i], named[i + 1]);
        }
        String[] arcs = {"0", "itu-t", "1", "iso", "2", "joint-iso-itu-t", "2.16.840.1", "US company arc",
            "2.16.840.1.101.3.4.3", "sigAlgs"};
        for (int i = 0; i < arcs.length; i += 2) {
            ARCS.put(arcs[i], arcs[i + 1]);
        }
    }

    /** Appends the resolved name of the DER-encoded OID in {@code len} bytes at {@code at} (nothing if empty). */
    static void appendName(MemorySegment seg, long base, int at, int len, StringBuilder out) {
        if (len <= 0) {
            return;
        }
        StringBuilder dotted = new StringBuilder(32);
        Der.appendOid(seg, base, at, len, dotted);
        appendName(dotted.toString(), out);
    }

    /** Appends the resolved name of a dotted OID. */
    static void appendName(String dotted, StringBuilder out) {
        String name = NAMES.get(dotted);
        if (name != null) {
            out.append(name);
            return;
        }
        for (int cut = dotted.lastIndexOf('.'); cut > 0; cut = dotted.lastIndexOf('.', cut - 1)) {
            String arc = NAMES.get(dotted.substring(0, cut));
            if (arc == null) {
                arc = ARCS.get(dotted.substring(0, cut));
            }
            if (arc != null) {
                out.append(arc).append(dotted, cut, dotted.length());
                return;
            }
        }
        out.append(dotted);
    }
}
