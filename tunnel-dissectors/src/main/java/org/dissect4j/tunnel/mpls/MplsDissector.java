package org.dissect4j.tunnel.mpls;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.api.ValueNames;
import org.dissect4j.tunnel.Handoffs;

/**
 * MPLS label stack, RFC 3032, and what follows its bottom as Wireshark 4.0 guesses it (packet-mpls.c).
 *
 * <pre>
 * |                Label                  | Exp |S|       TTL     |   one 4-byte entry per label
 * </pre>
 *
 * Each entry is an {@code mpls} item of its own. Label 13 (GAL) at the bottom is followed by the Generic
 * Associated Channel header. Label 14 (OAM Alert, Y.1711) at the bottom is followed by an OAM PDU, not
 * decoded (shown as data, with Wireshark's expert item when shorter than 44 bytes). Otherwise the
 * {@code mpls.label} table (Decode As) is tried with the bottom label, then the first nibble of the payload
 * as Wireshark 4.0 reads it: 4 is IPv4, 6 IPv6, 1 the PW associated channel, anything else data (Wireshark's
 * Ethernet pseudowire heuristic for 0, which guesses by the manufacturers of the MAC addresses, is not
 * implemented: such payloads show as data). The stack ends at the bottom-of-stack bit or at the end of the
 * bytes, so the walk is bounded by the frame's length.
 */
final class MplsDissector implements Dissector {
    static final int ENTRY_LENGTH = 4;
    /** Generic Associated Channel Label, RFC 5586. */
    static final int LABEL_GAL = 13;
    /** OAM Alert Label, ITU-T Y.1711. */
    static final int LABEL_OAM_ALERT = 14;
    /** Y.1711's OAM PDUs are 44 bytes. */
    static final int Y1711_MIN_PAYLOAD = 44;
    /** Y.1711 OAM function types, as packet-mpls-y1711.c names them in the Info column. */
    static final ValueNames Y1711_FUNCTIONS = ValueNames.of(1, "CV", 2, "FDI", 3, "BDI", 7, "FDD");
    /** Labels 0-15 are reserved (RFC 3032) and shown by name. */
    static final int MAX_RESERVED_LABEL = 15;

    private DissectorTable labels;
    private DissectorHandle ip;
    private DissectorHandle ipv6;
    private DissectorHandle pwach;

    void wire(DissectorTable labels, DissectorHandle ip, DissectorHandle ipv6, DissectorHandle pwach) {
        this.labels = labels;
        this.ip = ip;
        this.ipv6 = ipv6;
        this.pwach = pwach;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        if (p.columns()) {
            p.protocolColumn("MPLS");
            p.clearInfo().append("MPLS Label Switched Packet");
        }
        Tree t = p.tree();
        int at = off;
        int end = off + len;
        long label = -1;
        boolean bottom = false;
        while (at < end && !bottom) {
            long entry = p.u32(at);
            label = entry >>> 12;
            bottom = (entry & 0x100) != 0;
            int node = t.open(MplsPlugin.MPLS.field(), at, ENTRY_LENGTH);
            t.setValue(node, entry);
            t.addUint(label <= MAX_RESERVED_LABEL ? MplsFields.MPLS_LABEL_SPECIAL : MplsFields.MPLS_LABEL, at, 4, entry);
            t.addUint(MplsFields.MPLS_EXP, at, 4, entry);
            t.addUint(MplsFields.MPLS_BOTTOM, at, 4, entry);
            t.addUint(MplsFields.MPLS_TTL, at, 4, entry);
            t.close();
            at += ENTRY_LENGTH;
            if (label == LABEL_GAL && !bottom) {
                t.expert(MplsExpert.INVALID_LABEL, off, len);
            }
            if (label == LABEL_GAL && bottom) {
                Handoffs.call(p, pwach, at, end - at);
                return len;
            }
        }
        int rest = end - at;
        int firstNibble = p.u8(at) >>> 4;
        if (labels != null && label >= 0 && Handoffs.call(p, labels.get(label), at, rest)) {
            return len;
        }
        if (label == LABEL_OAM_ALERT) {
            // Wireshark binds Y.1711 OAM to this label; its PDUs are not decoded here, only named in Info and checked
            if (p.columns()) {
                String function = Y1711_FUNCTIONS.name(p.u8(at));
                p.info().append(" (Y.1711: ").append(function == null ? "reserved/unknown" : function).append(')');
            }
            if (rest < Y1711_MIN_PAYLOAD) {
                Handoffs.expert(p, MplsExpert.Y1711_MINIMUM_PAYLOAD, at, rest, null);
            }
            Handoffs.data(p, at, rest);
            return len;
        }
        DissectorHandle next = switch (firstNibble) {
            case 4 -> ip;
            case 6 -> ipv6;
            case 1 -> pwach;
            default -> null;
        };
        if (Handoffs.call(p, next, at, rest)) {
            return len;
        }
        Handoffs.data(p, at, rest);
        return len;
    }
}
