package org.dissect4j.api;

import java.lang.foreign.MemorySegment;

/**
 * The bytes half of a {@link Packet}, Wireshark's {@code tvbuff}: the current data source, the captured
 * and reported ends of the layer being dissected, and reads checked against them. {@link Packet} is the
 * only concrete subclass; the hand-offs there move and narrow the window this class reads.
 *
 * <p><b>Bounds.</b> Reading past the captured end throws {@link PacketBoundsException#TRUNCATED} (the
 * snaplen cut it), past the reported end {@link PacketBoundsException#MALFORMED} (past the length the
 * protocol declared). Nothing here allocates.
 */
public abstract sealed class PacketBytes permits PacketAddresses {
    MemorySegment seg;
    long base;
    int source;
    int sourceCaptured;
    int capEnd;
    int repEnd;
    /** Set by {@link #takeQuietly}, read and cleared by {@link Packet#call} ({@link #tookQuietly}) when the dissector returns. */
    boolean quiet;

    // ---- bytes -------------------------------------------------------------------------------

    /**
     * The segment of the current data source; offsets are relative to {@link #base()}. For raw
     * reads with {@link Bytes} after one {@link #require}; owned by the capture source or the
     * dissector that added the data source, valid until the next frame is dissected.
     *
     * @return the segment
     */
    public MemorySegment segment() {
        return seg;
    }

    /**
     * Where offset 0 of the current data source lies in {@link #segment()}.
     *
     * @return the byte position in the segment
     */
    public long base() {
        return base;
    }

    /**
     * Index of the current data source in the {@link Tree} (0 = the frame).
     *
     * @return the source index ({@link Packet#callOnSource} changes it while its callee runs)
     */
    public int source() {
        return source;
    }

    /**
     * End of the current layer as declared (reported length).
     *
     * @return the offset, in the current data source, just past the layer's declared bytes
     */
    public int reportedEnd() {
        return repEnd;
    }

    /**
     * End of the bytes of the current layer that were actually captured.
     *
     * @return the offset, in the current data source, just past the last captured byte of the layer
     *     (at most {@link #reportedEnd()})
     */
    public int capturedEnd() {
        return capEnd;
    }

    /**
     * Captured bytes available from {@code offset} to the end of the current layer (0 if none).
     *
     * @param offset the offset in the current data source
     * @return {@code max(0, capturedEnd() - offset)}
     */
    public int captured(int offset) {
        return Math.max(0, capEnd - offset);
    }

    /**
     * Reported bytes from {@code offset} to the end of the current layer.
     *
     * @param offset the offset in the current data source
     * @return {@code max(0, reportedEnd() - offset)}
     */
    public int remaining(int offset) {
        return Math.max(0, repEnd - offset);
    }

    /**
     * Throws the matching {@link PacketBoundsException} unless {@code n} bytes at {@code offset} are
     * readable. One check before several raw {@link Bytes} reads of {@link #segment()} at
     * {@link #base()} {@code + offset}. Allocates nothing.
     *
     * @param offset the offset in the current data source
     * @param n the number of bytes
     * @throws PacketBoundsException {@link PacketBoundsException#TRUNCATED} when the bytes end within
     *     the declared length but past the captured bytes; {@link PacketBoundsException#MALFORMED} when
     *     they end past the declared length, or {@code offset} or {@code n} is negative
     */
    public void require(int offset, int n) {
        if (offset < 0 || n < 0 || (long) offset + n > capEnd) {
            throw (long) offset + n > repEnd || offset < 0 || n < 0
                    ? PacketBoundsException.MALFORMED : PacketBoundsException.TRUNCATED;
        }
    }

    /**
     * One unsigned byte, checked.
     *
     * @param offset the offset in the current data source
     * @return the byte, 0..255
     * @throws PacketBoundsException {@link PacketBoundsException#TRUNCATED} when the bytes lie past the
     *     captured end of the current layer, {@link PacketBoundsException#MALFORMED} when past its
     *     declared end (or {@code offset} is negative)
     */
    public int u8(int offset) {
        require(offset, 1);
        return Bytes.u8(seg, base + offset);
    }

