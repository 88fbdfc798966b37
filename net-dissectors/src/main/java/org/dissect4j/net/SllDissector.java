package org.dissect4j.net;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * Linux cooked-mode capture, {@code LINKTYPE_LINUX_SLL} (v1) and {@code LINKTYPE_LINUX_SLL2} (v2),
 * as written by libpcap for {@code -i any} (Wireshark's packet-sll.c).
 *
 * <pre>
 * v1 (16 bytes): packet type(2) ARPHRD type(2) address length(2) address(8) protocol(2)
 * v2 (20 bytes): protocol(2) reserved(2) interface index(4) ARPHRD type(2) packet type(1)
 *                address length(1) address(8)
 * </pre>
 *
 * The protocol is an Ethertype (1536 and up: {@code sll.etype}, to the {@code ethertype}
 * dispatcher), a Linux {@code ETH_P_*} value below that ({@code sll.ltype}, to the {@code sll.ltype}
 * table: 4 is LLC), or for ARPHRD_IPGRE a GRE protocol type ({@code sll.gretype}, to {@code gre.proto}).
 */
final class SllDissector implements Dissector {
    private static final int V1_LENGTH = 16;
    private static final int V2_LENGTH = 20;
    private static final int ARPHRD_IPGRE = 778;
    private static final int ADDRESS_FIELD = 8;

    private final NetContext ctx;
    private final boolean v2;
    private DissectorHandle ethertype;
    private DissectorTable ltypes;
    private DissectorTable greTypes;
    private DissectorHandle data;

    SllDissector(NetContext ctx, boolean v2) {
        this.ctx = ctx;
        this.v2 = v2;
    }

    void wire(DissectorHandle ethertype, DissectorTable ltypes, DissectorTable greTypes, DissectorHandle data) {
        this.ethertype = ethertype;
        this.ltypes = ltypes;
        this.greTypes = greTypes;
        this.data = data;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        Tree t = p.tree();
        int hdr = v2 ? V2_LENGTH : V1_LENGTH;
        int node = t.addLong(NetProtocols.SLL.field(), off, Math.min(hdr, Math.max(0, p.captured(off))),
                v2 ? NetProtocols.SLL_V2 : 1);
        t.push(node);
        int pkttype;
        int hatype;
        int halen;
        int addrAt;
        int protocol;
        int protocolAt;
        if (v2) {
            protocolAt = off;
            protocol = p.u16(off);
            // The field depends on the ARPHRD type further on; without it, assume no GRE.
            protocolField(t, protocol, protocolAt, p.captured(off + 8) >= 2 ? p.u16(off + 8) : 0);
            t.addUint(SllFields.IFINDEX, off + 4, 4, p.u32(off + 4));
            hatype = p.u16(off + 8);
            t.addUint(SllFields.HATYPE, off + 8, 2, hatype);
            pkttype = p.u8(off + 10);
            t.addUint(SllFields.PKTTYPE, off + 10, 1, pkttype);
            halen = p.u8(off + 11);
            t.addUint(SllFields.HALEN, off + 11, 1, halen);
            addrAt = off + 12;
        } else {
            pkttype = p.u16(off);
            t.addUint(SllFields.PKTTYPE, off, 2, pkttype);
            hatype = p.u16(off + 2);
            t.addUint(SllFields.HATYPE, off + 2, 2, hatype);
            halen = p.u16(off + 4);
            t.addUint(SllFields.HALEN, off + 4, 2, halen);
            addrAt = off + 6;
            protocolAt = off + 14;
            protocol = -1;
        }
        if (p.columns()) {
            String name = SllFields.PKTTYPE.values().name(pkttype);
            if (name != null) {
                p.clearInfo().append(name);
            }
        }
        int shown = Math.min(halen, ADDRESS_FIELD);
        if (shown > 0) {
            p.require(addrAt, shown);
            if (shown == 6) {
                t.add(SllFields.SRC_ETH, addrAt, 6);
            } else if (shown == 4 && hatype == ARPHRD_IPGRE) {
                t.addUint(SllFields.SRC_IPV4, addrAt, 4, p.u32(addrAt));
            } else {
                t.add(SllFields.SRC_OTHER, addrAt, shown);
            }
        }
        if (shown < ADDRESS_FIELD) {
            p.require(addrAt + shown, ADDRESS_FIELD - shown);
            t.add(SllFields.UNUSED, addrAt + shown, ADDRESS_FIELD - shown);
        }
        if (!v2) {
            protocol = p.u16(protocolAt);
            protocolField(t, protocol, protocolAt, hatype);
        }
        t.close();
        int payload = off + hdr;
        int remaining = len - hdr;
        if (hatype == ARPHRD_IPGRE) {
            if (!NetUtil.callTable(p, greTypes, protocol, payload, remaining)) {
                NetUtil.callData(p, data, payload, remaining);
            }
        } else if (protocol <= 1500) {
            if (!NetUtil.callTable(p, ltypes, protocol, payload, remaining)) {
                NetUtil.callData(p, data, payload, remaining);
            }
        } else {
            ctx.etherParent = node;
            ctx.etherTrailer = SllFields.TRAILER;
            ctx.etherFcsLen = 0;
            ctx.etherLayerLength = len;
            p.arg(protocol);
            p.call(ethertype, payload, remaining);
        }
        return len;
    }

    private static void protocolField(Tree t, int protocol, int at, int hatype) {
        if (hatype == ARPHRD_IPGRE) {
            t.addUint(SllFields.GRETYPE, at, 2, protocol);
        } else if (protocol <= 1500) {
            t.addUint(SllFields.LTYPE, at, 2, protocol);
        } else {
            t.addUint(SllFields.ETYPE, at, 2, protocol);
        }
    }
}
