package org.dissect4j.net;

import org.dissect4j.api.Field;

/**
 * Per-engine state the dissectors of this plugin share while one frame is dissected: what a
 * link layer tells the {@code ethertype} pseudo-dissector, whether we are inside the datagram an
 * ICMP error quotes, the TTL of the innermost IP header. Reset by the frame dissector for every
 * frame, so a dissector bug on one frame cannot leak into the next.
 */
final class NetContext {
    /** Levels of ICMP errors quoting ICMP errors whose addresses are kept; deeper ones leave them alone. */
    static final int SAVED_LEVELS = 4;

    /** Tree node of the link-layer header that called {@code ethertype} (padding and trailer go below it). */
    int etherParent = -1;
    /** The trailer field of that link layer ({@code eth.trailer}, {@code vlan.trailer}, {@code sll.trailer}). */
    Field etherTrailer;
    /** FCS length: 0 none, 4 present, -1 guess (Wireshark's {@code fcs_len}). */
    int etherFcsLen;
    /** Reported length of the whole link layer (header included) that called {@code ethertype}. */
    int etherLayerLength;

    /** Greater than zero while the datagram quoted by an ICMP/ICMPv6 error is dissected. */
    int inErrorPacket;
    /**
     * The packet's network addresses, kept per level of ICMP error nesting while the quoted datagram is
     * dissected (its IP header sets its own, for the transport's conversation lookup) and put back after.
     */
    final byte[][] savedNetSrc = new byte[SAVED_LEVELS][16];
    final byte[][] savedNetDst = new byte[SAVED_LEVELS][16];
    /** TTL or hop limit of the innermost IP header, for the ICMP Info texts. */
    int ipTtl;
    /** Next header value an IPv6 extension header dissector found, or -1. */
    int extNext;
    /** Set by the IPv6 fragment header dissector: fragment offset in bytes, -1 when no fragment header. */
    int fragOffset;
    /** Set by the IPv6 fragment header dissector: the more-fragments flag. */
    boolean fragMore;
    /** Set by the IPv6 fragment header dissector: the identification. */
    long fragIdent;
    /** Address family of the innermost IP header: 4 or 6, 0 before any (also set inside ICMP errors). */
    int ipFamily;
    /** Source address of the innermost IP header: high and low 64 bits (IPv4 in the low 32). */
    long ipSrcHi;
    long ipSrcLo;
    /** Destination address of the innermost IP header. */
    long ipDstHi;
    long ipDstLo;
    /** True while the IPv6 dissector walks its extension headers (they then leave the payload to it). */
    boolean inIpv6Chain;
    /** Payload Length field of the innermost IPv6 header (a Jumbo Payload option is only allowed when it is 0). */
    int ipv6PayloadLength;
    /** Offset of the source address of the innermost IPv6 header (routing headers change the destination). */
    int ipv6SrcAt;
    /** Offset of the destination address of the innermost IPv6 header, or of a routing header's final one. */
    int ipv6DstAt;

    /**
     * Whether an IP header may set the packet's network addresses: always outside an ICMP error, and
     * inside one as long as the ICMP dissector kept the outer ones to put back.
     */
    boolean mayCallNetAddresses() {
        return inErrorPacket <= SAVED_LEVELS;
    }

    /** Records the addresses of the IP header whose payload is dissected next. */
    void ipAddresses(int family, long srcHi, long srcLo, long dstHi, long dstLo) {
        ipFamily = family;
        ipSrcHi = srcHi;
        ipSrcLo = srcLo;
        ipDstHi = dstHi;
        ipDstLo = dstLo;
    }

    void reset() {
        etherParent = -1;
        etherTrailer = null;
        etherFcsLen = 0;
        etherLayerLength = 0;
        inErrorPacket = 0;
        ipTtl = 0;
        extNext = -1;
        fragOffset = -1;
        fragMore = false;
        fragIdent = 0;
        inIpv6Chain = false;
        ipFamily = 0;
        ipSrcHi = 0;
        ipSrcLo = 0;
        ipDstHi = 0;
        ipDstLo = 0;
    }
}
