package org.dissect4j.dns;

import org.dissect4j.api.Expert;
import org.dissect4j.api.ExpertGroup;
import org.dissect4j.api.Severity;

/** The expert items of Wireshark 4.0's DNS dissector, with its names, groups, severities and messages. */
final class DnsExpert {
    static final Expert OPT_BAD_LENGTH = new Expert("dns.rr.opt.bad_length", ExpertGroup.MALFORMED, Severity.ERROR,
            "Length too long for any type of IP address.");
    static final Expert TRANSACTION_LIMIT = new Expert("dns.transaction_limit", ExpertGroup.SEQUENCE, Severity.NOTE,
            "The conversation reached dns.max_transactions (or all conversations dns.max_transactions_total): its"
            + " earlier transactions are forgotten");
    static final Expert UNDECODED = new Expert("dns.undecoded.type", ExpertGroup.UNDECODED, Severity.NOTE, "Undecoded option");
    static final Expert DEPRECATED_OPCODE = new Expert("dns.depr.opc", ExpertGroup.PROTOCOL, Severity.WARNING, "Deprecated opcode");
    static final Expert TTL_HIGH_BIT = new Expert("dns.ttl.high_bit_set", ExpertGroup.PROTOCOL, Severity.WARNING,
            "The uppermost bit of the TTL is set (RFC 2181, section 8)");
    static final Expert TSIG_NO_ALGORITHM = new Expert("dns.tsig.noalg", ExpertGroup.UNDECODED, Severity.WARNING,
            "No dissector for algorithm");
    static final Expert KEY_ID_TOO_SHORT = new Expert("dns.key_id_buffer_too_short", ExpertGroup.PROTOCOL, Severity.WARNING,
            "Buffer too short to compute a key id");
    static final Expert RETRANSMIT_REQUEST = new Expert("dns.retransmit_request", ExpertGroup.PROTOCOL, Severity.WARNING,
            "DNS query retransmission");
    static final Expert RETRANSMIT_RESPONSE = new Expert("dns.retransmit_response", ExpertGroup.PROTOCOL, Severity.WARNING,
            "DNS response retransmission");
    static final Expert EXTRANEOUS = new Expert("dns.extraneous", ExpertGroup.UNDECODED, Severity.NOTE, "Extraneous data");

    private DnsExpert() {
    }

    static Expert[] all() {
        return new Expert[] {OPT_BAD_LENGTH, UNDECODED, DEPRECATED_OPCODE, TTL_HIGH_BIT, TSIG_NO_ALGORITHM, KEY_ID_TOO_SHORT,
            RETRANSMIT_REQUEST, RETRANSMIT_RESPONSE, EXTRANEOUS, TRANSACTION_LIMIT};
    }
}