    /**
     * An unsigned big-endian 16-bit value, checked.
     *
     * @param offset the offset in the current data source
     * @return the value, 0..65535
     * @throws PacketBoundsException {@link PacketBoundsException#TRUNCATED} when the bytes lie past the
     *     captured end of the current layer, {@link PacketBoundsException#MALFORMED} when past its
     *     declared end (or {@code offset} is negative)
     */
    public int u16(int offset) {
        require(offset, 2);
        return Bytes.u16(seg, base + offset);
    }

    /**
     * An unsigned big-endian 24-bit value, checked.
     *
     * @param offset the offset in the current data source
     * @return the value, 0..2<sup>24</sup>-1
     * @throws PacketBoundsException {@link PacketBoundsException#TRUNCATED} when the bytes lie past the
     *     captured end of the current layer, {@link PacketBoundsException#MALFORMED} when past its
     *     declared end (or {@code offset} is negative)
     */
    public int u24(int offset) {
        require(offset, 3);
        return Bytes.u24(seg, base + offset);
    }

    /**
     * An unsigned big-endian 32-bit value, checked.
     *
     * @param offset the offset in the current data source
     * @return the value, 0..2<sup>32</sup>-1
     * @throws PacketBoundsException {@link PacketBoundsException#TRUNCATED} when the bytes lie past the
     *     captured end of the current layer, {@link PacketBoundsException#MALFORMED} when past its
     *     declared end (or {@code offset} is negative)
     */
    public long u32(int offset) {
        require(offset, 4);
        return Bytes.u32(seg, base + offset);
    }

    /**
     * A big-endian 64-bit value, checked (2<sup>63</sup> and above come back negative).
     *
     * @param offset the offset in the current data source
     * @return the 64 bits
     * @throws PacketBoundsException {@link PacketBoundsException#TRUNCATED} when the bytes lie past the
     *     captured end of the current layer, {@link PacketBoundsException#MALFORMED} when past its
     *     declared end (or {@code offset} is negative)
     */
    public long u64(int offset) {
        require(offset, 8);
        return Bytes.u64(seg, base + offset);
    }

    /**
     * An unsigned little-endian 16-bit value, checked.
     *
     * @param offset the offset in the current data source
     * @return the value, 0..65535
     * @throws PacketBoundsException {@link PacketBoundsException#TRUNCATED} when the bytes lie past the
     *     captured end of the current layer, {@link PacketBoundsException#MALFORMED} when past its
     *     declared end (or {@code offset} is negative)
     */
    public int u16le(int offset) {
        require(offset, 2);
        return Bytes.u16le(seg, base + offset);
    }

    /**
     * An unsigned little-endian 32-bit value, checked.
     *
     * @param offset the offset in the current data source
     * @return the value, 0..2<sup>32</sup>-1
     * @throws PacketBoundsException {@link PacketBoundsException#TRUNCATED} when the bytes lie past the
     *     captured end of the current layer, {@link PacketBoundsException#MALFORMED} when past its
     *     declared end (or {@code offset} is negative)
     */
    public long u32le(int offset) {
        require(offset, 4);
        return Bytes.u32le(seg, base + offset);
    }

    PacketBytes() {
    }

    /**
     * The running dissector keeps the data it was called with but shows nothing of it: when it returns, its nodes,
     * its protocol in {@code frame.protocols} and the Protocol column are rolled back as for a dissector that
     * declined, yet its caller counts the bytes as taken and offers them to nobody else (Wireshark's dissector that
     * returns the data's length without adding its item: HTTP given data that starts with a byte no message starts
     * with). Call it just before returning, after any nested call, and write no Info text.
     */
    public void takeQuietly() {
        quiet = true;
    }

    /** Whether the dissector that just returned called {@link #takeQuietly}; clears the mark. */
    final boolean tookQuietly() {
        boolean q = quiet;
        quiet = false;
        return q;
    }
}
