package org.dissect4j.tunnel.teredo;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.tunnel.Handoffs;

/**
 * Teredo, RFC 4380 (Wireshark's packet-teredo.c): an optional authentication indication, an optional origin
 * indication, then an IPv6 packet.
 *
 * <pre>
 * authentication: | 0x0001 | ID-len | AU-len | client ID | auth value | nonce (8) | confirmation (1) |
 * origin:         | 0x0000 | ~port (2) | ~IPv4 address (4) |
 * </pre>
 *
 * The bytes after the indications go to the {@code teredo} table by their first two bytes (Wireshark's key),
 * else to IPv6. The heuristic ({@code teredo.heuristic_teredo}, off by default as in Wireshark) takes a UDP
 * payload whose indications are followed by an IPv6 header whose payload length matches the bytes left.
 */
final class TeredoDissector implements Dissector {
    static final int IPV6_HEADER_LENGTH = 40;
    static final int ORIGIN_LENGTH = 8;
    /** Largest IPv6 payload that fits in a UDP datagram with the IPv6 header and the indications. */
    static final int MAX_PAYLOAD = 65467;
    private static final int TYPE_AUTH = 1;
    private static final int TYPE_ORIGIN = 0;

    private DissectorTable table;
    private DissectorHandle ipv6;

    void wire(DissectorTable table, DissectorHandle ipv6) {
        this.table = table;
        this.ipv6 = ipv6;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        boolean columns = p.columns();
        if (columns) {
            p.protocolColumn("Teredo");
            p.clearInfo();
        }
        Tree t = p.tree();
        t.open(TeredoPlugin.TEREDO.field(), off, Math.min(len, p.captured(off)));
        int at = off;
        int header = p.u16(at);
        if (header == TYPE_AUTH) {
            at = authentication(p, t, at, columns);
            header = p.u16(at);
        }
        if (header == TYPE_ORIGIN) {
            at = origin(p, t, at, columns);
        }
        t.close();
        int rest = len - (at - off);
        if (table == null || !Handoffs.call(p, table.get(p.u16(at)), at, rest)) {
            if (!Handoffs.call(p, ipv6, at, rest)) {
                Handoffs.data(p, at, rest);
            }
        }
        return len;
    }

    private static int authentication(Packet p, Tree t, int at, boolean columns) {
        if (columns) {
            appendInfo(p, "Authentication header");
        }
        int idLength = p.u8(at + 2);
        int auLength = p.u8(at + 3);
        t.open(TeredoFields.TEREDO_AUTH, at, 13 + idLength + auLength);
        t.addUint(TeredoFields.TEREDO_AUTH_IDLEN, at + 2, 1, idLength);
        t.addUint(TeredoFields.TEREDO_AUTH_AULEN, at + 3, 1, auLength);
        at += 4;
        if (idLength > 0) {
            p.require(at, idLength);
            t.add(TeredoFields.TEREDO_AUTH_ID, at, idLength);
            at += idLength;
        }
        if (auLength > 0) {
            p.require(at, auLength);
            t.add(TeredoFields.TEREDO_AUTH_VALUE, at, auLength);
            at += auLength;
        }
        p.require(at, 9);
        t.add(TeredoFields.TEREDO_AUTH_NONCE, at, 8);
        t.add(TeredoFields.TEREDO_AUTH_CONF, at + 8, 1);
        t.close();
        return at + 9;
    }

    private static int origin(Packet p, Tree t, int at, boolean columns) {
        if (columns) {
            appendInfo(p, "Origin indication");
        }
        t.open(TeredoFields.TEREDO_ORIG, at, ORIGIN_LENGTH);
        // the port and address are sent inverted (RFC 4380 section 5.1.1)
        t.addUint(TeredoFields.TEREDO_ORIG_PORT, at + 2, 2, ~p.u16(at + 2) & 0xFFFF);
        t.addUint(TeredoFields.TEREDO_ORIG_ADDR, at + 4, 4, ~p.u32(at + 4) & 0xFFFFFFFFL);
        t.close();
        return at + ORIGIN_LENGTH;
    }

    private static void appendInfo(Packet p, String text) {
        StringBuilder info = p.info();
        if (info.length() > 0) {
            info.append(", ");
        }
        info.append(text);
    }

    /**
     * Wireshark's Teredo heuristic: the indications, then an IPv6 header whose payload length is exactly the
     * captured bytes after it. Reads only captured bytes and records nothing before it accepts.
     */
    int heuristic(Packet p, int off, int len) {
        int at = off;
        if (p.captured(at) < IPV6_HEADER_LENGTH) {
            return 0;
        }
        int value = p.u16(at);
        if (value == TYPE_AUTH) {
            int idLength = p.u8(at + 2);
            int auLength = p.u8(at + 3);
            at += 13;
            if (p.captured(at) < idLength + auLength + IPV6_HEADER_LENGTH) {
                return 0;
            }
            at += idLength + auLength;
            value = p.u16(at);
        }
        if (value == TYPE_ORIGIN) {
            at += ORIGIN_LENGTH;
            if (p.captured(at) < IPV6_HEADER_LENGTH) {
                return 0;
            }
            value = p.u16(at);
        }
        if (value >>> 12 != 6) {
            return 0;
        }
        int payload = p.u16(at + 4);
        if (payload > MAX_PAYLOAD || p.captured(at + IPV6_HEADER_LENGTH) != payload) {
            return 0;
        }
        return dissect(p, off, len);
    }
}
