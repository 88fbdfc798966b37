package org.dissect4j.dns;

import org.dissect4j.api.Packet;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.StreamPdus;
import org.dissect4j.api.StreamReassembly;
import org.dissect4j.api.Tree;

/**
 * DNS messages (RFC 1035 §4.1), as Wireshark 4.0's {@code dissect_dns_common}: over UDP, over TCP with the
 * two-byte length prefix (RFC 1035 §4.2.2, through {@link StreamPdus}), and the multicast flavours mDNS
 * (RFC 6762) and LLMNR (RFC 4795), which differ in their flags, class bits and Info texts.
 *
 * <pre>
 *  0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * |                      ID                       |
 * |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
 * |          QDCOUNT, ANCOUNT, NSCOUNT, ARCOUNT   |
 * +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * </pre>
 *
 * <p>The header, the questions, then the answer, authority and additional records ({@link DnsRecords}), the
 * request/response matching ({@link DnsTransactions}), and anything after the last record as extraneous data.
 * Info: {@code Standard query 0x1234 A example.com OPT} or {@code Standard query response 0x1234 A example.com
 * A 1.2.3.4}. A name or record that runs past the message ends it as malformed, with what came before kept.
 */
final class DnsDissector implements StreamPdus.Framing {
    static final int HEADER_LENGTH = 12;
    static final int ID_OFFSET = 0, FLAGS_OFFSET = ID_OFFSET + 2, QDCOUNT_OFFSET = FLAGS_OFFSET + 2,
            ANCOUNT_OFFSET = QDCOUNT_OFFSET + 2, NSCOUNT_OFFSET = ANCOUNT_OFFSET + 2, ARCOUNT_OFFSET = NSCOUNT_OFFSET + 2;
    /** The flavours, which differ in flags, classes and Info. */
    static final int DNS = 0, MDNS = 1, LLMNR = 2;

    static final int F_RESPONSE = 0x8000, F_OPCODE = 0x7800, OPCODE_SHIFT = 11, F_AUTHENTIC = 0x20, F_RCODE = 0xF;
    static final int OPCODE_UPDATE = 5, OPCODE_DSO = 6;
    /** NetBIOS Name Service (RFC 1002), which Wireshark registers on UDP port 137. */
    static final int NBNS_PORT = 137;

    private final DnsRecords records;
    private final DnsTransactions transactions;
    private final boolean desegment;
    private final StreamPdus pdus = new StreamPdus(2, this);
    private final StringBuilder expertText = new StringBuilder(96);

    DnsDissector(DnsTransactions transactions, boolean desegment) {
        this.transactions = transactions;
        this.desegment = desegment;
        this.records = new DnsRecords();
    }

    /** The {@code dns} dissector: DNS over TCP when the transport is TCP (port 53, DoT), else one UDP datagram. */
    int dissectDns(Packet p, int offset, int length) {
        if (p.portType() == Packet.PT_TCP) {
            if (desegment) {
                return pdus.dissect(p, offset, length);
            }
            StreamReassembly saved = p.stream();
            p.stream(null);
            try {
                return pdus.dissect(p, offset, length);
            } finally {
                p.stream(saved);
            }
        }
        message(p, offset, offset, DNS, false);
        return p.captured(offset);
    }

    /** The {@code mdns} dissector (UDP port 5353). */
    int dissectMdns(Packet p, int offset, int length) {
        if (p.columns()) {
            p.protocolColumn("MDNS");
        }
        message(p, offset, offset, MDNS, false);
        return p.captured(offset);
    }

    /** The {@code llmnr} dissector (UDP port 5355). */
    int dissectLlmnr(Packet p, int offset, int length) {
        message(p, offset, offset, LLMNR, false);
        return p.captured(offset);
    }

