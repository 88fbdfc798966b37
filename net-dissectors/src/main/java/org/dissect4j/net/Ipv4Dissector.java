package org.dissect4j.net;

import org.dissect4j.api.AddressText;
import org.dissect4j.api.Bytes;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.PacketBoundsException;
import org.dissect4j.api.Tree;

import static org.dissect4j.net.Ipv4Header.CHECKSUM_OFFSET;
import static org.dissect4j.net.Ipv4Header.DSFIELD_OFFSET;
import static org.dissect4j.net.Ipv4Header.DST_OFFSET;
import static org.dissect4j.net.Ipv4Header.FLAGS_OFFSET;
import static org.dissect4j.net.Ipv4Header.FLAG_MF;
import static org.dissect4j.net.Ipv4Header.FRAGMENT_OFFSET_MASK;
import static org.dissect4j.net.Ipv4Header.ID_OFFSET;
import static org.dissect4j.net.Ipv4Header.MIN_LENGTH;
import static org.dissect4j.net.Ipv4Header.PROTOCOL_OFFSET;
import static org.dissect4j.net.Ipv4Header.SRC_OFFSET;
import static org.dissect4j.net.Ipv4Header.TOTAL_LENGTH_OFFSET;
import static org.dissect4j.net.Ipv4Header.TTL_OFFSET;

/**
 * IPv4 (Wireshark's packet-ip.c, {@link Ipv4Header} for the layout): every header field, the
 * options ({@link Ipv4Options}), bounded fragment reassembly ({@link FragmentReassembler}), then
 * the payload by the {@code ip.proto} table ({@code data} when nobody takes it). Returns the total
 * length, so the link layer can show what follows as padding or trailer.
 *
 * <p>Bad headers are reported as Wireshark does: a version other than 4, a header length below 20
 * or a total length below the header length end the dissection with an expert item; a total length
 * beyond the bytes the link layer delivered is reported and clamped. The header checksum is checked
 * only when the setting {@code ip.check_checksum} is true (Wireshark's default is false). A total
 * length of 0 is taken for the frame's length when {@code ip.tso_support} is true (the default, as in
 * Wireshark): Windows captures of TCP segmentation offload carry 0 there.
 * Inside the datagram quoted by an ICMP error, reassembly and length complaints are skipped; the
 * addresses are set (for the transport's conversation) and the ICMP dissector puts its own back.
 */
final class Ipv4Dissector implements Dissector {
    private final NetContext ctx;
    private final boolean checkChecksum;
    private final boolean tsoSupport;
    private final boolean defragment;
    private final FragmentReassembler reassembler;
    private final FragmentTree fragmentTree = new FragmentTree(Ipv4Fields.FRAGMENTS, Ipv4Fields.FRAGMENT,
            Ipv4Fields.FRAGMENT_OVERLAP, Ipv4Fields.FRAGMENT_OVERLAP_CONFLICT, Ipv4Fields.FRAGMENT_MULTIPLETAILS,
            Ipv4Fields.FRAGMENT_TOOLONGFRAGMENT, Ipv4Fields.FRAGMENT_COUNT, Ipv4Fields.REASSEMBLED_IN,
            Ipv4Fields.REASSEMBLED_LENGTH, Ipv4Fields.REASSEMBLED_DATA);
    private final StringBuilder host = new StringBuilder(16);
    private DissectorTable ipProto;
    private DissectorHandle data;

    Ipv4Dissector(NetContext ctx, boolean checkChecksum, boolean tsoSupport, boolean defragment,
                  FragmentReassembler reassembler) {
        this.ctx = ctx;
        this.checkChecksum = checkChecksum;
        this.tsoSupport = tsoSupport;
        this.defragment = defragment;
        this.reassembler = reassembler;
    }

