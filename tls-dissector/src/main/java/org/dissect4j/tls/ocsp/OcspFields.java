package org.dissect4j.tls.ocsp;

import org.dissect4j.api.Base;
import org.dissect4j.api.Expert;
import org.dissect4j.api.ExpertGroup;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Severity;
import org.dissect4j.api.ValueNames;

/**
 * OCSP's protocol and fields with Wireshark 4.0's names ({@code ocsp.*}, from its ASN.1 module), the
 * {@code pkix1explicit} Extension items OCSP's extensions are shown with, and BER's bit-string padding. The
 * certificate, algorithm and name items inside are the X.509 decoder's ({@code x509af.*}, {@code x509if.*}, ...).
 */
public final class OcspFields {
    private OcspFields() {
    }

    public static final Protocol OCSP = new Protocol("Online Certificate Status Protocol", "OCSP", "ocsp");

    static final ValueNames RESPONSE_STATUS_NAMES = ValueNames.of(0, "successful", 1, "malformedRequest",
            2, "internalError", 3, "tryLater", 5, "sigRequired", 6, "unauthorized");
    static final ValueNames RESPONDER_ID_NAMES = ValueNames.of(1, "byName", 2, "byKey");
    static final ValueNames CERT_STATUS_NAMES = ValueNames.of(0, "good", 1, "revoked", 2, "unknown");
    static final ValueNames CRL_REASON_NAMES = ValueNames.of(0, "unspecified", 1, "keyCompromise", 2, "cACompromise",
            3, "affiliationChanged", 4, "superseded", 5, "cessationOfOperation", 6, "certificateHold", 8, "removeFromCRL",
            9, "privilegeWithdrawn", 10, "aACompromise");
    static final ValueNames VERSION_NAMES = ValueNames.of(0, "v1");
    static final ValueNames GENERAL_NAME_NAMES = ValueNames.of(0, "otherName", 1, "rfc822Name", 2, "dNSName",
            3, "x400Address", 4, "directoryName", 5, "ediPartyName", 6, "uniformResourceIdentifier", 7, "iPAddress",
            8, "registeredID");

    // OCSPResponse and BasicOCSPResponse (RFC 6960 §4.2.1)
    public static final Field RESPONSE_STATUS = u("ocsp.responseStatus", "responseStatus", RESPONSE_STATUS_NAMES);
    public static final Field RESPONSE_BYTES = none("ocsp.responseBytes_element", "responseBytes");
    public static final Field RESPONSE_TYPE_ID = Field.define("ocsp.responseType.id", "ResponseType Id", FieldType.STRING)
            .labeler(OcspLabels::oidString).build();
    /** A response of another type than id-pkix-ocsp-basic: its bytes. */
    public static final Field RESPONSE = bytes("ocsp.response", "response");
    public static final Field BASIC_RESPONSE = none("ocsp.BasicOCSPResponse_element", "BasicOCSPResponse");
    public static final Field TBS_RESPONSE_DATA = none("ocsp.tbsResponseData_element", "tbsResponseData");
    public static final Field VERSION = Field.define("ocsp.version", "version", FieldType.INT32).base(Base.DEC)
            .values(VERSION_NAMES).build();
    public static final Field RESPONDER_ID = u("ocsp.responderID", "responderID", RESPONDER_ID_NAMES);
    public static final Field BY_NAME = u("ocsp.byName", "byName", null);
    public static final Field BY_KEY = bytes("ocsp.byKey", "byKey");
    public static final Field PRODUCED_AT = time("ocsp.producedAt", "producedAt");
    public static final Field RESPONSES = count("ocsp.responses", "responses");
    public static final Field SINGLE_RESPONSE = none("ocsp.SingleResponse_element", "SingleResponse");
    public static final Field RESPONSE_EXTENSIONS = count("ocsp.responseExtensions", "responseExtensions");
    public static final Field CERT_ID = none("ocsp.certID_element", "certID");
    public static final Field HASH_ALGORITHM = Field.define("ocsp.hashAlgorithm_element", "hashAlgorithm", FieldType.NONE)
            .labeler(OcspLabels::algorithm).build();
    public static final Field ISSUER_NAME_HASH = bytes("ocsp.issuerNameHash", "issuerNameHash");
    public static final Field ISSUER_KEY_HASH = bytes("ocsp.issuerKeyHash", "issuerKeyHash");
    public static final Field SERIAL_NUMBER = Field.define("ocsp.serialNumber", "serialNumber", FieldType.BYTES)
            .labeler(OcspLabels::integerBytes).build();
    public static final Field CERT_STATUS = u("ocsp.certStatus", "certStatus", CERT_STATUS_NAMES);
    public static final Field GOOD = none("ocsp.good_element", "good");
    public static final Field REVOKED = none("ocsp.revoked_element", "revoked");
    public static final Field UNKNOWN = none("ocsp.unknown_element", "unknown");
    public static final Field REVOCATION_TIME = time("ocsp.revocationTime", "revocationTime");
    public static final Field REVOCATION_REASON = u("ocsp.revocationReason", "revocationReason", CRL_REASON_NAMES);
    public static final Field THIS_UPDATE = time("ocsp.thisUpdate", "thisUpdate");
    public static final Field NEXT_UPDATE = time("ocsp.nextUpdate", "nextUpdate");
    public static final Field SINGLE_EXTENSIONS = count("ocsp.singleExtensions", "singleExtensions");
    public static final Field SIGNATURE_ALGORITHM = Field.define("ocsp.signatureAlgorithm_element", "signatureAlgorithm",
            FieldType.NONE).labeler(OcspLabels::algorithm).build();
    public static final Field SIGNATURE = bytes("ocsp.signature", "signature");
    public static final Field CERTS = count("ocsp.certs", "certs");
    public static final Field CERTIFICATE = none("ocsp.Certificate_element", "Certificate");

