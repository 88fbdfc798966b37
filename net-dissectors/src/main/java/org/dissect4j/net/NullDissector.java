package org.dissect4j.net;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * BSD loopback, {@code LINKTYPE_NULL} and {@code LINKTYPE_LOOP} (Wireshark's packet-null.c): a
 * 4-byte address family. For NULL it is in the byte order of the host that wrote the file, so a
 * value with bits in its upper half is read the other way round; for LOOP it is big-endian. The
 * family selects the payload through the {@code null.type} table (2 IPv4; 24, 28, 30 IPv6);
 * a value above 1500 is an Ethertype ({@code null.type}).
 */
final class NullDissector implements Dissector {
    static final int HEADER_LENGTH = 4;

    private final NetContext ctx;
    private final boolean loop;
    private DissectorTable families;
    private DissectorHandle ethertype;
    private DissectorHandle data;

    /** {@code loop}: {@code LINKTYPE_LOOP} (always network byte order). */
    NullDissector(NetContext ctx, boolean loop) {
        this.ctx = ctx;
        this.loop = loop;
    }

    void wire(DissectorTable families, DissectorHandle ethertype, DissectorHandle data) {
        this.families = families;
        this.ethertype = ethertype;
        this.data = data;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        Tree t = p.tree();
        // Wireshark's null dissector leaves these for the next layer to overwrite.
        p.protocolColumn("N/A");
        if (p.columns()) {
            p.clearInfo().append("Null/Loopback");
        }
        long family = p.u32(off);
        if (!loop && (family & 0xFFFF_0000L) != 0) {
            family = p.u32le(off);
        }
        int node = t.open(NetProtocols.NULL.field(), off, HEADER_LENGTH);
        if (family > 1500) {
            t.addUint(NullFields.TYPE, off, HEADER_LENGTH, family & 0xFFFF);
            t.close();
            ctx.etherParent = node;
            ctx.etherTrailer = EthernetFields.TRAILER;
            ctx.etherFcsLen = 0;
            ctx.etherLayerLength = len;
            p.arg(family & 0xFFFF);
            p.call(ethertype, off + HEADER_LENGTH, len - HEADER_LENGTH);
            return len;
        }
        t.addUint(NullFields.FAMILY, off, HEADER_LENGTH, family);
        t.close();
        if (!NetUtil.callTable(p, families, family, off + HEADER_LENGTH, len - HEADER_LENGTH)) {
            NetUtil.callData(p, data, off + HEADER_LENGTH, len - HEADER_LENGTH);
        }
        return len;
    }
}