    void wire(DissectorTable ipProto, DissectorHandle data) {
        this.ipProto = ipProto;
        this.data = data;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        Tree t = p.tree();
        boolean inError = ctx.inErrorPacket > 0;
        StringBuilder info = p.columns() && !inError ? p.clearInfo() : null;
        int b0 = p.u8(off);
        int version = b0 >>> 4;
        int hl = (b0 & 0x0F) * 4;
        int node = t.open(NetProtocols.IP.field(), off, Math.max(1, Math.min(hl, p.captured(off))));
        // A bounds exception below unwinds the open subtree in Packet.call; normal exits close it here.
        t.addUint(Ipv4Fields.VERSION, off, 1, version);
        if (version != 4) {
            t.expert(NetExperts.IP_BOGUS_VERSION, off, 1);
            if (info != null) {
                info.append("Bogus IPv4 version (").append(version).append(", must be 4)");
            }
            t.close();
            return len;
        }
        t.addUint(Ipv4Fields.HDR_LEN, off, 1, hl);
        if (hl < MIN_LENGTH) {
            t.expert(NetExperts.IP_BOGUS_HEADER_LENGTH, off, 1);
            if (info != null) {
                info.append("Bogus IP header length (").append(hl).append(", must be at least 20)");
            }
            t.close();
            return len;
        }
        int ds = p.u8(off + DSFIELD_OFFSET);
        t.openUint(Ipv4Fields.DSFIELD, off + DSFIELD_OFFSET, 1, ds);
        t.addUint(Ipv4Fields.DSFIELD_DSCP, off + DSFIELD_OFFSET, 1, ds);
        t.addUint(Ipv4Fields.DSFIELD_ECN, off + DSFIELD_OFFSET, 1, ds);
        t.close();
        int totalLength = p.u16(off + TOTAL_LENGTH_OFFSET);
        boolean tsoPresumed = totalLength == 0 && tsoSupport;
        int lengthNode;
        if (tsoPresumed) {
            // TCP segmentation offload: the NIC fills the length in after the capture; the frame tells it.
            totalLength = len;
            lengthNode = t.addUint(Ipv4Fields.LEN, off + TOTAL_LENGTH_OFFSET, 2, totalLength);
            t.setFlags(lengthNode, Tree.GENERATED);
        } else {
            lengthNode = t.addUint(Ipv4Fields.LEN, off + TOTAL_LENGTH_OFFSET, 2, totalLength);
        }
        // packet-ip.c checks a length against the header's only when it was read, not when TSO presumed it
        // (a frame shorter than its header then shows the header up to where the frame ends, malformed)
        if (totalLength < hl && !tsoPresumed) {
            t.expert(NetExperts.IP_BOGUS_LENGTH, off + TOTAL_LENGTH_OFFSET, 2);
            if (info != null) {
                info.append("Bogus IP length (").append(totalLength).append(", less than header length ")
                        .append(hl).append(')');
            }
            t.close();
            return len;
        }
        if (totalLength > len) {
            if (!inError) {
                CharSequence message = null;
                if (t.wantsExpertMessages()) {
                    host.setLength(0);
                    message = host.append("IPv4 total length exceeds packet length (").append(len).append(" bytes)");
                }
                t.expertOn(lengthNode, NetExperts.IP_BOGUS_LENGTH, off + TOTAL_LENGTH_OFFSET, 2, message);
            }
            totalLength = len;
        }
        // Bytes 4..11 in one read when the fixed header is captured: each checked read is a deep call chain
        // that the JIT leaves out of line late in a large compiled dissection path (JFR: 4 % of the CPU of
        // dissecting TCP packets went to one such read). A cut header reads field by field, so the tree
        // still holds every field before the cut.
        boolean whole = p.captured(off) >= MIN_LENGTH;
        long fixed = whole ? p.u64(off + ID_OFFSET) : 0;
        int id = whole ? (int) (fixed >>> 48) : p.u16(off + ID_OFFSET);
        t.addUint(Ipv4Fields.ID, off + ID_OFFSET, 2, id);
        int flagsByte = whole ? (int) (fixed >>> 40) & 0xFF : p.u8(off + FLAGS_OFFSET);
        t.openUint(Ipv4Fields.FLAGS, off + FLAGS_OFFSET, 1, flagsByte);
        t.addUint(Ipv4Fields.FLAGS_RB, off + FLAGS_OFFSET, 1, flagsByte);
        t.addUint(Ipv4Fields.FLAGS_DF, off + FLAGS_OFFSET, 1, flagsByte);
        t.addUint(Ipv4Fields.FLAGS_MF, off + FLAGS_OFFSET, 1, flagsByte);
        t.close();
        int fragWord = whole ? (int) (fixed >>> 32) & 0xFFFF : p.u16(off + FLAGS_OFFSET);
        t.addUint(Ipv4Fields.FRAG_OFFSET, off + FLAGS_OFFSET, 2, fragWord);
        int ttl = whole ? (int) (fixed >>> 24) & 0xFF : p.u8(off + TTL_OFFSET);
        int ttlNode = t.addUint(Ipv4Fields.TTL, off + TTL_OFFSET, 1, ttl);
        int proto = whole ? (int) (fixed >>> 16) & 0xFF : p.u8(off + PROTOCOL_OFFSET);
        t.addUint(Ipv4Fields.PROTO, off + PROTOCOL_OFFSET, 1, proto);
        int checksum = whole ? (int) fixed & 0xFFFF : p.u16(off + CHECKSUM_OFFSET);
        t.addUint(Ipv4Fields.CHECKSUM, off + CHECKSUM_OFFSET, 2, checksum);
        boolean checksumBad = false;
        if (checkChecksum && p.captured(off) >= hl) {
            long base = p.base() + off;
            int sum = Bytes.onesComplementSum(p.segment(), base, hl, 0);
            if (sum == 0xFFFF) {
                checksumStatus(t, off, 1);
            } else {
                checksumBad = true;
                // The checksum the sender should have written: the header summed without its checksum field.
                int partial = Bytes.onesComplementSum(p.segment(), base, CHECKSUM_OFFSET, 0);
                int computed = ~Bytes.onesComplementSum(p.segment(), base + SRC_OFFSET, hl - SRC_OFFSET, partial) & 0xFFFF;
                t.addGenerated(Ipv4Fields.CHECKSUM_CALCULATED, computed);
                checksumStatus(t, off, 0);
                t.expert(NetExperts.IP_CHECKSUM_BAD, off + CHECKSUM_OFFSET, 2);
            }
        } else {
            checksumStatus(t, off, 2);
        }
        long src = p.u32(off + SRC_OFFSET);
        address(t, Ipv4Fields.SRC, Ipv4Fields.SRC_HOST, off + SRC_OFFSET, src);
        long hdrDst = p.u32(off + DST_OFFSET);
        int dstAt = off + DST_OFFSET;
        int routed = hl > MIN_LENGTH ? Ipv4Options.sourceRouteDestination(p, off + MIN_LENGTH, off + hl) : -1;
        if (routed >= 0) {
            t.addUint(Ipv4Fields.CUR_RT, off + DST_OFFSET, 4, hdrDst);
            if (t.wants(Ipv4Fields.CUR_RT_HOST)) {
                host.setLength(0);
                t.addString(Ipv4Fields.CUR_RT_HOST, AddressText.ipv4(host, hdrDst));
            }
            dstAt = routed;
        }
        long dst = p.u32(dstAt);
        // Options cut before a source route could be ruled out: the final destination is unknown. A route's
        // destination is shown with the options, which Wireshark shows only when they were captured whole.
        if (routed != Ipv4Options.ROUTE_UNKNOWN) {
            if (routed < 0 || p.captured(off) >= hl) {
                address(t, Ipv4Fields.DST, Ipv4Fields.DST_HOST, dstAt, dst);
            }
            if (ctx.mayCallNetAddresses()) {
                p.netAddresses(Packet.AT_IPV4, off + SRC_OFFSET, dstAt);
            }
        }
        if (!inError) {
            if (ttl < 5 && (dst & 0xF000_0000L) != 0xE000_0000L && proto != 103) {
                CharSequence message = null;
                if (t.wantsExpertMessages()) {
                    host.setLength(0);
                    message = host.append("\"Time To Live\" only ").append(ttl);
                }
                t.expertOn(ttlNode, NetExperts.IP_TTL_TOO_SMALL, off + TTL_OFFSET, 1, message);
            }
        }
        if (hl > MIN_LENGTH) {
            if (p.remaining(off) < hl) {
                // Options past the end of the datagram: Wireshark's options subtree fails there (malformed).
                throw PacketBoundsException.MALFORMED;
            }
            Ipv4Options.dissect(p, t, off + MIN_LENGTH, off + hl, host);
        }

        int payloadAt = off + hl;
        // Not negative: a header longer than a datagram cut to the frame leaves no payload (IHL 15 in 40 bytes).
        int payloadLen = Math.max(0, totalLength - hl);
        int fragOffset = (fragWord & FRAGMENT_OFFSET_MASK) * 8;
        boolean more = (fragWord & FLAG_MF) != 0;
        ctx.ipTtl = ttl;
        ctx.ipAddresses(4, 0, src, 0, dst);
        if ((more || fragOffset != 0) && !inError) {
            return fragment(p, t, node, info, src, hdrDst, id, proto, fragOffset, more, payloadAt, payloadLen,
                    checksumBad, totalLength);
        }
        t.close();
        if (payloadLen > 0) {
            // Wireshark hands no empty payload on (a header-only datagram, also one quoted in an ICMP error).
            payload(p, info, proto, payloadAt, payloadLen);
        }
        return totalLength;
    }

