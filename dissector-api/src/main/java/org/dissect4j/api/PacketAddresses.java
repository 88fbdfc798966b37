package org.dissect4j.api;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The addresses and ports half of a {@link Packet}, Wireshark's {@code pinfo->dl_src/src/srcport}: what
 * the link, network and transport layers set for the conversation lookups and the address columns of
 * the layers above them. Copied into arrays of this packet, so nothing here allocates. {@link Packet}
 * is the only subclass.
 */
public abstract sealed class PacketAddresses extends PacketBytes permits Packet {
    /** Address types of {@link #netSrc()} and {@link #dlSrc()}. */
    public static final int AT_NONE = 0, AT_ETHER = 1, AT_IPV4 = 2, AT_IPV6 = 3;
    /** Port types of {@link #srcPort()}. */
    public static final int PT_NONE = 0, PT_TCP = 1, PT_UDP = 2;

    private int dlType;
    private final byte[] dlSrc = new byte[6];
    private final byte[] dlDst = new byte[6];
    private int netType;
    private final byte[] netSrc = new byte[16];
    private final byte[] netDst = new byte[16];
    private int portType;
    private int srcPort;
    private int dstPort;

    /** Only {@link Packet} extends it. */
    PacketAddresses() {
    }

    /** Forgets the previous frame's addresses and ports. */
    final void resetAddresses() {
        dlType = AT_NONE;
        netType = AT_NONE;
        portType = PT_NONE;
        srcPort = 0;
        dstPort = 0;
    }

    /**
     * Sets the link-layer source and destination (6-byte MACs at the given offsets of the current
     * source), copied into this packet's arrays ({@link #dlSrc()}, {@link #dlDst()}); sets
     * {@link #dlType()} to {@link #AT_ETHER}; forgets an earlier network address (a link layer in a tunnel is
     * what the address columns show until an inner IP sets its own: Wireshark's pinfo->src). Allocates nothing.
     *
     * @param srcOffset the offset of the source address
     * @param dstOffset the offset of the destination address
     * @throws PacketBoundsException when either address is not readable
     */
    public void dlAddresses(int srcOffset, int dstOffset) {
        require(srcOffset, 6);
        require(dstOffset, 6);
        copy6(base + srcOffset, dlSrc);
        copy6(base + dstOffset, dlDst);
        dlType = AT_ETHER;
        netType = AT_NONE;
    }

    /**
     * Sets the network source and destination ({@link #AT_IPV4} 4 bytes or {@link #AT_IPV6} 16 bytes),
     * copied into this packet's arrays ({@link #netSrc()}, {@link #netDst()}). Allocates nothing.
     *
     * @param type {@link #AT_IPV6} for 16-byte addresses; any other value reads 4 bytes (and is stored
     *     as {@link #netType()} as given)
     * @param srcOffset the offset of the source address
     * @param dstOffset the offset of the destination address
     * @throws PacketBoundsException when either address is not readable
     */
    public void netAddresses(int type, int srcOffset, int dstOffset) {
        int n = type == AT_IPV6 ? 16 : 4;
        require(srcOffset, n);
        require(dstOffset, n);
        // word-sized copies: MemorySegment.copy of a few bytes costs more than the reads themselves
        if (n == 4) {
            BYTES_AS_INT.set(netSrc, 0, seg.get(Bytes.BE32, base + srcOffset));
            BYTES_AS_INT.set(netDst, 0, seg.get(Bytes.BE32, base + dstOffset));
        } else {
            BYTES_AS_LONG.set(netSrc, 0, seg.get(Bytes.BE64, base + srcOffset));
            BYTES_AS_LONG.set(netSrc, 8, seg.get(Bytes.BE64, base + srcOffset + 8));
            BYTES_AS_LONG.set(netDst, 0, seg.get(Bytes.BE64, base + dstOffset));
            BYTES_AS_LONG.set(netDst, 8, seg.get(Bytes.BE64, base + dstOffset + 8));
        }
        netType = type;
    }

    /**
     * Sets the network source and destination from copies the caller kept (4 bytes of each array for
     * {@link #AT_IPV4}, 16 for {@link #AT_IPV6}): e.g. ICMP puts back the outer header's addresses after
     * dissecting the datagram an error message quotes, whose own IP header set them for the transport's
     * conversation lookup (Wireshark's ICMP saves and restores {@code pinfo->src}/{@code dst} the same way).
     * Allocates nothing.
     *
     * @param type {@link #AT_IPV4}, {@link #AT_IPV6}, or {@link #AT_NONE} (then the arrays are not read)
     * @param src the source address bytes
     * @param dst the destination address bytes
     */
    public void netAddresses(int type, byte[] src, byte[] dst) {
        if (type != AT_NONE) {
            int n = type == AT_IPV6 ? 16 : 4;
            System.arraycopy(src, 0, netSrc, 0, n);
            System.arraycopy(dst, 0, netDst, 0, n);
        }
        netType = type;
    }

    private void copy6(long at, byte[] to) {
        BYTES_AS_INT.set(to, 0, seg.get(Bytes.BE32, at));
        BYTES_AS_SHORT.set(to, 4, seg.get(Bytes.BE16, at + 4));
    }

    private static final VarHandle BYTES_AS_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BYTES_AS_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BYTES_AS_SHORT =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Sets the transport ports of the conversation (a transport does it before it hands data on).
     *
     * @param type {@link #PT_TCP} or {@link #PT_UDP}
     * @param src the source port
     * @param dst the destination port
     */
    public void ports(int type, int src, int dst) {
        this.portType = type;
        this.srcPort = src;
        this.dstPort = dst;
    }

    /**
     * The type of the link-layer addresses.
     *
     * @return {@link #AT_ETHER} after {@link #dlAddresses}, else {@link #AT_NONE}
     */
    public int dlType() {
        return dlType;
    }

    /**
     * Link-layer source; valid for this packet only, do not modify.
     *
     * @return the engine's 6-byte array, meaningful when {@link #dlType()} is {@link #AT_ETHER}
     */
    public byte[] dlSrc() {
        return dlSrc;
    }

    /**
     * Link-layer destination; valid for this packet only, do not modify.
     *
     * @return the engine's 6-byte array, meaningful when {@link #dlType()} is {@link #AT_ETHER}
     */
    public byte[] dlDst() {
        return dlDst;
    }

    /**
     * The type of the network addresses.
     *
     * @return {@link #AT_IPV4} or {@link #AT_IPV6} after {@link #netAddresses}, else {@link #AT_NONE}
     */
    public int netType() {
        return netType;
    }

    /**
     * Network source address bytes (4 or 16 used); valid for this packet only, do not modify.
     *
     * @return the engine's 16-byte array; the first 4 bytes hold an IPv4 address
     */
    public byte[] netSrc() {
        return netSrc;
    }

    /**
     * Network destination address bytes (4 or 16 used); valid for this packet only, do not modify.
     *
     * @return the engine's 16-byte array; the first 4 bytes hold an IPv4 address
     */
    public byte[] netDst() {
        return netDst;
    }

    /**
     * The type of the ports.
     *
     * @return {@link #PT_TCP} or {@link #PT_UDP} after {@link #ports}, else {@link #PT_NONE}
     */
    public int portType() {
        return portType;
    }

    /**
     * The source port set by the transport.
     *
     * @return the port, 0 when none was set
     */
    public int srcPort() {
        return srcPort;
    }

    /**
     * The destination port set by the transport.
     *
     * @return the port, 0 when none was set
     */
    public int dstPort() {
        return dstPort;
    }
}
