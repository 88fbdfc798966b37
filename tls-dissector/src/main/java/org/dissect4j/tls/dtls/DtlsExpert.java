package org.dissect4j.tls.dtls;

import org.dissect4j.api.Expert;
import org.dissect4j.api.ExpertGroup;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Severity;

/** DTLS expert items: Wireshark 4.0's names, groups, severities and messages, plus one of ours (the reassembly bound). */
final class DtlsExpert {
    private DtlsExpert() {
    }

    static final Expert FRAGMENT_LENGTH_ZERO = new Expert("dtls.handshake.fragment_length.zero", ExpertGroup.PROTOCOL,
            Severity.WARNING, "Zero-length fragment length for fragmented message");
    static final Expert FRAGMENT_LENGTH_TOO_LONG = new Expert("dtls.handshake.fragment_length.too_long",
            ExpertGroup.PROTOCOL, Severity.ERROR, "Fragment length is larger than message length");
    static final Expert FRAGMENT_PAST_END = new Expert("dtls.handshake.fragment_past_end_msg", ExpertGroup.PROTOCOL,
            Severity.ERROR, "Fragment runs past the end of the message");
    static final Expert LENGTH_DIFFERS = new Expert("dtls.msg_len_diff_fragment", ExpertGroup.PROTOCOL, Severity.ERROR,
            "Message length differs from value in earlier fragment");
    static final Expert HEARTBEAT_PAYLOAD_LENGTH = new Expert("dtls.heartbeat_message.payload_length.invalid",
            ExpertGroup.MALFORMED, Severity.ERROR, "Invalid heartbeat payload length");
    /** Wireshark 4.0's message for it is the one of its CID item (a copy in packet-dtls.c), kept for parity. */
    static final Expert SRTP_PROFILES_LENGTH = new Expert("dtls.use_srtp.protection_profiles_length.invalid",
            ExpertGroup.PROTOCOL, Severity.ERROR, "Invalid real content type");
    /** Ours: a fragmented message past the reassembly bounds is not reassembled. */
    static final Expert REASSEMBLY_LIMIT = new Expert("dtls.handshake.reassembly_limit", ExpertGroup.REASSEMBLE,
            Severity.WARNING, "Handshake message too long to reassemble (bound reached)");

    static Expert[] all() {
        return new Expert[] {FRAGMENT_LENGTH_ZERO, FRAGMENT_LENGTH_TOO_LONG, FRAGMENT_PAST_END, LENGTH_DIFFERS,
            HEARTBEAT_PAYLOAD_LENGTH, SRTP_PROFILES_LENGTH, REASSEMBLY_LIMIT};
    }

    static void add(Packet p, Expert e, int at, int len) {
        p.tree().expert(e, at, len);
    }
}
