package org.dissect4j.tunnel.geneve;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.tunnel.Handoffs;

/**
 * Geneve, RFC 8926 (Wireshark's packet-geneve.c).
 *
 * <pre>
 * |Ver|  Opt Len  |O|C|    Rsvd.  |          Protocol Type        |
 * |        Virtual Network Identifier (VNI)       |    Reserved   |
 * |                    Variable-Length Options                    |
 * option: |          Option Class         |      Type     |R|R|R| Length  |  data (Length * 4 bytes)
 * </pre>
 *
 * The payload goes to the {@code ethertype} table by the protocol type (0x6558 an Ethernet frame), else to
 * data. An option longer than the options left ends the walk with {@code geneve.option.length.invalid}.
 */
final class GeneveDissector implements Dissector {
    static final int BASIC_HEADER_LENGTH = 8;
    static final int PROTO_TYPE_OFFSET = 2;
    static final int VNI_OFFSET = PROTO_TYPE_OFFSET + 2;
    static final int RESERVED_OFFSET = VNI_OFFSET + 3;
    static final int OPTION_HEADER_LENGTH = 4;
    private static final int OPTION_LENGTH_MASK = 0x1F;
    private static final int OPTION_FLAGS_MASK = 0xE0;
    private static final int FLAG_OAM = 0x80;

    private final GeneveLabels labels = new GeneveLabels();
    private DissectorTable ethertypes;

    void wire(DissectorTable ethertypes) {
        this.ethertypes = ethertypes;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        Tree t = p.tree();
        int first = p.u8(off);
        if (p.columns() && p.captured(off + PROTO_TYPE_OFFSET) >= 2) {
            p.protocolColumn("Geneve");
            int type = p.u16(off + PROTO_TYPE_OFFSET);
            String name = GeneveFields.GENEVE_PROTO_TYPE.values().name(type);
            StringBuilder info = p.clearInfo().append("Encapsulated ");
            if (name != null) {
                info.append(name);
            } else {
                GeneveLabels.hex(info.append("0x"), type, 4).append(" (unknown)");
            }
        } else if (p.columns()) {
            p.protocolColumn("Geneve");
            p.clearInfo();
        }
        int version = first >>> 6;
        int optionsLength = (first & 0x3F) * 4;
        int node = t.open(GenevePlugin.GENEVE.field(), off, Math.min(BASIC_HEADER_LENGTH + optionsLength,
                Math.max(1, p.captured(off))));
        int flags = p.captured(off + 1) >= 1 ? p.u8(off + 1) : 0;
        long vni = p.captured(off + VNI_OFFSET) >= 3 ? p.u24(off + VNI_OFFSET) : -1;
        if (vni >= 0) {
            t.setValue(node, vni | (long) flags << 24);
        }
        t.addUint(GeneveFields.GENEVE_VERSION, off, 1, version);
        if (version != 0) {
            t.expert(GeneveExpert.VERSION_UNKNOWN, off, 1);
        }
        t.addUint(GeneveFields.GENEVE_OPTION_LENGTH, off, 1, optionsLength);
        flags = p.u8(off + 1);
        t.openUint(GeneveFields.GENEVE_FLAGS, off + 1, 1, flags);
        t.addUint(GeneveFields.GENEVE_FLAGS_OAM, off + 1, 1, flags);
        t.addUint(GeneveFields.GENEVE_FLAGS_CRITICAL, off + 1, 1, flags);
        t.addUint(GeneveFields.GENEVE_FLAGS_RESERVED, off + 1, 1, flags);
        t.close();
        int protoType = p.u16(off + PROTO_TYPE_OFFSET);
        t.addUint(GeneveFields.GENEVE_PROTO_TYPE, off + PROTO_TYPE_OFFSET, 2, protoType);
        t.addUint(GeneveFields.GENEVE_VNI, off + VNI_OFFSET, 3, p.u24(off + VNI_OFFSET));
        t.addUint(GeneveFields.GENEVE_RESERVED, off + RESERVED_OFFSET, 1, p.u8(off + RESERVED_OFFSET));
        if (optionsLength > 0) {
            options(p, t, off + BASIC_HEADER_LENGTH, optionsLength);
        }
        t.close();
        int payload = off + BASIC_HEADER_LENGTH + optionsLength;
        Handoffs.tableOrData(p, ethertypes, protoType, payload, len - (payload - off));
        return len;
    }

    /** The options walk: each option is at least its 4-byte header, so it ends after {@code length / 4} steps. */
    private void options(Packet p, Tree t, int at, int length) {
        p.require(at, 1);
        t.open(GeneveFields.GENEVE_OPTIONS, at, Math.min(length, p.captured(at)));
        int left = length;
        while (left > 0) {
            int optionClass = p.u16(at);
            int type = p.u8(at + 2);
            int third = p.u8(at + 3);
            int optionLength = OPTION_HEADER_LENGTH + (third & OPTION_LENGTH_MASK) * 4;
            if (optionLength > left) {
                t.expert(GeneveExpert.OPTION_LENGTH_INVALID, at + 3, 1);
                break;
            }
            int option = t.open(GeneveFields.GENEVE_OPTION, at, Math.min(optionLength, p.captured(at)));
            if (t.wantsLabels() && option >= 0) {
                labels.option(t, option, optionClass, type);
            }
            t.addUint(GeneveFields.GENEVE_OPTION_CLASS, at, 2, optionClass);
            t.addUint(GeneveFields.GENEVE_OPTION_TYPE, at + 2, 1, type);
            t.addUint(GeneveFields.GENEVE_OPTION_TYPE_CRITICAL, at + 2, 1, type);
            // the flags item shows only its reserved bits (Wireshark's bitmask of its one subfield)
            t.openUint(GeneveFields.GENEVE_OPTION_FLAGS, at + 3, 1, third & OPTION_FLAGS_MASK);
            t.addUint(GeneveFields.GENEVE_OPTION_FLAGS_RESERVED, at + 3, 1, third);
            t.close();
            t.addUint(GeneveFields.GENEVE_OPTION_LENGTH, at + 3, 1, optionLength);
            if (optionLength > OPTION_HEADER_LENGTH) {
                p.require(at + OPTION_HEADER_LENGTH, optionLength - OPTION_HEADER_LENGTH);
                t.add(GeneveFields.GENEVE_OPTION_UNKNOWN_DATA, at + OPTION_HEADER_LENGTH, optionLength - OPTION_HEADER_LENGTH);
            }
            t.close();
            at += optionLength;
            left -= optionLength;
        }
        t.close();
    }
}
