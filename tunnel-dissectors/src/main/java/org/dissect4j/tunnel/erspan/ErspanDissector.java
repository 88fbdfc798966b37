package org.dissect4j.tunnel.erspan;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.tunnel.Handoffs;

/**
 * ERSPAN, Cisco's Encapsulated Remote SPAN (draft-foschiano-erspan), as Wireshark's packet-erspan.c shows it.
 *
 * <pre>
 * Type II (GRE 0x88BE, with a GRE sequence number):
 * |  Ver  |          VLAN         | COS | En|T|    Session ID     |
 * |      Reserved         |                  Index                |
 * Type III (GRE 0x22EB):
 * |  Ver  |          VLAN         | COS |BSO|T|     Session ID    |
 * |                          Timestamp                            |
 * |             SGT               |P|    FT   |   Hw ID   |D|Gra|O|
 * |   Platform ID   |  platform specific sub-header (8 bytes, when O) ...
 * </pre>
 *
 * Type I (GRE 0x88BE without a sequence number) has no header of its own. The mirrored frame follows as an
 * Ethernet frame without FCS.
 */
final class ErspanDissector implements Dissector {
    static final int TYPE_II_LENGTH = 8;
    static final int TYPE_III_LENGTH = 12;
    static final int SUBHEADER_LENGTH = 8;
    /** Version field values: 1 type II, 2 type III. */
    static final int VERSION_II = 1;
    static final int VERSION_III = 2;
    private static final int GRE_SEQUENCE = 0x1000;

    private final boolean typeThreePort;
    private DissectorHandle ethernet;

    /** @param typeThreePort whether this instance serves GRE 0x22EB (always type III) rather than 0x88BE */
    ErspanDissector(boolean typeThreePort) {
        this.typeThreePort = typeThreePort;
    }

    void wire(DissectorHandle ethernet) {
        this.ethernet = ethernet;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        int greFlags = (int) p.arg();
        if (p.columns()) {
            p.protocolColumn("ERSPAN");
            p.clearInfo().append("Encapsulated Remote Switch Packet ANalysis");
        }
        Tree t = p.tree();
        if (!typeThreePort && (greFlags & GRE_SEQUENCE) == 0) {
            // type I: no ERSPAN header, the protocol item covers nothing
            int node = t.open(ErspanPlugin.ERSPAN.field(), off, 0);
            t.setValue(node, 0);
            t.close();
            Handoffs.call(p, ethernet, off, len);
            return len;
        }
        int first = p.u16(off);
        int version = first >>> 12;
        int node = t.open(ErspanPlugin.ERSPAN.field(), off, Math.min(len, Math.max(1, p.captured(off))));
        t.setValue(node, version);
        t.addUint(ErspanFields.ERSPAN_VERSION, off, 2, first);
        t.addUint(ErspanFields.ERSPAN_VLAN, off, 2, first);
        int second = p.u16(off + 2);
        t.addUint(ErspanFields.ERSPAN_COS, off + 2, 2, second);
        int at;
        if (version == VERSION_III) {
            t.addUint(ErspanFields.ERSPAN_BSO, off + 2, 2, second);
            t.addUint(ErspanFields.ERSPAN_TRUNCATED, off + 2, 2, second);
            t.addUint(ErspanFields.ERSPAN_SPANID, off + 2, 2, second);
            at = typeThree(p, t, off);
        } else {
            t.addUint(ErspanFields.ERSPAN_ENCAP, off + 2, 2, second);
            t.addUint(ErspanFields.ERSPAN_TRUNCATED, off + 2, 2, second);
            t.addUint(ErspanFields.ERSPAN_SPANID, off + 2, 2, second);
            long third = p.u32(off + 4);
            t.addUint(ErspanFields.ERSPAN_RESERVED, off + 4, 4, third);
            t.addUint(ErspanFields.ERSPAN_INDEX, off + 4, 4, third);
            at = off + TYPE_II_LENGTH;
        }
        t.setLength(node, at - off);
        t.close();
        Handoffs.call(p, ethernet, at, len - (at - off));
        return len;
    }

    /** The rest of a type III header and its optional platform sub-header; returns where the frame starts. */
    private static int typeThree(Packet p, Tree t, int off) {
        t.addUint(ErspanFields.ERSPAN_TIMESTAMP, off + 4, 4, p.u32(off + 4));
        t.addUint(ErspanFields.ERSPAN_SGT, off + 8, 2, p.u16(off + 8));
        int bits = p.u16(off + 10);
        t.addUint(ErspanFields.ERSPAN_P, off + 10, 2, bits);
        t.addUint(ErspanFields.ERSPAN_FT, off + 10, 2, bits);
        t.addUint(ErspanFields.ERSPAN_HW, off + 10, 2, bits);
        t.addUint(ErspanFields.ERSPAN_DIRECTION, off + 10, 2, bits);
        t.addUint(ErspanFields.ERSPAN_GRA, off + 10, 2, bits);
        t.addUint(ErspanFields.ERSPAN_O, off + 10, 2, bits);
        int at = off + TYPE_III_LENGTH;
        if ((bits & 1) == 0) {
            return at;
        }
        long word = p.u32(at);
        long next = p.u32(at + 4);
        int platform = (int) (word >>> 26);
        t.addUint(ErspanFields.ERSPAN_PLATID, at, 4, word);
        switch (platform) {
            case 1 -> {
                t.addUint(ErspanFields.ERSPAN_PID1_RSVD1, at, 4, word);
                t.addUint(ErspanFields.ERSPAN_PID1_VSMID, at, 4, word);
                t.addUint(ErspanFields.ERSPAN_PID1_PORT_INDEX, at + 4, 4, next);
            }
            case 3 -> {
                t.addUint(ErspanFields.ERSPAN_PID3_RSVD1, at, 4, word);
                t.addUint(ErspanFields.ERSPAN_PID3_PORT_INDEX, at, 4, word);
                t.addUint(ErspanFields.ERSPAN_PID3_TIMESTAMP, at + 4, 4, next);
            }
            case 4 -> {
                t.addUint(ErspanFields.ERSPAN_PID4_RSVD1, at, 4, word);
                t.addUint(ErspanFields.ERSPAN_PID4_RSVD2, at, 4, word);
                t.addUint(ErspanFields.ERSPAN_PID4_RSVD3, at + 4, 4, next);
            }
            case 5, 6 -> {
                t.addUint(ErspanFields.ERSPAN_PID5_SWITCHID, at, 4, word);
                t.addUint(ErspanFields.ERSPAN_PID5_PORT_INDEX, at, 4, word);
                t.addUint(ErspanFields.ERSPAN_PID5_TIMESTAMP, at + 4, 4, next);
            }
            case 7 -> {
                t.addUint(ErspanFields.ERSPAN_PID7_RSVD1, at, 4, word);
                t.addUint(ErspanFields.ERSPAN_PID7_SOURCE_INDEX, at, 4, word);
                t.addUint(ErspanFields.ERSPAN_PID7_TIMESTAMP, at + 4, 4, next);
            }
            default -> t.addUint(ErspanFields.ERSPAN_PID_RSVD, at, 8, p.u64(at));
        }
        return at + SUBHEADER_LENGTH;
    }
}
