package org.dissect4j.tls;

import org.dissect4j.api.Base;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.ValueNames;

/**
 * The X.509 protocols and the subset of their fields the certificate decoder records, with Wireshark 4.0's names
 * ({@code x509af}, {@code x509if}, {@code x509sat}, {@code x509ce}); {@code pkcs-1}, {@code pkix1implicit} and
 * {@code pkix1explicit} have no fields here and only appear in {@code frame.protocols}, where tshark lists them.
 */
public final class X509Fields {
    private X509Fields() {
    }

    public static final Protocol X509AF = new Protocol("X.509 Authentication Framework", "X509AF", "x509af");
    public static final Protocol X509IF = new Protocol("X.509 Information Framework", "X509IF", "x509if");
    public static final Protocol X509SAT = new Protocol("X.509 Selected Attribute Types", "X509SAT", "x509sat");
    public static final Protocol X509CE = new Protocol("X.509 Certificate Extensions", "X509CE", "x509ce");
    public static final Protocol PKCS1 = new Protocol("PKCS#1", "PKCS-1", "pkcs-1");
    public static final Protocol PKIX1IMPLICIT = new Protocol("PKIX1Implitit", "PKIX1IMPLICIT", "pkix1implicit");
    public static final Protocol PKIX1EXPLICIT = new Protocol("PKIX1Explicit", "PKIX1EXPLICIT", "pkix1explicit");
    public static final Protocol NS_CERT_EXTS = new Protocol("NetScape Certificate Extensions", "NS_CERT_EXTS",
            "ns_cert_exts");
    public static final Protocol LOGOTYPE = new Protocol("Logotype Certificate Extensions", "LogotypeCertExtn",
            "logotypecertextn");
    /** Basic Encoding Rules: only its bit-string padding item appears in certificate trees. */
    public static final Protocol BER = new Protocol("Basic Encoding Rules (ASN.1 X.690)", "BER", "ber");

    static final ValueNames NAME_CHOICE = ValueNames.of(0, "rdnSequence");
    static final ValueNames TIME_CHOICE = ValueNames.of(0, "utcTime", 1, "generalizedTime");
    static final ValueNames VERSIONS = ValueNames.of(0, "v1", 1, "v2", 2, "v3");
    static final ValueNames DIRECTORY_STRING = ValueNames.of(0, "teletexString", 1, "printableString", 2,
            "universalString", 3, "bmpString", 4, "uTF8String");
    static final ValueNames GENERAL_NAME = ValueNames.of(0, "otherName", 1, "rfc822Name", 2, "dNSName", 3, "x400Address",
            4, "directoryName", 5, "ediPartyName", 6, "uniformResourceIdentifier", 7, "iPAddress", 8, "registeredID");