    // OCSPRequest (RFC 6960 §4.1.1)
    public static final Field TBS_REQUEST = none("ocsp.tbsRequest_element", "tbsRequest");
    public static final Field OPTIONAL_SIGNATURE = none("ocsp.optionalSignature_element", "optionalSignature");
    public static final Field REQUESTOR_NAME = u("ocsp.requestorName", "requestorName", GENERAL_NAME_NAMES);
    public static final Field REQUEST_LIST = count("ocsp.requestList", "requestList");
    public static final Field REQUEST = none("ocsp.Request_element", "Request");
    public static final Field REQ_CERT = none("ocsp.reqCert_element", "reqCert");
    public static final Field SINGLE_REQUEST_EXTENSIONS = count("ocsp.singleRequestExtensions", "singleRequestExtensions");
    public static final Field REQUEST_EXTENSIONS = count("ocsp.requestExtensions", "requestExtensions");

    // OCSP's extensions (RFC 6960 §4.4), their values dissected by OID
    public static final Field NONCE = bytes("ocsp.ReOcspNonce", "ReOcspNonce");
    public static final Field NULL = none("ocsp.NULL_element", "NULL");
    public static final Field ARCHIVE_CUTOFF = time("ocsp.ArchiveCutoff", "ArchiveCutoff");
    public static final Field ACCEPTABLE_RESPONSES = count("ocsp.AcceptableResponses", "AcceptableResponses");
    public static final Field ACCEPTABLE_RESPONSES_ITEM = Field.define("ocsp.AcceptableResponses_item",
            "AcceptableResponses item", FieldType.OID).build();
    public static final Field CRL_ID = none("ocsp.CrlID_element", "CrlID");
    public static final Field CRL_URL = Field.define("ocsp.crlUrl", "crlUrl", FieldType.STRING).build();
    public static final Field CRL_NUM = Field.define("ocsp.crlNum", "crlNum", FieldType.INT32).base(Base.DEC).build();
    public static final Field CRL_TIME = time("ocsp.crlTime", "crlTime");
    public static final Field SERVICE_LOCATOR = none("ocsp.ServiceLocator_element", "ServiceLocator");

    // PKIX1Explicit's Extension, which OCSP's Extensions are made of
    public static final Field PKIX_EXTENSION = none("pkix1explicit.Extension_element", "Extension");
    public static final Field PKIX_EXTENSION_ID = Field.define("pkix1explicit.id", "Id", FieldType.STRING)
            .labeler(OcspLabels::oidString).build();
    public static final Field PKIX_CRITICAL = Field.define("pkix1explicit.critical", "critical", FieldType.BOOLEAN)
            .trueFalse("True", "False").build();
    public static final Field PKIX_EXTN_VALUE = bytes("pkix1explicit.extnValue", "extnValue");


    /** Ours: the DER of an OCSP request or response is not well formed (decoding stops there). */
    static final Expert MALFORMED = new Expert("ocsp.malformed", ExpertGroup.MALFORMED, Severity.WARNING,
            "OCSP structure is not well-formed DER");

    static Field[] ocsp() {
        return new Field[] {RESPONSE_STATUS, RESPONSE_BYTES, RESPONSE_TYPE_ID, RESPONSE, BASIC_RESPONSE, TBS_RESPONSE_DATA, VERSION,
                RESPONDER_ID, BY_NAME, BY_KEY, PRODUCED_AT, RESPONSES, SINGLE_RESPONSE, RESPONSE_EXTENSIONS, CERT_ID,
                HASH_ALGORITHM, ISSUER_NAME_HASH, ISSUER_KEY_HASH, SERIAL_NUMBER, CERT_STATUS, GOOD, REVOKED, UNKNOWN,
                REVOCATION_TIME, REVOCATION_REASON, THIS_UPDATE, NEXT_UPDATE, SINGLE_EXTENSIONS, SIGNATURE_ALGORITHM,
                SIGNATURE, CERTS, CERTIFICATE, TBS_REQUEST, OPTIONAL_SIGNATURE, REQUESTOR_NAME, REQUEST_LIST, REQUEST,
                REQ_CERT, SINGLE_REQUEST_EXTENSIONS, REQUEST_EXTENSIONS, NONCE, NULL, ARCHIVE_CUTOFF,
                ACCEPTABLE_RESPONSES, ACCEPTABLE_RESPONSES_ITEM, CRL_ID, CRL_URL, CRL_NUM, CRL_TIME, SERVICE_LOCATOR};
    }

    static Field[] pkix1explicit() {
        return new Field[] {PKIX_EXTENSION, PKIX_EXTENSION_ID, PKIX_CRITICAL, PKIX_EXTN_VALUE};
    }

    private static Field none(String abbrev, String name) {
        return Field.define(abbrev, name, FieldType.NONE).build();
    }

    private static Field bytes(String abbrev, String name) {
        return Field.define(abbrev, name, FieldType.BYTES).build();
    }

    private static Field time(String abbrev, String name) {
        return Field.define(abbrev, name, FieldType.ABSOLUTE_TIME).base(Base.LOCAL).build();
    }

    /** A SEQUENCE OF's item count, shown as tshark's "name: N items". */
    private static Field count(String abbrev, String name) {
        return Field.define(abbrev, name, FieldType.UINT32).base(Base.DEC).labeler(OcspLabels::items).build();
    }

    private static Field u(String abbrev, String name, ValueNames values) {
        Field.Builder b = Field.define(abbrev, name, FieldType.UINT32).base(Base.DEC);
        if (values != null) {
            b.values(values);
        }
        return b.build();
    }
}
