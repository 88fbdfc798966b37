package org.dissect4j.tunnel.ayiya;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.tunnel.Handoffs;

/**
 * AYIYA, Anything In Anything (draft-massar-v6ops-ayiya; Wireshark's packet-ayiya.c).
 *
 * <pre>
 * | IDLen | IDType| SigLen| HshMeth| AutMeth| OpCode|  Next Header  |
 * |                         Epoch (seconds)                         |
 * |  Identity (2^IDLen bytes)  |  Signature (SigLen * 4 bytes)      |
 * </pre>
 *
 * Only a Forward carries a packet: it goes to the {@code ip.proto} table by the next header (IPv6 for
 * 41, IPv4 for 4). Like Wireshark, nothing is shown for a payload no dissector takes, and other operations'
 * bytes after the header are left alone.
 */
final class AyiyaDissector implements Dissector {
    static final int FIXED_HEADER_LENGTH = 8;
    static final int NEXT_HEADER_OFFSET = 3;
    static final int EPOCH_OFFSET = 4;
    static final int OPCODE_FORWARD = 1;
    private static final int SIGNATURE_UNIT = 4;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private DissectorTable ipProtocols;

    void wire(DissectorTable ipProtocols) {
        this.ipProtocols = ipProtocols;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        if (p.columns()) {
            p.protocolColumn("AYIYA");
        }
        int first = p.u8(off);
        int second = p.u8(off + 1);
        int third = p.u8(off + 2);
        int identityLength = 1 << (first >>> 4);
        int signatureLength = (second >>> 4) * SIGNATURE_UNIT;
        int headerLength = FIXED_HEADER_LENGTH + identityLength + signatureLength;
        int nextHeader = p.u8(off + NEXT_HEADER_OFFSET);
        header(p, off, first, second, third, identityLength, signatureLength);
        if ((third & 0x0F) == OPCODE_FORWARD && ipProtocols != null) {
            Handoffs.call(p, ipProtocols.get(nextHeader), off + headerLength, len - headerLength);
        }
        return len;
    }

    /** The header's items; the tree item spans the whole header even when the capture ends inside it. */
    private static void header(Packet p, int off, int first, int second, int third, int identityLength,
            int signatureLength) {
        Tree t = p.tree();
        t.open(AyiyaPlugin.AYIYA.field(), off, FIXED_HEADER_LENGTH + identityLength + signatureLength);
        t.addUint(AyiyaFields.AYIYA_IDLEN, off, 1, first >>> 4);
        t.addUint(AyiyaFields.AYIYA_IDTYPE, off, 1, first & 0x0F);
        t.addUint(AyiyaFields.AYIYA_SIGLEN, off + 1, 1, second >>> 4);
        t.addUint(AyiyaFields.AYIYA_HASHMETHOD, off + 1, 1, second & 0x0F);
        t.addUint(AyiyaFields.AYIYA_AUTHMETHOD, off + 2, 1, third >>> 4);
        t.addUint(AyiyaFields.AYIYA_OPCODE, off + 2, 1, third & 0x0F);
        t.addUint(AyiyaFields.AYIYA_NEXTHEADER, off + NEXT_HEADER_OFFSET, 1, p.u8(off + NEXT_HEADER_OFFSET));
        t.addLong(AyiyaFields.AYIYA_EPOCH, off + EPOCH_OFFSET, 4, p.u32(off + EPOCH_OFFSET) * NANOS_PER_SECOND);
        int identityAt = off + FIXED_HEADER_LENGTH;
        p.require(identityAt, identityLength);
        t.add(AyiyaFields.AYIYA_IDENTITY, identityAt, identityLength);
        p.require(identityAt + identityLength, signatureLength);
        if (signatureLength > 0) {
            t.add(AyiyaFields.AYIYA_SIGNATURE, identityAt + identityLength, signatureLength);
        }
        t.close();
    }
}
