package org.dissect4j.net;

import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * Multicast Listener Discovery inside ICMPv6, as Wireshark 4.0's packet-icmpv6.c shows it: MLDv1 queries, reports
 * and dones (RFC 2710: maximum response delay, reserved, multicast address), the MLDv2 query (RFC 3810 5.1, a
 * query of 28 bytes or more: maximum response code, flags, QQIC and its sources) and the MLDv2 report (RFC 3810
 * 5.2: its multicast address records, each with its sources and auxiliary data). A record or source announced
 * past the message's end throws (tshark's "[Malformed Packet]"), after the parts before it are recorded.
 */
final class Icmpv6Mld {
    static final int QUERY = 130;
    static final int REPORT = 131;
    static final int DONE = 132;
    static final int REPORT_V2 = 143;
    /** RFC 3810 5.1: an MLDv2 query is at least 28 bytes; a shorter one is MLDv1's 24. */
    private static final int V2_QUERY_LENGTH = 28;
    private static final int ADDRESS = 16;
    private static final int RECORD_HEADER = 4 + ADDRESS;

    private Icmpv6Mld() {
    }

    /** A query, report or done; {@code body} is past type, code and checksum, {@code len} the whole message's. */
    static void v1OrQuery(Packet p, Tree t, int type, int body, int len) {
        if (type == QUERY && len >= V2_QUERY_LENGTH) {
            t.addUint(Icmpv6Fields.MLD_MAXIMUM_RESPONSE_CODE, body, 2, p.u16(body));
        } else {
            t.addUint(Icmpv6Fields.MLD_MAXIMUM_RESPONSE_DELAY, body, 2, p.u16(body));
        }
        p.require(body + 2, 2);
        t.add(Icmpv6Fields.RESERVED, body + 2, 2);
        p.require(body + 4, ADDRESS);
        t.add(Icmpv6Fields.MLD_MULTICAST_ADDRESS, body + 4, ADDRESS);
        if (type != QUERY || len < V2_QUERY_LENGTH) {
            return;
        }
        int at = body + 4 + ADDRESS;
        int flags = p.u8(at);
        t.openUint(Icmpv6Fields.MLD_FLAG, at, 1, flags);
        t.addUint(Icmpv6Fields.MLD_FLAG_S, at, 1, flags);
        t.addUint(Icmpv6Fields.MLD_FLAG_QRV, at, 1, flags);
        t.addUint(Icmpv6Fields.MLD_FLAG_RESERVED, at, 1, flags);
        t.close();
        t.addUint(Icmpv6Fields.MLD_QQI, at + 1, 1, p.u8(at + 1));
        int sources = p.u16(at + 2);
        t.addUint(Icmpv6Fields.MLD_NB_SOURCES, at + 2, 2, sources);
        addresses(p, t, Icmpv6Fields.MLD_SOURCE_ADDRESS, at + 4, sources);
    }

    /** An MLDv2 report: reserved, the record count, then each record. */
    static void reportV2(Packet p, Tree t, int body) {
        p.require(body, 2);
        t.add(Icmpv6Fields.RESERVED, body, 2);
        int records = p.u16(body + 2);
        t.addUint(Icmpv6Fields.MLDR_NB_MCAST_RECORDS, body + 2, 2, records);
        int at = body + 4;
        for (int i = 0; i < records; i++) {
            at = record(p, t, at);
        }
    }

    /** One multicast address record at {@code at}; returns where the next starts. */
    private static int record(Packet p, Tree t, int at) {
        int type = p.u8(at);
        int auxWords = p.u8(at + 1);
        int sources = p.u16(at + 2);
        p.require(at + 4, ADDRESS);
        long length = RECORD_HEADER + (long) sources * ADDRESS + auxWords * 4L;
        // the label reads the type and address under it: "Multicast Address Record Include: ff02::9b64:84e6"
        t.open(Icmpv6Fields.MLDR_MAR, at, (int) Math.min(length, Math.max(0, p.captured(at))));
        t.addUint(Icmpv6Fields.MLDR_MAR_RECORD_TYPE, at, 1, type);
        t.addUint(Icmpv6Fields.MLDR_MAR_AUX_DATA_LEN, at + 1, 1, auxWords);
        t.addUint(Icmpv6Fields.MLDR_MAR_NB_SOURCES, at + 2, 2, sources);
        t.add(Icmpv6Fields.MLDR_MAR_MULTICAST_ADDRESS, at + 4, ADDRESS);
        int next = addresses(p, t, Icmpv6Fields.MLDR_MAR_SOURCE_ADDRESS, at + RECORD_HEADER, sources);
        if (auxWords > 0) {
            p.require(next, auxWords * 4);
            t.add(Icmpv6Fields.MLDR_MAR_AUXILIARY_DATA, next, auxWords * 4);
            next += auxWords * 4;
        }
        t.close();
        return next;
    }

    /** {@code count} IPv6 addresses from {@code at}, each checked before it is recorded; returns the end. */
    private static int addresses(Packet p, Tree t, Field f, int at, int count) {
        for (int i = 0; i < count; i++) {
            p.require(at, ADDRESS);
            t.add(f, at, ADDRESS);
            at += ADDRESS;
        }
        return at;
    }
}
