package org.dissect4j.capture;

import java.lang.foreign.MemorySegment;
import org.dissect4j.api.Bytes;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;

/**
 * Which worker of a {@link ParallelDissection} a frame goes to: a hash of the frame's unordered IP
 * address pair, so that both directions of every conversation, IP fragments of one datagram, and
 * everything a dissector keeps per TCP connection, UDP conversation, TLS session or
 * {@code Packet.conversation()} slot land on one worker.
 *
 * <p>The walk is deliberately short: the link layer (Ethernet with up to four 802.1Q/QinQ tags, Linux
 * SLL v1 and v2, BSD null/loopback, raw IP), then the IPv4 or IPv6 header, and through IP-in-IP tunnels
 * (IPv4 protocol 4 or 41, IPv6 next header 4 or 41, unfragmented) to the innermost one, since the
 * conversations are the inner datagrams' and a tunnel's endpoints may change under one of them. An ICMP or ICMPv6
 * error (destination unreachable, time exceeded, parameter problem, source quench, redirect, packet too
 * big) counts by the address pair of the datagram it quotes, since TCP and UDP find or create that
 * datagram's conversation; a fragmented ICMP error counts by its own pair, so that its fragments stay
 * together. Anything else (ARP, MPLS, PPPoE, other link types, a frame too short for its IP header) has
 * no key: {@link #NONE}, which the pipeline sends to worker 0. The hash does not depend on the worker
 * count's history, only on the bytes: the same frame always goes to the same worker for a given count.
 * Reads only the frame's captured bytes; allocates nothing.
 */
final class ShardKey {
    /** The key of a frame without an address pair found by this walk. */
    static final long NONE = 0;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int MAX_VLAN_TAGS = 4;
    private static final int IPV4_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int ICMP_HEADER = 8;
    private static final int PROTO_ICMP = 1;
    private static final int PROTO_ICMPV6 = 58;
    private static final int PROTO_IPIP = 4;
    private static final int PROTO_IPV6 = 41;
    private static final int MAX_TUNNELS = 4;
    private static final int DLT_RAW_OLD_A = 12;
    private static final int DLT_RAW_OLD_B = 14;

    private ShardKey() {
    }

    /**
     * The frame's key: a 64-bit mix of its unordered address pair, or {@link #NONE}.
     *
     * @param f the frame (its captured bytes are read)
     * @return the key, never {@link #NONE} for a frame with an address pair
     */
    static long of(Frame f) {
        MemorySegment s = f.segment();
        long at = f.offset();
        int len = f.capturedLength();
        switch (f.linkType()) {
            case LinkType.ETHERNET -> {
                int off = 12;
                for (int tags = 0; tags <= MAX_VLAN_TAGS; tags++) {
                    if (off + 2 > len) {
                        return NONE;
                    }
                    int type = Bytes.u16(s, at + off);
                    if (type == 0x8100 || type == 0x88A8 || type == 0x9100) {
                        off += 4;
                        continue;
                    }
                    return ethertype(s, at, len, type, off + 2);
                }
                return NONE;
            }
            case LinkType.LINUX_SLL -> {
                return len < 16 ? NONE : ethertype(s, at, len, Bytes.u16(s, at + 14), 16);
            }
            case LinkType.LINUX_SLL2 -> {
                return len < 20 ? NONE : ethertype(s, at, len, Bytes.u16(s, at), 20);
            }
            case LinkType.NULL, LinkType.LOOP, LinkType.RAW, LinkType.IPV4, LinkType.IPV6, DLT_RAW_OLD_A, DLT_RAW_OLD_B -> {
                int off = f.linkType() == LinkType.NULL || f.linkType() == LinkType.LOOP ? 4 : 0;
                return len <= off ? NONE : ip(s, at + off, len - off);
            }
            default -> {
                return NONE;
            }
        }
    }

    private static long ethertype(MemorySegment s, long at, int len, int type, int off) {
        if (type != ETHERTYPE_IPV4 && type != ETHERTYPE_IPV6) {
            return NONE;
        }
        return ip(s, at + off, len - off);
    }

