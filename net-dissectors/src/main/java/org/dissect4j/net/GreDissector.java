package org.dissect4j.net;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * GRE, RFC 2784/2890 and the enhanced GRE of PPTP, RFC 2637 (Wireshark's packet-gre.c).
 *
 * <pre>
 * |C|R|K|S|s|Recur|A| Flags | Ver |      Protocol Type            |
 * |   Checksum (optional)         |   Offset (optional)           |  C or R
 * |                         Key (optional)                        |  K (v1: payload length, call id)
 * |                 Sequence Number (optional)                    |  S
 * |                 Acknowledgment Number (optional)              |  A, version 1
 * |                 Routing (optional, list of SREs)              |  R
 * </pre>
 *
 * The checksum, when present, is verified. The payload goes to the {@code gre.proto} table
 * (0x0800 IPv4, 0x86dd IPv6, 0x6558 Ethernet...), else to data; {@link Packet#arg()} carries the
 * flags and version to it (Wireshark's {@code gre_hdr_info}).
 */
final class GreDissector implements Dissector {
    private static final int FLAG_CHECKSUM = 0x8000;
    private static final int FLAG_ROUTING = 0x4000;
    private static final int FLAG_KEY = 0x2000;
    private static final int FLAG_SEQUENCE = 0x1000;
    private static final int FLAG_ACK = 0x0080;
    private static final int VERSION_MASK = 0x0007;
    private static final int PROTO_PPP = 0x880B;

    private final NetContext ctx;
    private DissectorTable protocols;
    private DissectorHandle data;

    GreDissector(NetContext ctx) {
        this.ctx = ctx;
    }

    void wire(DissectorTable protocols, DissectorHandle data) {
        this.protocols = protocols;
        this.data = data;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        Tree t = p.tree();
        int node = t.open(NetProtocols.GRE.field(), off, Math.max(1, Math.min(4, p.captured(off))));
        int flags = p.u16(off);
        // The protocol type is read before the flag fields are recorded only when it was captured.
        int type = p.captured(off + 2) >= 2 ? p.u16(off + 2) : -1;
        // Enhanced GRE (RFC 2637) is recognised only when it carries PPP, as in Wireshark.
        boolean pptp = (flags & VERSION_MASK) == 1 && type == PROTO_PPP;
        boolean inError = ctx.inErrorPacket > 0;
        if (p.columns() && !inError && type >= 0) {
            String name = GreFields.PROTO.values().name(type);
            StringBuilder info = p.clearInfo().append("Encapsulated ");
            if (name != null) {
                info.append(name);
            } else {
                NetFormat.hex(info, type, 4).append(" (unknown)");
            }
        }
        t.openUint(GreFields.FLAGS_AND_VERSION, off, 2, flags);
        t.addUint(GreFields.FLAGS_CHECKSUM, off, 2, flags);
        t.addUint(GreFields.FLAGS_ROUTING, off, 2, flags);
        t.addUint(GreFields.FLAGS_KEY, off, 2, flags);
        t.addUint(GreFields.FLAGS_SEQUENCE_NUMBER, off, 2, flags);
        t.addUint(GreFields.FLAGS_STRICT_SOURCE_ROUTE, off, 2, flags);
        t.addUint(GreFields.FLAGS_RECURSION_CONTROL, off, 2, flags);
        if (pptp) {
            t.addUint(GreFields.FLAGS_ACK, off, 2, flags);
        }
        // Version 1 uses the top reserved bit as the acknowledgment flag.
        t.addUint(GreFields.FLAGS_RESERVED, off, 2, pptp ? flags & 0x0078 : flags);
        t.addUint(GreFields.FLAGS_VERSION, off, 2, flags);
        t.close();
        type = p.u16(off + 2);
        t.addUint(GreFields.PROTO, off + 2, 2, type);
        int at = off + 4;
        if ((flags & (FLAG_CHECKSUM | FLAG_ROUTING)) != 0) {
            int checksum = p.u16(at);
            t.addUint(GreFields.CHECKSUM, at, 2, checksum);
            if ((flags & FLAG_CHECKSUM) != 0) {
                if (p.captured(off) >= len && !inError) {
                    int sum = Bytes.onesComplementSum(p.segment(), p.base() + off, len, 0);
                    if (sum == 0xFFFF) {
                        t.addGenerated(GreFields.CHECKSUM_STATUS, 1);
                    } else {
                        t.addGenerated(GreFields.CHECKSUM_STATUS, 0);
                        t.expert(NetExperts.GRE_CHECKSUM_INCORRECT, at, 2);
                    }
                } else {
                    t.addGenerated(GreFields.CHECKSUM_STATUS, 2);
                }
            }
            t.addUint(GreFields.OFFSET, at + 2, 2, p.u16(at + 2));
            at += 4;
        }
        if ((flags & FLAG_KEY) != 0) {
            if (pptp) {
                t.addUint(GreFields.KEY_PAYLOAD_LENGTH, at, 2, p.u16(at));
                t.addUint(GreFields.KEY_CALL_ID, at + 2, 2, p.u16(at + 2));
            } else {
                t.addUint(GreFields.KEY, at, 4, p.u32(at));
            }
            at += 4;
        }
        if ((flags & FLAG_SEQUENCE) != 0) {
            t.addUint(GreFields.SEQUENCE_NUMBER, at, 4, p.u32(at));
            at += 4;
        }
        if (pptp && (flags & FLAG_ACK) != 0) {
            t.addUint(GreFields.ACK_NUMBER, at, 4, p.u32(at));
            at += 4;
        }
        if ((flags & FLAG_ROUTING) != 0) {
            int routing = t.open(GreFields.ROUTING, at, 0);
            int start = at;
            while (true) {
                int af = p.u16(at);
                int sreOffset = p.u8(at + 2);
                int sreLength = p.u8(at + 3);
                t.addUint(GreFields.ROUTING_ADDRESS_FAMILY, at, 2, af);
                t.addUint(GreFields.ROUTING_SRE_OFFSET, at + 2, 1, sreOffset);
                t.addUint(GreFields.ROUTING_SRC_LENGTH, at + 3, 1, sreLength);
                at += 4;
                if (af == 0 && sreLength == 0) {
                    break;
                }
                p.require(at, sreLength);
                t.add(GreFields.ROUTING_INFORMATION, at, sreLength);
                at += sreLength;
            }
            t.close();
            t.setLength(routing, at - start);
        }
        t.setLength(node, at - off);
        t.close();
        int payloadLen = len - (at - off);
        // the payload's dissector may read the flags and version (ERSPAN tells type I from II by the sequence bit)
        p.arg(flags);
        if (!NetUtil.callTable(p, protocols, type, at, payloadLen)) {
            NetUtil.callData(p, data, at, payloadLen);
        }
        return len;
    }
}