    /**
     * Wireshark's {@code dns_udp} heuristic: more than a header, opcode 0, a query with one question and
     * no answer or authority records, or a response with at most one question, 100 answers and 10 authority
     * records; at most 10 additional records either way.
     *
     * <p>One difference: it leaves UDP port 137 alone. There tshark finds NetBIOS Name Service, whose messages
     * have DNS's layout and pass this test, by its port before any heuristic runs; dissect4j does not dissect
     * NBNS, and showing its name queries as DNS would be wrong where showing them as data is only incomplete.
     */
    int heuristic(Packet p, int offset, int length) {
        if (length <= HEADER_LENGTH || p.srcPort() == NBNS_PORT || p.dstPort() == NBNS_PORT) {
            return 0;
        }
        int flags = p.u16(offset + FLAGS_OFFSET);
        if ((flags & F_OPCODE) != 0) {
            return 0;
        }
        int quest = p.u16(offset + QDCOUNT_OFFSET);
        int ans = p.u16(offset + ANCOUNT_OFFSET);
        int auth = p.u16(offset + NSCOUNT_OFFSET);
        if ((flags & F_RESPONSE) == 0) {
            if (quest != 1 || ans != 0 || auth != 0) {
                return 0;
            }
        } else if (quest > 1 || ans > 100 || auth > 10) {
            return 0;
        }
        if (p.u16(offset + ARCOUNT_OFFSET) > 10) {
            return 0;
        }
        return Math.max(1, dissectDns(p, offset, length));
    }

    @Override
    public int pduLength(Packet p, int offset, int available) {
        return p.u16(offset) + 2;
    }

    @Override
    public int dissectPdu(Packet p, int offset, int reportedLength, int capturedLength) {
        if (p.columns()) {
            p.protocolColumn("DNS");
        }
        message(p, offset + 2, offset, DNS, true);
        return reportedLength;
    }

    /**
     * One message at {@code msg}; {@code start} is where its layer starts (the length prefix over TCP).
     */
    private void message(Packet p, int msg, int start, int kind, boolean tcp) {
        Tree t = p.tree();
        boolean columns = p.columns();
        StringBuilder info = columns ? p.clearInfo() : null;
        int id = p.u16(msg + ID_OFFSET);
        int flags = p.u16(msg + FLAGS_OFFSET);
        int opcode = (flags & F_OPCODE) >>> OPCODE_SHIFT;
        int rcode = flags & F_RCODE;
        boolean response = (flags & F_RESPONSE) != 0;
        if (info != null) {
            String op = DnsFields.FLAGS_OPCODE_VALUES.name(opcode);
            if (op != null) {
                info.append(op);
            } else {
                info.append("Unknown operation (").append(opcode).append(')');
            }
            if (response) {
                info.append(" response");
            }
            info.append(" 0x");
            hex4(id, info);
            if (response && rcode != 0) {
                String rc = DnsFields.FLAGS_RCODE_VALUES.name(rcode);
                if (rc != null) {
                    info.append(' ').append(rc);
                } else {
                    info.append(" Unknown error (").append(rcode).append(')');
                }
            }
        }
        boolean update = opcode == OPCODE_UPDATE;
        Protocol protocol = kind == MDNS ? DnsPlugin.MDNS : kind == LLMNR ? DnsPlugin.LLMNR : DnsPlugin.DNS;
        // as proto_tree_add_item(..., 0, -1): the item covers the captured bytes
        t.setValue(t.open(protocol.field(), start, p.captured(start)), flags);
        try {
            transactions.track(p, id, response);
            if (transactions.limitReached) {
                t.expert(DnsExpert.TRANSACTION_LIMIT, start, 0);
            }
            if (tcp) {
                p.item(DnsFields.LENGTH, start);
            }
            int idNode = t.addUint(DnsFields.ID, msg + ID_OFFSET, 2, id);
            flags(t, msg + FLAGS_OFFSET, flags, kind);
            int quest = p.u16(msg + QDCOUNT_OFFSET);
            t.addUint(update ? DnsFields.COUNT_ZONES : DnsFields.COUNT_QUERIES, msg + QDCOUNT_OFFSET, 2, quest);
            int ans = p.u16(msg + ANCOUNT_OFFSET);
            t.addUint(update ? DnsFields.COUNT_PREREQUISITES : DnsFields.COUNT_ANSWERS, msg + ANCOUNT_OFFSET, 2, ans);
            int auth = p.u16(msg + NSCOUNT_OFFSET);
            t.addUint(update ? DnsFields.COUNT_UPDATES : DnsFields.COUNT_AUTH_RR, msg + NSCOUNT_OFFSET, 2, auth);
            int add = p.u16(msg + ARCOUNT_OFFSET);
            t.addUint(DnsFields.COUNT_ADD_RR, msg + ARCOUNT_OFFSET, 2, add);
            int at = msg + HEADER_LENGTH;
            if (opcode == OPCODE_DSO && quest == 0 && ans == 0 && auth == 0 && add == 0) {
                at += records.dso(p, at);
            }
            if (quest > 0) {
                at = questions(p, at, msg, quest, kind, update, info);
            }
            at = records(p, at, msg, ans, 1, kind, update, info);
            at = records(p, at, msg, auth, 2, kind, update, info);
            at = records(p, at, msg, add, 3, kind, update, info);
            state(p, t, response, msg, idNode);
            int rest = p.reportedEnd() - at;
            if (rest > 0) {
                p.require(at, rest);
                extraneous(t, at, rest);
            }
        } finally {
            t.close();
        }
    }