    public static final Field SIGNED_CERTIFICATE = f("x509af.signedCertificate_element", "signedCertificate", FieldType.NONE);
    public static final Field VERSION = Field.define("x509af.version", "version", FieldType.INT32).base(Base.DEC)
            .values(VERSIONS).build();
    public static final Field SERIAL_NUMBER = Field.define("x509af.serialNumber", "serialNumber", FieldType.BYTES)
            .labeler(X509Labels::hexInteger).build();
    public static final Field SIGNATURE = named("x509af.signature_element", "signature");
    public static final Field ALGORITHM_ID = oid("x509af.algorithm.id", "Algorithm Id");
    public static final Field ISSUER = u("x509af.issuer", "issuer", NAME_CHOICE);
    public static final Field SUBJECT = u("x509af.subject", "subject", NAME_CHOICE);
    /** The subject's RDN count (x509af's own rdnSequence); the issuer's is {@link #IF_RDN_SEQUENCE}. */
    public static final Field AF_RDN_SEQUENCE = Field.define("x509af.rdnSequence", "rdnSequence", FieldType.UINT32)
            .base(Base.DEC).labeler(X509Labels::rdnSequence).build();
    public static final Field VALIDITY = f("x509af.validity_element", "validity", FieldType.NONE);
    public static final Field NOT_BEFORE = u("x509af.notBefore", "notBefore", TIME_CHOICE);
    public static final Field NOT_AFTER = u("x509af.notAfter", "notAfter", TIME_CHOICE);
    public static final Field UTC_TIME = f("x509af.utcTime", "utcTime", FieldType.STRING);
    public static final Field GENERALIZED_TIME = Field.define("x509af.generalizedTime", "generalizedTime",
            FieldType.ABSOLUTE_TIME).base(Base.LOCAL).build();
    /** The subject public key's algorithm (the other AlgorithmIdentifiers have their own names). */
    public static final Field SPKI_ALGORITHM = named("x509af.algorithm_element", "algorithm");
    public static final Field SPKI = f("x509af.subjectPublicKeyInfo_element", "subjectPublicKeyInfo", FieldType.NONE);
    public static final Field SUBJECT_PUBLIC_KEY = f("x509af.subjectPublicKey", "subjectPublicKey", FieldType.BYTES);
    public static final Field EXTENSIONS = items("x509af.extensions", "extensions");
    public static final Field EXTENSION = named("x509af.Extension_element", "Extension");
    public static final Field EXTENSION_ID = oid("x509af.extension.id", "Extension Id");
    public static final Field CRITICAL = Field.define("x509af.critical", "critical", FieldType.BOOLEAN)
            .trueFalse("True", "False").build();
    public static final Field ALGORITHM_IDENTIFIER = named("x509af.algorithmIdentifier_element", "algorithmIdentifier");
    public static final Field ENCRYPTED = f("x509af.encrypted", "encrypted", FieldType.BYTES);

    public static final Field IF_RDN_SEQUENCE = Field.define("x509if.rdnSequence", "rdnSequence", FieldType.UINT32)
            .base(Base.DEC).labeler(X509Labels::rdnSequence).build();
    public static final Field RDN_SEQUENCE_ITEM = Field.define("x509if.RDNSequence_item", "RDNSequence item",
            FieldType.UINT32).base(Base.DEC).labeler(X509Labels::rdnItem).build();
    public static final Field RDN_ITEM = Field.define("x509if.RelativeDistinguishedName_item_element",
            "RelativeDistinguishedName item", FieldType.NONE).labeler(X509Labels::attribute).build();
    public static final Field ATTRIBUTE_OID = oid("x509if.oid", "Object Id");

    public static final Field DIRECTORY_STRING_CHOICE = u("x509sat.DirectoryString", "DirectoryString", DIRECTORY_STRING);
    public static final Field COUNTRY_NAME = f("x509sat.CountryName", "CountryName", FieldType.STRING);
    public static final Field IA5_STRING = f("x509sat.IA5String", "IA5String", FieldType.STRING);
    public static final Field TELETEX_STRING = f("x509sat.teletexString", "teletexString", FieldType.STRING);
    public static final Field PRINTABLE_STRING = f("x509sat.printableString", "printableString", FieldType.STRING);
    public static final Field UNIVERSAL_STRING = f("x509sat.universalString", "universalString", FieldType.STRING);
    public static final Field BMP_STRING = f("x509sat.bmpString", "bmpString", FieldType.STRING);
    public static final Field UTF8_STRING = f("x509sat.uTF8String", "uTF8String", FieldType.STRING);

