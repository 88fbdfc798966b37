package org.dissect4j.tunnel.ppp;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.tunnel.Handoffs;

/**
 * PPP in HDLC-like framing without FCS, RFC 1661/1662, as PPTP's enhanced GRE carries it (Wireshark's
 * packet-ppp.c): an optional address/control pair 0xFF 0x03, then a protocol field of one byte (odd,
 * compressed) or two. The payload goes to the {@code ppp.protocol} table, else to data.
 */
final class PppDissector implements Dissector {
    private static final int ADDRESS_ALL_STATIONS = 0xFF;

    private DissectorTable protocols;

    void wire(DissectorTable protocols) {
        this.protocols = protocols;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        if (p.columns()) {
            p.protocolColumn("PPP");
            p.clearInfo();
        }
        Tree t = p.tree();
        int node = t.open(PppPlugin.PPP.field(), off, Math.max(1, Math.min(4, p.captured(off))));
        int at = off;
        if (p.u8(at) == ADDRESS_ALL_STATIONS) {
            t.addUint(PppFields.PPP_ADDRESS, at, 1, ADDRESS_ALL_STATIONS);
            t.addUint(PppFields.PPP_CONTROL, at + 1, 1, p.u8(at + 1));
            at += 2;
        }
        int protocol;
        if ((p.u8(at) & 1) != 0) {
            protocol = p.u8(at);
            t.addUint(PppFields.PPP_PROTOCOL, at, 1, protocol);
            at += 1;
        } else {
            protocol = p.u16(at);
            t.addUint(PppFields.PPP_PROTOCOL, at, 2, protocol);
            at += 2;
        }
        t.setLength(node, at - off);
        t.close();
        Handoffs.tableOrData(p, protocols, protocol, at, len - (at - off));
        return len;
    }
}