    /**
     * The question section in its text item ({@code Queries}, UPDATE's {@code Zone}); returns where it ends. As
     * Wireshark's, the item covers the rest of the message until the section is complete.
     */
    private int questions(Packet p, int at, int msg, int count, int kind, boolean update, StringBuilder info) {
        Tree t = p.tree();
        int section = t.open(DnsLabels.section(0, update), at, p.captured(at));
        try {
            boolean many = false;
            int c = at;
            for (int i = 0; i < count; i++) {
                c += records.question(p, c, msg, kind, info);
                many |= records.multipleResponses;
            }
            transactions.multipleResponses(many);
            t.setLength(section, c - at);
            return c;
        } finally {
            t.close();
        }
    }

    /** One record section ({@code index} 1 answers, 2 authority, 3 additional) in its text item; returns its end. */
    private int records(Packet p, int at, int msg, int count, int index, int kind, boolean update, StringBuilder info) {
        if (count == 0) {
            return at;
        }
        Tree t = p.tree();
        int section = t.open(DnsLabels.section(index, update), at, p.captured(at));
        try {
            int c = at;
            for (int i = 0; i < count; i++) {
                c += records.record(p, c, msg, kind, info);
            }
            t.setLength(section, c - at);
            return c;
        } finally {
            t.close();
        }
    }

    /** The flags word and its bits, which depend on the flavour and the direction. */
    private static void flags(Tree t, int at, int flags, int kind) {
        boolean response = (flags & F_RESPONSE) != 0;
        t.openUint(DnsFields.FLAGS, at, 2, flags);
        t.addUint(DnsFields.FLAGS_RESPONSE, at, 2, flags);
        t.addUint(DnsFields.FLAGS_OPCODE, at, 2, flags);
        if (kind == LLMNR) {
            t.addUint(response ? DnsFields.FLAGS_CONFLICT_RESPONSE : DnsFields.FLAGS_CONFLICT, at, 2, flags);
            t.addUint(DnsFields.FLAGS_TRUNCATED, at, 2, flags);
            t.addUint(DnsFields.FLAGS_TENTATIVE, at, 2, flags);
            if (response) {
                t.addUint(DnsFields.FLAGS_RCODE, at, 2, flags);
            }
        } else {
            if (response) {
                t.addUint(DnsFields.FLAGS_AUTHORITATIVE, at, 2, flags);
            }
            t.addUint(DnsFields.FLAGS_TRUNCATED, at, 2, flags);
            t.addUint(DnsFields.FLAGS_RECDESIRED, at, 2, flags);
            if (response) {
                t.addUint(DnsFields.FLAGS_RECAVAIL, at, 2, flags);
            }
            t.addUint(DnsFields.FLAGS_Z, at, 2, flags);
            if (response) {
                t.addUint(DnsFields.FLAGS_AUTHENTICATED, at, 2, flags);
            } else if ((flags & F_AUTHENTIC) != 0) {
                t.addUint(DnsFields.FLAGS_AD, at, 2, flags);
            }
            t.addUint(DnsFields.FLAGS_CHECKDISABLE, at, 2, flags);
            if (response) {
                t.addUint(DnsFields.FLAGS_RCODE, at, 2, flags);
            }
        }
        t.close();
    }