    public static final Field GENERAL_NAMES = items("x509ce.GeneralNames", "GeneralNames");
    public static final Field GENERAL_NAME_CHOICE = u("x509ce.GeneralName", "GeneralName", GENERAL_NAME);
    public static final Field DNS_NAME = f("x509ce.dNSName", "dNSName", FieldType.STRING);
    public static final Field RFC822_NAME = f("x509ce.rfc822Name", "rfc822Name", FieldType.STRING);
    public static final Field URI = f("x509ce.uniformResourceIdentifier", "uniformResourceIdentifier", FieldType.STRING);
    public static final Field IP_ADDRESS_V4 = f("x509ce.IPAddress.ipv4", "iPAddress", FieldType.IPv4);
    public static final Field IP_ADDRESS_V6 = f("x509ce.IPAddress.ipv6", "iPAddress", FieldType.IPv6);
    public static final Field KEY_PURPOSE_IDS = items("x509ce.KeyPurposeIDs", "KeyPurposeIDs");
    public static final Field KEY_PURPOSE_ID = oid("x509ce.KeyPurposeId", "KeyPurposeId");
    public static final Field BASIC_CONSTRAINTS = Field.define("x509ce.BasicConstraintsSyntax_element",
            "BasicConstraintsSyntax", FieldType.NONE).labeler(X509Labels::sequence).build();
    public static final Field PATH_LEN_CONSTRAINT = Field.define("x509ce.pathLenConstraint", "pathLenConstraint",
            FieldType.UINT64).base(Base.DEC).build();
    public static final Field AUTHORITY_KEY_IDENTIFIER = f("x509ce.AuthorityKeyIdentifier_element",
            "AuthorityKeyIdentifier", FieldType.NONE);
    public static final Field KEY_USAGE = f("x509ce.KeyUsage", "KeyUsage", FieldType.BYTES);
    /** KeyUsage's bits, in order: the first eight in the first byte, decipherOnly the high bit of the second. */
    static final Field[] KEY_USAGE_BITS = bits("x509ce.KeyUsage.", "digitalSignature", "contentCommitment",
            "keyEncipherment", "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly",
            "decipherOnly");
    public static final Field CA = Field.define("x509ce.cA", "cA", FieldType.BOOLEAN).trueFalse("True", "False").build();
    public static final Field SUBJECT_KEY_IDENTIFIER = f("x509ce.SubjectKeyIdentifier", "SubjectKeyIdentifier",
            FieldType.BYTES);
    public static final Field KEY_IDENTIFIER = f("x509ce.keyIdentifier", "keyIdentifier", FieldType.BYTES);

    public static final Field PADDING = Field.define("ber.bitstring.padding", "Padding", FieldType.UINT8).base(Base.DEC)
            .build();
    public static final Field MODULUS = Field.define("pkcs1.modulus", "modulus", FieldType.BYTES)
            .labeler(X509Labels::hexInteger).build();
    public static final Field PUBLIC_EXPONENT = Field.define("pkcs1.publicExponent", "publicExponent", FieldType.INT32)
            .base(Base.DEC).build();
    public static final Field EC_PARAMETERS = u("pkcs1.ECParameters", "ECParameters",
            ValueNames.of(0, "specifiedCurve", 1, "namedCurve", 2, "implicitlyCA"));
    public static final Field NAMED_CURVE = oid("pkcs1.namedCurve", "namedCurve");
    public static final Field PSS_PARAMS = f("pkcs1.RSASSA_PSS_params_element", "RSASSA-PSS-params", FieldType.NONE);
    public static final Field PSS_HASH = named("pkcs1.hashAlgorithm_element", "hashAlgorithm");
    public static final Field PSS_MASK_GEN = named("pkcs1.maskGenAlgorithm_element", "maskGenAlgorithm");
    public static final Field PSS_SALT_LENGTH = Field.define("pkcs1.saltLength", "saltLength", FieldType.INT32)
            .base(Base.DEC).build();

