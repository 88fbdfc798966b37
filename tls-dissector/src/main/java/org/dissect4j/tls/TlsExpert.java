package org.dissect4j.tls;

import org.dissect4j.api.Expert;
import org.dissect4j.api.ExpertGroup;
import org.dissect4j.api.Severity;

/** TLS expert items: Wireshark 4.0's names, groups, severities and messages, plus two of ours (documented in the README). */
final class TlsExpert {
    private TlsExpert() {
    }

    static final Expert IGNORED_UNKNOWN_RECORD = new Expert("tls.ignored_unknown_record", ExpertGroup.PROTOCOL,
            Severity.WARNING, "Ignored Unknown Record");
    static final Expert VECTOR_LENGTH = new Expert("tls.malformed.vector_length", ExpertGroup.PROTOCOL, Severity.WARNING,
            "Variable vector length is outside the permitted range");
    static final Expert BUFFER_TOO_SMALL = new Expert("tls.malformed.buffer_too_small", ExpertGroup.MALFORMED,
            Severity.ERROR, "Malformed message, not enough data is available");
    static final Expert TRAILING_DATA = new Expert("tls.malformed.trailing_data", ExpertGroup.PROTOCOL, Severity.WARNING,
            "Undecoded trailing data is present");
    static final Expert RECORD_LENGTH_INVALID = new Expert("tls.record.length.invalid", ExpertGroup.PROTOCOL,
            Severity.ERROR, "Record fragment length is too small or too large");
    static final Expert UNEXPECTED_MESSAGE = new Expert("tls.unexpected_message", ExpertGroup.PROTOCOL, Severity.ERROR,
            "Unexpected message");
    static final Expert HEARTBEAT_PAYLOAD_LENGTH = new Expert("tls.heartbeat_message.payload_length.invalid",
            ExpertGroup.MALFORMED, Severity.ERROR, "Invalid heartbeat payload length");
    static final Expert RESUMED = new Expert("tls.resumed", ExpertGroup.SEQUENCE, Severity.NOTE,
            "This session reuses previously negotiated keys (Session resumption)");
    /** Ours: the client offered a session ID, ticket or PSK and the server ran a full handshake. */
    static final Expert RESUMPTION_REFUSED = new Expert("tls.resumption.refused", ExpertGroup.SEQUENCE, Severity.NOTE,
            "The client offered to resume a session, the server performed a full handshake");
    /** Ours: a handshake message longer than the reassembly bound is not reassembled. */
    static final Expert REASSEMBLY_LIMIT = new Expert("tls.handshake.reassembly_limit", ExpertGroup.REASSEMBLE,
            Severity.WARNING, "Handshake message too long to reassemble (bound reached)");
    /** Ours: a certificate's DER is not well formed (decoding stops there). */
    static final Expert X509_MALFORMED = new Expert("tls.x509.malformed", ExpertGroup.MALFORMED, Severity.WARNING,
            "Certificate is not well-formed DER");

    /** Records {@code e} (the tree adds the hidden {@code _ws.malformed} item of the Malformed group). */
    static void add(org.dissect4j.api.Packet p, Expert e, int at, int len) {
        p.tree().expert(e, at, len);
    }

    static Expert[] all() {
        return new Expert[] {IGNORED_UNKNOWN_RECORD, VECTOR_LENGTH, BUFFER_TOO_SMALL, TRAILING_DATA, RECORD_LENGTH_INVALID,
                UNEXPECTED_MESSAGE, HEARTBEAT_PAYLOAD_LENGTH, RESUMED, RESUMPTION_REFUSED, REASSEMBLY_LIMIT, X509_MALFORMED};
    }
}
