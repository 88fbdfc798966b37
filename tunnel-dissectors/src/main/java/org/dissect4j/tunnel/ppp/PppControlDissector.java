package org.dissect4j.tunnel.ppp;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Tree;
import org.dissect4j.api.ValueNames;

/**
 * LCP (RFC 1661) and IPCP (RFC 1332, 1877): the PPP control protocols' packet and their common options.
 *
 * <pre>
 * |     Code      |  Identifier   |            Length             |  options or data ...
 * option: | Type | Length | value (Length - 2 bytes) |
 * </pre>
 *
 * Codes 1-4 (Configure-Request/Ack/Nak/Reject) carry options; LCP's Echo and Discard codes carry a magic
 * number; the rest is shown as data. An option shorter than 2 bytes ends the walk (malformed), so it is
 * bounded by the packet's length.
 */
final class PppControlDissector implements Dissector {
    static final int HEADER_LENGTH = 4;
    /** LCP codes with a magic number: Echo-Request, Echo-Reply, Discard-Request, Identification, Time-Remaining. */
    private static final int ECHO_REQUEST = 9;
    private static final int TIME_REMAINING = 12;

    /** Code names of LCP and IPCP (RFC 1661 section 5; IPCP uses 1-7). */
    static final ValueNames CODES = ValueNames.of(1, "Configuration Request", 2, "Configuration Ack", 3, "Configuration Nak",
            4, "Configuration Reject", 5, "Termination Request", 6, "Termination Ack", 7, "Code Reject",
            8, "Protocol Reject", 9, "Echo Request", 10, "Echo Reply", 11, "Discard Request", 12, "Identification",
            13, "Time Remaining");

    private final Protocol protocol;
    private final boolean lcp;
    private final String column;

    PppControlDissector(Protocol protocol, boolean lcp) {
        this.protocol = protocol;
        this.lcp = lcp;
        this.column = protocol.shortName();
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        int code = p.u8(off);
        if (p.columns()) {
            p.protocolColumn(column);
            String name = CODES.name(code);
            p.clearInfo().append(name == null ? "Unknown" : name);
        }
        Tree t = p.tree();
        t.open(protocol.field(), off, Math.min(len, p.captured(off)));
        t.addUint(PppFields.PPP_CODE, off, 1, code);
        t.addUint(PppFields.PPP_IDENTIFIER, off + 1, 1, p.u8(off + 1));
        int length = p.u16(off + 2);
        t.addUint(PppFields.PPP_LENGTH, off + 2, 2, length);
        int end = off + Math.min(len, Math.max(HEADER_LENGTH, length));
        int at = off + HEADER_LENGTH;
        if (code >= 1 && code <= 4) {
            options(p, t, at, end);
        } else if (lcp && code >= ECHO_REQUEST && code <= TIME_REMAINING && at + 4 <= end) {
            t.addUint(PppFields.LCP_MAGIC_NUMBER, at, 4, p.u32(at));
            if (at + 4 < end) {
                t.add(PppFields.LCP_DATA, at + 4, end - at - 4);
            }
        } else if (at < end) {
            t.add(lcp ? PppFields.LCP_DATA : PppFields.IPCP_DATA, at, end - at);
        }
        t.close();
        return len;
    }

    private void options(Packet p, Tree t, int at, int end) {
        while (at + 2 <= end) {
            int type = p.u8(at);
            int length = p.u8(at + 1);
            if (length < 2 || at + length > end) {
                p.markMalformed(at + 1);
                return;
            }
            t.addUint(lcp ? PppFields.LCP_OPT_TYPE : PppFields.IPCP_OPT_TYPE, at, 1, type);
            t.addUint(lcp ? PppFields.LCP_OPT_LENGTH : PppFields.IPCP_OPT_LENGTH, at + 1, 1, length);
            Field value = lcp ? lcpOption(type, length) : ipcpOption(type, length);
            if (value != null) {
                int size = length - 2;
                t.addUint(value, at + 2, size, size == 2 ? p.u16(at + 2) : p.u32(at + 2));
            }
            at += length;
        }
    }

    /** The value field of an LCP option of the usual size, or null (shown by type and length only). */
    private static Field lcpOption(int type, int length) {
        return switch (type) {
            case 1 -> length == 4 ? PppFields.LCP_OPT_MRU : null;
            case 2 -> length == 6 ? PppFields.LCP_OPT_ASYNCMAP : null;
            case 3 -> length >= 4 && length <= 6 && length != 5 ? PppFields.LCP_OPT_AUTH_PROTOCOL : null;
            case 5 -> length == 6 ? PppFields.LCP_OPT_MAGIC_NUMBER : null;
            default -> null;
        };
    }

    /** The value field of an IPCP option carrying an IPv4 address (RFC 1332 and 1877), or null. */
    private static Field ipcpOption(int type, int length) {
        if (length != 6) {
            return null;
        }
        return switch (type) {
            case 3 -> PppFields.IPCP_OPT_IP_ADDRESS;
            case 129 -> PppFields.IPCP_OPT_PRI_DNS_ADDRESS;
            case 130 -> PppFields.IPCP_OPT_PRI_NBNS_ADDRESS;
            case 131 -> PppFields.IPCP_OPT_SEC_DNS_ADDRESS;
            case 132 -> PppFields.IPCP_OPT_SEC_NBNS_ADDRESS;
            default -> null;
        };
    }
}
