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
    public static final Field SERIAL_NUMBER = f("x509af.serialNumber", "serialNumber", FieldType.BYTES);
    public static final Field SIGNATURE = f("x509af.signature_element", "signature", FieldType.NONE);
    public static final Field ALGORITHM_ID = f("x509af.algorithm.id", "Algorithm Id", FieldType.OID);
    public static final Field ISSUER = u("x509af.issuer", "issuer", NAME_CHOICE);
    public static final Field SUBJECT = u("x509af.subject", "subject", NAME_CHOICE);
    /** The subject's RDN count (x509af's own rdnSequence); the issuer's is {@link #IF_RDN_SEQUENCE}. */
    public static final Field AF_RDN_SEQUENCE = u("x509af.rdnSequence", "rdnSequence", null);
    public static final Field VALIDITY = f("x509af.validity_element", "validity", FieldType.NONE);
    public static final Field NOT_BEFORE = u("x509af.notBefore", "notBefore", TIME_CHOICE);
    public static final Field NOT_AFTER = u("x509af.notAfter", "notAfter", TIME_CHOICE);
    public static final Field UTC_TIME = f("x509af.utcTime", "utcTime", FieldType.STRING);
    public static final Field GENERALIZED_TIME = Field.define("x509af.generalizedTime", "generalizedTime",
            FieldType.ABSOLUTE_TIME).base(Base.LOCAL).build();
    public static final Field SPKI = f("x509af.subjectPublicKeyInfo_element", "subjectPublicKeyInfo", FieldType.NONE);
    public static final Field SUBJECT_PUBLIC_KEY = f("x509af.subjectPublicKey", "subjectPublicKey", FieldType.BYTES);
    public static final Field EXTENSIONS = u("x509af.extensions", "extensions", null);
    public static final Field EXTENSION = f("x509af.Extension_element", "Extension", FieldType.NONE);
    public static final Field EXTENSION_ID = f("x509af.extension.id", "Extension Id", FieldType.OID);
    public static final Field CRITICAL = Field.define("x509af.critical", "critical", FieldType.BOOLEAN)
            .trueFalse("True", "False").build();
    public static final Field ALGORITHM_IDENTIFIER = f("x509af.algorithmIdentifier_element", "algorithmIdentifier",
            FieldType.NONE);
    public static final Field ENCRYPTED = f("x509af.encrypted", "encrypted", FieldType.BYTES);

    public static final Field IF_RDN_SEQUENCE = u("x509if.rdnSequence", "rdnSequence", null);
    public static final Field RDN_SEQUENCE_ITEM = u("x509if.RDNSequence_item", "RDNSequence item", null);
    public static final Field RDN_ITEM = f("x509if.RelativeDistinguishedName_item_element",
            "RelativeDistinguishedName item", FieldType.NONE);
    public static final Field ATTRIBUTE_OID = f("x509if.oid", "Object Id", FieldType.OID);

    public static final Field DIRECTORY_STRING_CHOICE = u("x509sat.DirectoryString", "DirectoryString", DIRECTORY_STRING);
    public static final Field COUNTRY_NAME = f("x509sat.CountryName", "CountryName", FieldType.STRING);
    public static final Field IA5_STRING = f("x509sat.IA5String", "IA5String", FieldType.STRING);
    public static final Field TELETEX_STRING = f("x509sat.teletexString", "teletexString", FieldType.STRING);
    public static final Field PRINTABLE_STRING = f("x509sat.printableString", "printableString", FieldType.STRING);
    public static final Field UNIVERSAL_STRING = f("x509sat.universalString", "universalString", FieldType.STRING);
    public static final Field BMP_STRING = f("x509sat.bmpString", "bmpString", FieldType.STRING);
    public static final Field UTF8_STRING = f("x509sat.uTF8String", "uTF8String", FieldType.STRING);

    public static final Field GENERAL_NAMES = u("x509ce.GeneralNames", "GeneralNames", null);
    public static final Field GENERAL_NAME_CHOICE = u("x509ce.GeneralName", "GeneralName", GENERAL_NAME);
    public static final Field DNS_NAME = f("x509ce.dNSName", "dNSName", FieldType.STRING);
    public static final Field RFC822_NAME = f("x509ce.rfc822Name", "rfc822Name", FieldType.STRING);
    public static final Field URI = f("x509ce.uniformResourceIdentifier", "uniformResourceIdentifier", FieldType.STRING);
    public static final Field KEY_PURPOSE_IDS = u("x509ce.KeyPurposeIDs", "KeyPurposeIDs", null);
    public static final Field KEY_PURPOSE_ID = f("x509ce.KeyPurposeId", "KeyPurposeId", FieldType.OID);
    public static final Field CA = Field.define("x509ce.cA", "cA", FieldType.BOOLEAN).trueFalse("True", "False").build();
    public static final Field SUBJECT_KEY_IDENTIFIER = f("x509ce.SubjectKeyIdentifier", "SubjectKeyIdentifier",
            FieldType.BYTES);
    public static final Field KEY_IDENTIFIER = f("x509ce.keyIdentifier", "keyIdentifier", FieldType.BYTES);

    static Field[] x509af() {
        return new Field[] {SIGNED_CERTIFICATE, VERSION, SERIAL_NUMBER, SIGNATURE, ALGORITHM_ID, ISSUER, SUBJECT,
                AF_RDN_SEQUENCE, VALIDITY, NOT_BEFORE, NOT_AFTER, UTC_TIME, GENERALIZED_TIME, SPKI, SUBJECT_PUBLIC_KEY,
                EXTENSIONS, EXTENSION, EXTENSION_ID, CRITICAL, ALGORITHM_IDENTIFIER, ENCRYPTED};
    }

    static Field[] x509if() {
        return new Field[] {IF_RDN_SEQUENCE, RDN_SEQUENCE_ITEM, RDN_ITEM, ATTRIBUTE_OID};
    }

    static Field[] x509sat() {
        return new Field[] {DIRECTORY_STRING_CHOICE, COUNTRY_NAME, IA5_STRING, TELETEX_STRING, PRINTABLE_STRING,
                UNIVERSAL_STRING, BMP_STRING, UTF8_STRING};
    }

    static Field[] x509ce() {
        return new Field[] {GENERAL_NAMES, GENERAL_NAME_CHOICE, DNS_NAME, RFC822_NAME, URI, KEY_PURPOSE_IDS,
                KEY_PURPOSE_ID, CA, SUBJECT_KEY_IDENTIFIER, KEY_IDENTIFIER};
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