    public static final Field AUTHORITY_CERT_ISSUER = items("x509ce.authorityCertIssuer", "authorityCertIssuer");
    public static final Field AUTHORITY_CERT_SERIAL = Field.define("x509ce.authorityCertSerialNumber",
            "authorityCertSerialNumber", FieldType.BYTES).labeler(X509Labels::hexInteger).build();
    public static final Field DIRECTORY_NAME = u("x509ce.directoryName", "directoryName", NAME_CHOICE);
    public static final Field CRL_DIST_POINTS = items("x509ce.CRLDistPointsSyntax", "CRLDistPointsSyntax");
    public static final Field DISTRIBUTION_POINT = f("x509ce.DistributionPoint_element", "DistributionPoint", FieldType.NONE);
    public static final Field DP_NAME = u("x509ce.distributionPoint", "distributionPoint",
            ValueNames.of(0, "fullName", 1, "nameRelativeToCRLIssuer"));
    public static final Field FULL_NAME = items("x509ce.fullName", "fullName");
    public static final Field CERT_POLICIES = items("x509ce.CertificatePoliciesSyntax", "CertificatePoliciesSyntax");
    public static final Field POLICY_INFORMATION = f("x509ce.PolicyInformation_element", "PolicyInformation", FieldType.NONE);
    public static final Field POLICY_IDENTIFIER = oid("x509ce.policyIdentifier", "policyIdentifier");
    public static final Field POLICY_QUALIFIERS = items("x509ce.policyQualifiers", "policyQualifiers");
    public static final Field POLICY_QUALIFIER_INFO = f("x509ce.PolicyQualifierInfo_element", "PolicyQualifierInfo",
            FieldType.NONE);
    public static final Field POLICY_QUALIFIER_ID = oid("x509ce.policyQualifierId", "Id");

    public static final Field PRINTABLE_STRING_TYPE = f("x509sat.PrintableString", "PrintableString", FieldType.STRING);

    public static final Field CPS_URI = f("pkix1explicit.DirectoryString", "DirectoryString", FieldType.STRING);

    static final ValueNames DISPLAY_TEXT = ValueNames.of(0, "ia5String", 1, "visibleString", 2, "bmpString", 3, "utf8String");
    public static final Field AIA_SYNTAX = items("pkix1implicit.AuthorityInfoAccessSyntax", "AuthorityInfoAccessSyntax");
    public static final Field ACCESS_DESCRIPTION = f("pkix1implicit.AccessDescription_element", "AccessDescription",
            FieldType.NONE);
    public static final Field ACCESS_METHOD = oid("pkix1implicit.accessMethod", "accessMethod");
    public static final Field ACCESS_LOCATION = u("pkix1implicit.accessLocation", "accessLocation", null);
    public static final Field USER_NOTICE = f("pkix1implicit.UserNotice_element", "UserNotice", FieldType.NONE);
    public static final Field NOTICE_REF = f("pkix1implicit.noticeRef_element", "noticeRef", FieldType.NONE);
    public static final Field ORGANIZATION = u("pkix1implicit.organization", "organization", DISPLAY_TEXT);
    public static final Field NOTICE_NUMBERS = items("pkix1implicit.noticeNumbers", "noticeNumbers");
    public static final Field NOTICE_NUMBER = Field.define("pkix1implicit.noticeNumbers_item", "noticeNumbers item",
            FieldType.INT32).base(Base.DEC).build();
    public static final Field EXPLICIT_TEXT = u("pkix1implicit.explicitText", "explicitText", DISPLAY_TEXT);
    public static final Field DT_IA5_STRING = f("pkix1implicit.ia5String", "ia5String", FieldType.STRING);
    public static final Field DT_VISIBLE_STRING = f("pkix1implicit.visibleString", "visibleString", FieldType.STRING);
    public static final Field DT_BMP_STRING = f("pkix1implicit.bmpString", "bmpString", FieldType.STRING);
    public static final Field DT_UTF8_STRING = f("pkix1implicit.utf8String", "utf8String", FieldType.STRING);

    public static final Field NS_CERT_TYPE = f("ns_cert_exts.CertType", "CertType", FieldType.BYTES);
    static final Field[] NS_CERT_TYPE_BITS = bits("ns_cert_exts.CertType.", "ssl-client", "ssl-server", "smime",
            "object-signing", "reserved-for-future-use", "ssl-ca", "smime-ca", "object-signing-ca");
    /** Netscape's IA5String extensions by the last arc of 2.16.840.1.113730.1.N. */
    private static final Field[] NS_STRINGS = new Field[14];

    static {
        String[] ns = {"2", "BaseUrl", "3", "RevocationUrl", "4", "CaRevocationUrl", "7", "CertRenewalUrl", "8", "CaPolicyUrl",
            "12", "SslServerName", "13", "Comment"};
        for (int i = 0; i < ns.length; i += 2) {
            NS_STRINGS[Integer.parseInt(ns[i])] = f("ns_cert_exts." + ns[i + 1], ns[i + 1], FieldType.STRING);
        }
    }