    private void address(Tree t, org.dissect4j.api.Field f, org.dissect4j.api.Field hostField, int at, long addr) {
        t.addUint(f, at, 4, addr);
        t.addUint(Ipv4Fields.ADDR, at, 4, addr);
        boolean wantHost = t.wants(hostField);
        boolean wantAnyHost = t.wants(Ipv4Fields.HOST);
        if (wantHost || wantAnyHost) {
            host.setLength(0);
            AddressText.ipv4(host, addr);
            t.showAt(t.addString(hostField, host), at, 4);
            t.showAt(t.addString(Ipv4Fields.HOST, host), at, 4);
        }
    }

    /** The checksum's verdict, shown at the checksum (with no bytes of its own), as Wireshark places it. */
    private static void checksumStatus(Tree t, int off, int status) {
        t.setFlags(t.addUint(Ipv4Fields.CHECKSUM_STATUS, off + CHECKSUM_OFFSET, 0, status), Tree.GENERATED);
    }

    /** Hands the payload to the {@code ip.proto} table, or to data with Wireshark's Info text. */
    private void payload(Packet p, StringBuilder info, int proto, int at, int len) {
        if (!NetUtil.callTable(p, ipProto, proto, at, len)) {
            NetUtil.callData(p, data, at, len);
            if (info != null && ctx.inErrorPacket == 0) {
                p.clearInfo().append(Ipv4Fields.PROTO.values().name(proto, "Unknown")).append(" (").append(proto)
                        .append(')');
            }
        }
    }