    /** The request/response items after the records, as Wireshark adds them. */
    private void state(Packet p, Tree t, boolean response, int msg, int idNode) {
        DnsTransactions tr = transactions;
        boolean inError = p.conversation() == null;
        if (!response) {
            if (tr.retransmission && tr.requestFrame != 0 && !inError) {
                t.expertOn(idNode, DnsExpert.RETRANSMIT_REQUEST, msg + ID_OFFSET, 2,
                        message(t, "DNS query retransmission. Original request in frame ", tr.requestFrame));
                t.addGenerated(DnsFields.RETRANSMIT_REQUEST_IN, tr.requestFrame);
                t.addGenerated(DnsFields.RETRANSMISSION, 1);
            } else if (tr.responseFrame != 0) {
                t.addGenerated(DnsFields.RESPONSE_IN, tr.responseFrame);
            }
        } else if (tr.requestFrame != 0) {
            if (tr.retransmission && tr.responseFrame != 0 && !inError) {
                t.expertOn(idNode, DnsExpert.RETRANSMIT_RESPONSE, msg + ID_OFFSET, 2, message(t,
                        "DNS response retransmission. Original response in frame ", tr.responseFrame));
                t.addGenerated(DnsFields.RETRANSMIT_RESPONSE_IN, tr.responseFrame);
                t.addGenerated(DnsFields.RETRANSMISSION, 1);
            } else {
                t.addGenerated(DnsFields.RESPONSE_TO, tr.requestFrame);
                t.addGenerated(DnsFields.TIME, p.frame().timestampNanos() - tr.requestTime);
            }
        } else if (!tr.retransmission) {
            t.addGenerated(DnsFields.UNSOLICITED, 1);
        }
    }

    /** Octets after the last record, in Wireshark's {@code Extraneous Data (5 bytes)} item. */
    private void extraneous(Tree t, int at, int rest) {
        int item = t.open(DnsLabels.EXTRANEOUS, at, rest);
        try {
            if (item >= 0 && t.wantsLabels()) {
                expertText.setLength(0);
                t.setLabel(item, expertText.append("Extraneous Data (").append(rest).append(" bytes)"));
            }
            t.add(DnsFields.EXTRANEOUS_DATA, at, rest);
            t.setFlags(t.addLong(DnsFields.EXTRANEOUS_LENGTH, at + rest, 0, rest), Tree.GENERATED);
            // proto_tree_add_expert's own item, hidden in -V, holds the expert item (PDML and JSON show both)
            t.setFlags(t.open(DnsLabels.EXTRANEOUS_EXPERT, at, rest), Tree.HIDDEN);
            t.expert(DnsExpert.EXTRANEOUS, at, rest);
            t.close();
        } finally {
            t.close();
        }
    }

    /** An expert message of text and a number, composed only when an output shows expert messages. */
    private CharSequence message(Tree t, String text, long n) {
        if (!t.wantsExpertMessages()) {
            return null;
        }
        expertText.setLength(0);
        return expertText.append(text).append(n);
    }

    private static void hex4(int v, StringBuilder out) {
        for (int s = 12; s >= 0; s -= 4) {
            out.append(Character.forDigit(v >> s & 0xF, 16));
        }
    }
}