    /**
     * The key of the IP datagram at {@code at}, by its version nibble: the pair of the innermost datagram of
     * IP-in-IP tunnels (4in4, 6in4, 4in6, 6in6, up to {@link #MAX_TUNNELS} deep; not through a fragment, and
     * the last pair read when an inner header is cut short), of an ICMP error's quoted datagram, or its own.
     */
    private static long ip(MemorySegment s, long at, int len) {
        long key = NONE;
        for (int depth = 0; depth <= MAX_TUNNELS && len >= 1; depth++) {
            int version = Bytes.u8(s, at) >>> 4;
            if (version == 4 && len >= IPV4_HEADER) {
                int header = (Bytes.u8(s, at) & 0x0f) * 4;
                int proto = Bytes.u8(s, at + 9);
                key = pair(Bytes.u32(s, at + 12), 0, Bytes.u32(s, at + 16), 0);
                boolean fragment = (Bytes.u16(s, at + 6) & 0x3fff) != 0;
                if (header < IPV4_HEADER || fragment || len <= header) {
                    return key;
                }
                if (proto == PROTO_IPIP || proto == PROTO_IPV6) {
                    at += header;
                    len -= header;
                    continue;
                }
                if (proto == PROTO_ICMP && len >= header + ICMP_HEADER + IPV4_HEADER && icmpError(Bytes.u8(s, at + header))
                        && Bytes.u8(s, at + header + ICMP_HEADER) >>> 4 == 4) {
                    long quoted = at + header + ICMP_HEADER;
                    return pair(Bytes.u32(s, quoted + 12), 0, Bytes.u32(s, quoted + 16), 0);
                }
                return key;
            }
            if (version == 6 && len >= IPV6_HEADER) {
                int proto = Bytes.u8(s, at + 6);
                key = pair(Bytes.u64(s, at + 8), Bytes.u64(s, at + 16), Bytes.u64(s, at + 24), Bytes.u64(s, at + 32));
                if ((proto == PROTO_IPIP || proto == PROTO_IPV6) && len > IPV6_HEADER) {
                    at += IPV6_HEADER;
                    len -= IPV6_HEADER;
                    continue;
                }
                if (proto == PROTO_ICMPV6 && len >= 2 * IPV6_HEADER + ICMP_HEADER
                        && icmpv6Error(Bytes.u8(s, at + IPV6_HEADER)) && Bytes.u8(s, at + IPV6_HEADER + ICMP_HEADER) >>> 4 == 6) {
                    long quoted = at + IPV6_HEADER + ICMP_HEADER;
                    return pair(Bytes.u64(s, quoted + 8), Bytes.u64(s, quoted + 16), Bytes.u64(s, quoted + 24), Bytes.u64(s, quoted + 32));
                }
                return key;
            }
            return key;
        }
        return key;
    }

    private static boolean icmpError(int type) {
        return type == 3 || type == 4 || type == 5 || type == 11 || type == 12;
    }

    private static boolean icmpv6Error(int type) {
        return type >= 1 && type <= 4;
    }

    /** A mix of the two addresses (each as two longs) that does not depend on their order. */
    private static long pair(long aHi, long aLo, long bHi, long bLo) {
        long a = mix(aHi * 0x9E3779B97F4A7C15L ^ aLo);
        long b = mix(bHi * 0x9E3779B97F4A7C15L ^ bLo);
        long k = mix(Math.min(a, b) * 31 + Math.max(a, b));
        return k == NONE ? 1 : k;
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long mix(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        v ^= v >>> 33;
        v *= 0xc4ceb9fe1a85ec53L;
        return v ^ v >>> 33;
    }

    /**
     * The worker of {@code key} among {@code workers}.
     *
     * @param key a key from {@link #of}
     * @param workers the number of workers
     * @return the worker index, 0 for {@link #NONE}
     */
    static int worker(long key, int workers) {
        return key == NONE ? 0 : (int) Long.remainderUnsigned(key, workers);
    }
}
