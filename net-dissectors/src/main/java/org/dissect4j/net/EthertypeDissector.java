package org.dissect4j.net;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The {@code ethertype} pseudo-dissector (Wireshark's packet-ethertype.c): called by Ethernet,
 * VLAN and SLL with the Ethertype in {@link Packet#arg()}, it looks the payload's dissector up in
 * the {@code ethertype} table (unknown types become {@code data}, Protocol column {@code 0xNNNN}),
 * and after the payload returns shows what it did not consume as padding, trailer and FCS under
 * the calling header ({@link NetContext#etherParent}). It adds no tree item of its own but appears
 * in {@code frame.protocols}, as in Wireshark.
 */
final class EthertypeDissector implements Dissector {
    /** Ethernet frames shorter than this (without FCS) are padded by the sender. */
    private static final int MIN_FRAME = 60;

    private final NetContext ctx;
    private DissectorTable table;
    private DissectorHandle data;

    EthertypeDissector(NetContext ctx) {
        this.ctx = ctx;
    }

    void wire(DissectorTable table, DissectorHandle data) {
        this.table = table;
        this.data = data;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        int etype = (int) p.arg();
        int parent = ctx.etherParent;
        Field trailerField = ctx.etherTrailer;
        int fcsLen = ctx.etherFcsLen;
        int layerLength = ctx.etherLayerLength;
        int payload = len;
        if (fcsLen > 0 && payload >= fcsLen) {
            payload -= fcsLen;
        }
        DissectorHandle h = table.get(etype);
        int before = p.protocolCount();
        int consumed = h == null ? 0 : p.call(h, off, payload);
        if (consumed == 0 && p.protocolCount() > before) {
            // The payload's dissector failed on the bytes (bounds exception): nothing is left over.
            consumed = payload;
        }
        if (consumed == 0) {
            NetUtil.callData(p, data, off, payload);
            consumed = payload;
            if (p.columns()) {
                p.protocolColumn(hexColumn(etype));
                String description = EthernetFields.TYPE.values().name(etype);
                if (description != null) {
                    p.clearInfo().append(description);
                }
            }
        }
        if (consumed < len) {
            trailer(p, parent, trailerField, fcsLen, layerLength, off + consumed, len - consumed);
        }
        return len;
    }

    /** The Protocol column of an unknown Ethertype, {@code 0x0a00}: made once per Ethertype seen lately, not per packet. */
    private String hexColumn(int etype) {
        for (int i = 0; i < COLUMN_CACHE; i++) {
            if (columnTypes[i] == etype && columnTexts[i] != null) {
                return columnTexts[i];
            }
        }
        int slot = nextColumnSlot;
        nextColumnSlot = (slot + 1) % COLUMN_CACHE;
        columnTypes[slot] = etype;
        columnTexts[slot] = NetFormat.hex(new StringBuilder(6), etype, 4).toString();
        return columnTexts[slot];
    }

    private static final int COLUMN_CACHE = 16;
    private final int[] columnTypes = new int[COLUMN_CACHE];
    private final String[] columnTexts = new String[COLUMN_CACHE];
    private int nextColumnSlot;

    /**
     * Wireshark's {@code add_ethernet_trailer}: {@code trailerReported} bytes at {@code at} that the
     * payload did not claim are zero padding up to the 60-byte minimum frame, a trailer, and (if
     * {@code fcsLen} is 4, or -1 and the frame is long enough) a 4-byte FCS. Recorded under {@code parent}.
     * A trailer of which nothing was captured is not looked at (tshark 4.0 shows nothing and does not
     * call the frame truncated); one cut inside zero padding or the FCS is.
     */
    static void trailer(Packet p, int parent, Field trailerField, int fcsLen, int layerLength, int at, int trailerReported) {
        if (trailerReported <= 0 || p.captured(at) <= 0) {
            return;
        }
        Tree t = p.tree();
        int trailerCaptured = Math.min(trailerReported, p.captured(at));
        long pktLen = Integer.toUnsignedLong(p.frame().originalLength());
        boolean maybePadded = pktLen >= MIN_FRAME && pktLen - trailerReported < MIN_FRAME;
        int padding = 0;
        t.push(parent);
        try {
            if (maybePadded) {
                padding = (int) (MIN_FRAME - (pktLen - trailerReported));
                // Byte by byte as Wireshark: a non-zero byte ends the search, a byte not captured ends the
                // frame's dissection (truncated).
                for (int i = 0; i < padding; i++) {
                    if (p.u8(at + i) != 0) {
                        padding = 0;
                        break;
                    }
                }
                if (padding > 0) {
                    t.add(EthernetFields.PADDING, at, padding);
                    trailerCaptured -= padding;
                    trailerReported -= padding;
                }
            }
            boolean hasFcs = false;
            if (fcsLen != 0 && (fcsLen == 4 || (layerLength >= 64 && trailerReported >= 4))) {
                trailerReported -= 4;
                if (trailerCaptured > trailerReported) {
                    trailerCaptured = trailerReported;
                }
                hasFcs = true;
            }
            if (trailerCaptured > 0) {
                int trailer = t.add(trailerField, at + padding, trailerCaptured);
                if (maybePadded && padding == 0) {
                    t.expertOn(trailer, NetExperts.ETH_PADDING_BAD, at + padding, trailerCaptured, null);
                }
            }
            if (hasFcs) {
                int fcsAt = at + padding + trailerCaptured;
                long fcs = p.u32(fcsAt);
                t.addUint(EthernetFields.FCS, fcsAt, 4, fcs);
                t.addGenerated(EthernetFields.FCS_STATUS, 2);
            }
        } finally {
            t.close();
        }
    }
}