    /** The string field of Netscape extension 2.16.840.1.113730.1.{@code arc}, or null. */
    static Field netscapeString(int arc) {
        return arc >= 0 && arc < NS_STRINGS.length ? NS_STRINGS[arc] : null;
    }

    static final ValueNames LOGOTYPE_INFO = ValueNames.of(0, "direct", 1, "indirect");
    public static final Field LOGOTYPE_EXTN = f("logotypecertextn.LogotypeExtn_element", "LogotypeExtn", FieldType.NONE);
    public static final Field ISSUER_LOGO = u("logotypecertextn.issuerLogo", "issuerLogo", LOGOTYPE_INFO);
    public static final Field SUBJECT_LOGO = u("logotypecertextn.subjectLogo", "subjectLogo", LOGOTYPE_INFO);
    public static final Field LOGO_DIRECT = f("logotypecertextn.direct_element", "direct", FieldType.NONE);
    public static final Field LOGO_IMAGE_COUNT = items("logotypecertextn.image", "image");
    public static final Field LOGO_IMAGE = f("logotypecertextn.LogotypeImage_element", "LogotypeImage", FieldType.NONE);
    public static final Field LOGO_DETAILS = f("logotypecertextn.imageDetails_element", "imageDetails", FieldType.NONE);
    public static final Field LOGO_MEDIA_TYPE = f("logotypecertextn.mediaType", "mediaType", FieldType.STRING);
    public static final Field LOGO_HASH_COUNT = items("logotypecertextn.logotypeHash", "logotypeHash");
    public static final Field LOGO_HASH = f("logotypecertextn.HashAlgAndValue_element", "HashAlgAndValue", FieldType.NONE);
    public static final Field LOGO_HASH_ALG = named("logotypecertextn.hashAlg_element", "hashAlg");
    public static final Field LOGO_HASH_VALUE = f("logotypecertextn.hashValue", "hashValue", FieldType.BYTES);
    public static final Field LOGO_URI_COUNT = items("logotypecertextn.logotypeURI", "logotypeURI");
    public static final Field LOGO_URI = f("logotypecertextn.logotypeURI_item", "logotypeURI item", FieldType.STRING);

    static Field[] pkix1explicit() {
        return new Field[] {CPS_URI};
    }

    static Field[] pkix1implicit() {
        return new Field[] {AIA_SYNTAX, ACCESS_DESCRIPTION, ACCESS_METHOD, ACCESS_LOCATION, USER_NOTICE, NOTICE_REF,
            ORGANIZATION, NOTICE_NUMBERS, NOTICE_NUMBER, EXPLICIT_TEXT, DT_IA5_STRING, DT_VISIBLE_STRING, DT_BMP_STRING,
            DT_UTF8_STRING};
    }

    static Field[] nsCertExts() {
        Field[] out = java.util.Arrays.copyOf(NS_CERT_TYPE_BITS, NS_CERT_TYPE_BITS.length + 8);
        int i = NS_CERT_TYPE_BITS.length;
        out[i++] = NS_CERT_TYPE;
        for (Field f : NS_STRINGS) {
            if (f != null) {
                out[i++] = f;
            }
        }
        return out;
    }

    static Field[] logotype() {
        return new Field[] {LOGOTYPE_EXTN, ISSUER_LOGO, SUBJECT_LOGO, LOGO_DIRECT, LOGO_IMAGE_COUNT, LOGO_IMAGE, LOGO_DETAILS,
            LOGO_MEDIA_TYPE, LOGO_HASH_COUNT, LOGO_HASH, LOGO_HASH_ALG, LOGO_HASH_VALUE, LOGO_URI_COUNT, LOGO_URI};
    }

    static Field[] ber() {
        return new Field[] {PADDING};
    }

