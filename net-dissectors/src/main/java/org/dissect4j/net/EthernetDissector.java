package org.dissect4j.net;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Field;
import org.dissect4j.api.MacNames;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * Ethernet II and IEEE 802.3 (Wireshark's packet-eth.c).
 *
 * <pre>
 *  0                   6                  12      14
 * +-------------------+-------------------+-------+----------------
 * | destination MAC   | source MAC        | type/ | payload ...
 * |                   |                   | length|
 * +-------------------+-------------------+-------+----------------
 * </pre>
 *
 * A type/length of 1536 or more (or 0) is an Ethertype: the payload goes to the {@code ethertype}
 * pseudo-dissector, which also shows padding and trailer. 1 to 1500 is an IEEE 802.3 length:
 * the payload is LLC (or raw IPX, shown as data), what follows the length is a trailer. Values in
 * between are invalid. Sets the link-layer addresses of the packet.
 */
final class EthernetDissector implements Dissector {
    static final int HEADER_LENGTH = 14;
    private static final int MAX_8023_LENGTH = 1500;
    private static final int MIN_ETHERTYPE = 1536;

    private final NetContext ctx;
    private final int fcsLen;
    private DissectorHandle ethertype;
    private DissectorHandle llc;
    private DissectorHandle data;
    /** The resolved name of the address being recorded, reused: composing it allocates nothing. */
    private final StringBuilder resolved = new StringBuilder(64);

    /** {@code fcsLen}: 0 no FCS, 4 FCS present, -1 guess from the trailer length (Wireshark's default for pcap). */
    EthernetDissector(NetContext ctx, int fcsLen) {
        this.ctx = ctx;
        this.fcsLen = fcsLen;
    }

    void wire(DissectorHandle ethertype, DissectorHandle llc, DissectorHandle data) {
        this.ethertype = ethertype;
        this.llc = llc;
        this.data = data;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        Tree t = p.tree();
        // Wireshark reads the type before it adds anything: a header cut short shows no Ethernet field at all,
        // only "[Packet size limited during capture: Ethernet truncated]" (tshark 4.0.17 on an 8-byte frame).
        p.require(off, HEADER_LENGTH);
        int node = t.open(NetProtocols.ETH.field(), off, HEADER_LENGTH);
        int type = p.u16(off + 12);
        boolean ethernet2 = type >= MIN_ETHERTYPE || type == 0;
        addresses(p, t, off, ethernet2);
        p.dlAddresses(off + 6, off);
        boolean columns = p.columns();
        if (type > MAX_8023_LENGTH && type < MIN_ETHERTYPE) {
            if (columns) {
                NetFormat.hex(p.clearInfo().append("Ethernet Unknown: Invalid length/type: "), type, 4).append(" (")
                        .append(type).append(')');
            }
            t.setValue(node, NetProtocols.ETH_KIND_INVALID);
            t.addUint(EthernetFields.INVALID_LENTYPE, off + 12, 2, type);
            t.expert(NetExperts.ETH_INVALID_LENTYPE, off + 12, 2);
            t.close();
            NetUtil.callData(p, data, off + HEADER_LENGTH, len - HEADER_LENGTH);
            return len;
        }
        if (type <= MAX_8023_LENGTH && type != 0) {
            return dissect8023(p, t, node, off, len, type);
        }
        if (columns) {
            p.clearInfo().append("Ethernet II");
        }
        t.addUint(EthernetFields.TYPE, off + 12, 2, type);
        t.close();
        ctx.etherParent = node;
        ctx.etherTrailer = EthernetFields.TRAILER;
        ctx.etherFcsLen = fcsLen;
        ctx.etherLayerLength = len;
        p.arg(type);
        p.call(ethertype, off + HEADER_LENGTH, len - HEADER_LENGTH);
        return len;
    }

    private int dissect8023(Packet p, Tree t, int node, int off, int len, int length) {
        // Raw 802.3 (Novell) frames carry IPX directly: the payload starts with the 0xffff checksum.
        boolean raw = p.captured(off + HEADER_LENGTH) >= 2 && p.u16(off + HEADER_LENGTH) == 0xFFFF;
        if (p.columns()) {
            p.clearInfo().append(raw ? "IEEE 802.3 Ethernet Raw " : "IEEE 802.3 Ethernet ");
        }
        t.setValue(node, raw ? NetProtocols.ETH_KIND_8023_RAW : NetProtocols.ETH_KIND_8023);
        t.addUint(EthernetFields.LEN, off + 12, 2, length);
        int reported = len - HEADER_LENGTH;
        if (fcsLen > 0 && reported >= fcsLen) {
            reported -= fcsLen;
        }
        if (length > reported) {
            t.expert(NetExperts.ETH_LEN_PAST_END, off + 12, 2);
            length = reported;
        }
        t.close();
        int consumed = raw ? NetUtil.callData(p, data, off + HEADER_LENGTH, length)
                : p.call(llc, off + HEADER_LENGTH, length);
        if (consumed == 0 && !raw) {
            NetUtil.callData(p, data, off + HEADER_LENGTH, length);
        }
        EthertypeDissector.trailer(p, node, EthernetFields.TRAILER, fcsLen, len, off + HEADER_LENGTH + length,
                len - HEADER_LENGTH - length);
        return len;
    }

    /** Destination and source with their hidden and bit fields, in Wireshark's order (the header is captured). */
    private void addresses(Packet p, Tree t, int off, boolean checkGroup) {
        boolean fields = t.wantsAnyOf(NetProtocols.ETH);    // else the adds below record nothing: skip the reads too
        t.open(EthernetFields.DST, off, 6);
        if (fields) {
            bits(p, t, off, EthernetFields.DST_RESOLVED, EthernetFields.DST_OUI, EthernetFields.DST_OUI_RESOLVED,
                    EthernetFields.DST_LG, EthernetFields.DST_IG);
        }
        t.close();
        t.open(EthernetFields.SRC, off + 6, 6);
        if (checkGroup && (p.u8(off + 6) & 1) != 0) {
            t.expert(NetExperts.ETH_SRC_NOT_GROUP, off + 6, 6);
        }
        if (fields) {
            bits(p, t, off + 6, EthernetFields.SRC_RESOLVED, EthernetFields.SRC_OUI, EthernetFields.SRC_OUI_RESOLVED,
                    EthernetFields.SRC_LG, EthernetFields.SRC_IG);
        }
        t.close();
    }

    /**
     * The items under an address, in Wireshark's order: its hidden resolved name and OUI (with the OUI's vendor
     * when the manuf file names it), the same as {@code eth.addr}, then the LG and IG bits.
     */
    private void bits(Packet p, Tree t, int at, Field name, Field oui, Field ouiName, Field lg, Field ig) {
        int first3 = p.u24(at);
        boolean names = t.wants(name) || t.wants(EthernetFields.ADDR_RESOLVED);
        String vendor = null;
        if (names || t.wants(ouiName) || t.wants(EthernetFields.ADDR_OUI_RESOLVED)) {
            long mac = ((long) first3 << 24) | p.u24(at + 3);
            vendor = MacNames.vendor(mac);
            if (names) {
                resolved.setLength(0);
                MacNames.name(resolved, mac);
            }
        }
        resolvedName(t, name, at);
        t.addUint(oui, at, 3, first3);
        vendor(t, ouiName, at, vendor);
        t.add(EthernetFields.ADDR, at, 6);
        resolvedName(t, EthernetFields.ADDR_RESOLVED, at);
        t.addUint(EthernetFields.ADDR_OUI, at, 3, first3);
        vendor(t, EthernetFields.ADDR_OUI_RESOLVED, at, vendor);
        t.addUint(lg, at, 3, first3);
        t.addUint(EthernetFields.LG, at, 3, first3);
        t.addUint(ig, at, 3, first3);
        t.addUint(EthernetFields.IG, at, 3, first3);
    }

    /** A resolved name, generated over the address's 6 bytes (tshark shows them as the item's value). */
    private void resolvedName(Tree t, Field f, int at) {
        int n = t.addString(f, resolved);
        if (n >= 0) {
            t.showAt(n, at, 6);
        }
    }

    /** The OUI's vendor, shown over the whole address as packet-eth.c adds it. */
    private static void vendor(Tree t, Field f, int at, String vendor) {
        if (vendor != null) {
            int n = t.addString(f, vendor);
            if (n >= 0) {
                t.showAt(n, at, 6);
            }
        }
    }
}
