package org.dissect4j.api;

import java.lang.foreign.MemorySegment;

/**
 * One captured frame as a capture source hands it out: a zero-copy view of the captured bytes
 * ({@link #segment()} from {@link #offset()}, {@link #capturedLength()} bytes), the length the
 * packet had on the wire, a timestamp in nanoseconds since the epoch, the interface and its link
 * type. A source reuses one {@code Frame} object: the view is valid until the next frame is
 * pulled, so whoever keeps bytes longer copies them.
 */
public final class Frame {
    private MemorySegment segment = MemorySegment.NULL;
    private long offset;
    private int capturedLength;
    private int originalLength;
    private long timestampNanos;
    private int interfaceId;
    private int linkType;
    private long number;
    private String comment;
    private int snaplen;
    private String interfaceName;

    /** Points this frame at new bytes; called by capture sources for every frame. */
    public Frame set(long number, MemorySegment segment, long offset, int capturedLength, int originalLength,
                     long timestampNanos, int interfaceId, int linkType) {
        this.number = number;
        this.segment = segment;
        this.offset = offset;
        this.capturedLength = capturedLength;
        this.originalLength = originalLength;
        this.timestampNanos = timestampNanos;
        this.interfaceId = interfaceId;
        this.linkType = linkType;
        this.comment = null;
        return this;
    }

    /** The segment holding the frame's bytes (a mapped file, a buffer, libpcap's memory). */
    public MemorySegment segment() {
        return segment;
    }

    /** Where the frame's first byte lies in {@link #segment()}. */
    public long offset() {
        return offset;
    }

    /** Bytes captured ({@code caplen}). */
    public int capturedLength() {
        return capturedLength;
    }

    /** Bytes the packet had on the wire ({@code len}); at least {@link #capturedLength()}. */
    public int originalLength() {
        return originalLength;
    }

    /** Nanoseconds since 1970-01-01T00:00Z. */
    public long timestampNanos() {
        return timestampNanos;
    }

    public int interfaceId() {
        return interfaceId;
    }

    /** The pcap {@code LINKTYPE_*} of the frame's interface (see {@link LinkType}). */
    public int linkType() {
        return linkType;
    }

    /** 1-based frame number. */
    public long number() {
        return number;
    }

    /** The pcapng {@code opt_comment} of the packet, or {@code null}. */
    public String comment() {
        return comment;
    }

    public void comment(String comment) {
        this.comment = comment;
    }

    /** The interface's snapshot length, or 0 when unknown. */
    public int snaplen() {
        return snaplen;
    }

    public void snaplen(int snaplen) {
        this.snaplen = snaplen;
    }

    /**
     * The name of the frame's interface (pcapng {@code if_name}), or {@code null} when the capture
     * format has no interface descriptions (classic pcap). Like {@link #snaplen()}, it describes the
     * interface and is not reset by {@link #set}.
     */
    public String interfaceName() {
        return interfaceName;
    }

    public void interfaceName(String interfaceName) {
        this.interfaceName = interfaceName;
    }

    /**
     * A deep copy: the captured bytes are copied to the heap, so the copy stays valid after the
     * source moves on and can be handed to another thread (each thread dissecting with its own
     * {@link Engine}). Allocates {@link #capturedLength()} bytes and one object.
     */
    public Frame copy() {
        byte[] bytes = new byte[capturedLength];
        MemorySegment.copy(segment, Bytes.U8, offset, bytes, 0, capturedLength);
        Frame f = new Frame().copyFrom(this);
        f.segment = MemorySegment.ofArray(bytes);
        f.offset = 0;
        return f;
    }

    /** Makes this frame a copy of {@code other}'s description (the bytes are shared, not copied). */
    public Frame copyFrom(Frame other) {
        set(other.number, other.segment, other.offset, other.capturedLength, other.originalLength,
                other.timestampNanos, other.interfaceId, other.linkType);
        this.comment = other.comment;
        this.snaplen = other.snaplen;
        this.interfaceName = other.interfaceName;
        return this;
    }
}