    private int fragment(Packet p, Tree t, int node, StringBuilder info, long src, long dst, int id, int proto,
                         int fragOffset, boolean more, int at, int len, boolean checksumBad, int totalLength) {
        int status = -1;
        if (defragment && !checksumBad && p.captured(at) >= len) {
            status = reassembler.add(4, 0, src, 0, dst, id, proto, fragOffset, more, p.segment(), p.base() + at, len,
                    p.frame().number(), p.frame().timestampNanos());
        }
        FragmentReassembler.Datagram d = reassembler.current();
        if (status == FragmentReassembler.COMPLETE) {
            int source = t.addSource(d.segment(), 0, d.length(), "Reassembled IPv4");
            fragmentTree.complete(t, d, source);
            t.close();
            DissectorHandle h = ipProto.get(proto);
            int consumed = h == null ? 0 : p.callOnSource(source, h, 0, d.length());
            if (consumed == 0) {
                String column = p.protocolColumn();
                p.callOnSource(source, data, 0, d.length());
                p.protocolColumn(column);
                if (info != null) {
                    p.clearInfo().append(Ipv4Fields.PROTO.values().name(proto, "Unknown")).append(" (").append(proto)
                            .append(')');
                }
            }
            return totalLength;
        }
        if (status == FragmentReassembler.LIMIT) {
            t.expert(NetExperts.IP_FRAGMENT_LIMIT, at, 0);
        } else if (status == FragmentReassembler.DONE_BEFORE && d != null) {
            fragmentTree.elsewhere(t, d);
        }
        t.close();
        if (!defragment && fragOffset == 0) {
            payload(p, info, proto, at, len);
            return totalLength;
        }
        NetUtil.callData(p, data, at, len);
        if (info != null) {
            p.clearInfo().append("Fragmented IP protocol (proto=").append(Ipv4Fields.PROTO.values().name(proto, "Unknown"))
                    .append(' ').append(proto).append(", off=").append(fragOffset).append(", ID=");
            NetFormat.hexPadded(info, id, 4).append(')');
        }
        return totalLength;
    }
}