    static Field[] pkcs1() {
        return new Field[] {MODULUS, PUBLIC_EXPONENT, EC_PARAMETERS, NAMED_CURVE, PSS_PARAMS, PSS_HASH, PSS_MASK_GEN,
            PSS_SALT_LENGTH};
    }

    static Field[] x509af() {
        return new Field[] {SIGNED_CERTIFICATE, VERSION, SERIAL_NUMBER, SIGNATURE, ALGORITHM_ID, ISSUER, SUBJECT,
                AF_RDN_SEQUENCE, VALIDITY, NOT_BEFORE, NOT_AFTER, UTC_TIME, GENERALIZED_TIME, SPKI_ALGORITHM, SPKI,
                SUBJECT_PUBLIC_KEY,
                EXTENSIONS, EXTENSION, EXTENSION_ID, CRITICAL, ALGORITHM_IDENTIFIER, ENCRYPTED};
    }

    static Field[] x509if() {
        return new Field[] {IF_RDN_SEQUENCE, RDN_SEQUENCE_ITEM, RDN_ITEM, ATTRIBUTE_OID};
    }

    static Field[] x509sat() {
        return new Field[] {PRINTABLE_STRING_TYPE, DIRECTORY_STRING_CHOICE, COUNTRY_NAME, IA5_STRING, TELETEX_STRING, PRINTABLE_STRING,
                UNIVERSAL_STRING, BMP_STRING, UTF8_STRING};
    }

    static Field[] x509ce() {
        Field[] named = {GENERAL_NAMES, GENERAL_NAME_CHOICE, DNS_NAME, RFC822_NAME, URI, IP_ADDRESS_V4, IP_ADDRESS_V6,
            KEY_PURPOSE_IDS, KEY_PURPOSE_ID, CA, SUBJECT_KEY_IDENTIFIER, KEY_IDENTIFIER, BASIC_CONSTRAINTS,
            PATH_LEN_CONSTRAINT, AUTHORITY_KEY_IDENTIFIER, KEY_USAGE, AUTHORITY_CERT_ISSUER, AUTHORITY_CERT_SERIAL,
            DIRECTORY_NAME, CRL_DIST_POINTS, DISTRIBUTION_POINT, DP_NAME, FULL_NAME, CERT_POLICIES, POLICY_INFORMATION,
            POLICY_IDENTIFIER, POLICY_QUALIFIERS, POLICY_QUALIFIER_INFO, POLICY_QUALIFIER_ID};
        Field[] all = java.util.Arrays.copyOf(named, named.length + KEY_USAGE_BITS.length);
        System.arraycopy(KEY_USAGE_BITS, 0, all, named.length, KEY_USAGE_BITS.length);
        return all;
    }

    /** One-bit booleans of a BER BIT STRING, shown in 8-bit patterns, most significant bit first. */
    private static Field[] bits(String prefix, String... names) {
        Field[] out = new Field[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = Field.define(prefix + names[i], names[i], FieldType.BOOLEAN).mask(0x80 >>> (i % 8), 8)
                    .trueFalse("True", "False").build();
        }
        return out;
    }

    private static Field oid(String abbrev, String name) {
        return Field.define(abbrev, name, FieldType.OID).labeler(X509Labels::oid).build();
    }

    /** A SEQUENCE named after the OID it starts with ({@code signature (sha256WithRSAEncryption)}). */
    private static Field named(String abbrev, String name) {
        return Field.define(abbrev, name, FieldType.NONE).labeler(X509Labels::namedByOid).build();
    }

    private static Field items(String abbrev, String name) {
        return Field.define(abbrev, name, FieldType.UINT32).base(Base.DEC).labeler(X509Labels::items).build();
    }

    private static Field f(String abbrev, String name, FieldType type) {
        return Field.define(abbrev, name, type).build();
    }

    private static Field u(String abbrev, String name, ValueNames values) {
        Field.Builder b = Field.define(abbrev, name, FieldType.UINT32).base(Base.DEC);
        if (values != null) {
            b.values(values);
        }
        return b.build();
    }
}
