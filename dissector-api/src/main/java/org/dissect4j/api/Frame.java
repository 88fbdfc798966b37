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
    private long firstTimestampNanos = Long.MIN_VALUE;
    private long previousTimestampNanos = Long.MIN_VALUE;
    private long bytesBefore = -1;

    /** A frame with no bytes ({@link MemorySegment#NULL}) until a capture source calls {@link #set}. */
    public Frame() {
    }

    /**
     * Points this frame at new bytes; called by capture sources for every frame. Resets the comment;
     * keeps {@link #snaplen()} and {@link #interfaceName()}. Nothing is copied or checked.
     *
     * @param number the 1-based frame number
     * @param segment the segment holding the bytes; must stay valid while the frame is used
     * @param offset where the first byte lies in {@code segment}
     * @param capturedLength bytes captured
     * @param originalLength bytes the packet had on the wire
     * @param timestampNanos nanoseconds since the epoch
     * @param interfaceId the capture interface's index
     * @param linkType the pcap {@code LINKTYPE_*} of the interface
     * @return this frame
     */
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
        this.firstTimestampNanos = Long.MIN_VALUE;
        this.previousTimestampNanos = Long.MIN_VALUE;
        this.bytesBefore = -1;
        return this;
    }

    /**
     * Tells the frame where it stands in its capture, for a dissector that does not see every frame
     * (one worker of a parallel dissection sees only its share): the timestamp of the capture's first
     * frame, of the frame read just before this one (this frame's own for the first frame), and the
     * wire bytes of all frames read before it. The {@code frame} dissector computes
     * {@code frame.time_relative} and {@code frame.time_delta} from these values when they are set,
     * and from the frames it saw otherwise. {@link #set} clears them; {@link #copyFrom} copies them.
     *
     * @param firstTimestampNanos the first frame's timestamp, nanoseconds since the epoch
     * @param previousTimestampNanos the previous frame's timestamp (this frame's own for the first)
     * @param bytesBefore the sum of {@link #originalLength()} of the frames read before this one
     * @return this frame
     */
    public Frame captureContext(long firstTimestampNanos, long previousTimestampNanos, long bytesBefore) {
        this.firstTimestampNanos = firstTimestampNanos;
        this.previousTimestampNanos = previousTimestampNanos;
        this.bytesBefore = bytesBefore;
        return this;
    }

    /**
     * The capture's first timestamp given by {@link #captureContext}.
     *
     * @return nanoseconds since the epoch, or {@link Long#MIN_VALUE} when no context was set
     */
    public long firstTimestampNanos() {
        return firstTimestampNanos;
    }

    /**
     * The previous frame's timestamp given by {@link #captureContext}.
     *
     * @return nanoseconds since the epoch, or {@link Long#MIN_VALUE} when no context was set
     */
    public long previousTimestampNanos() {
        return previousTimestampNanos;
    }

    /**
     * The wire bytes of the frames before this one, given by {@link #captureContext}.
     *
     * @return the byte count, or -1 when no context was set
     */
    public long bytesBefore() {
        return bytesBefore;
    }

    /**
     * The segment holding the frame's bytes (a mapped file, a buffer, libpcap's memory). Owned by
     * the capture source: valid until the next frame is pulled.
     *
     * @return the segment ({@link MemorySegment#NULL} before the first {@link #set})
     */
    public MemorySegment segment() {
        return segment;
    }

    /**
     * Where the frame's first byte lies in {@link #segment()}.
     *
     * @return the byte offset
     */
    public long offset() {
        return offset;
    }

    /**
     * Bytes captured ({@code caplen}).
     *
     * @return the number of bytes at {@link #offset()}
     */
    public int capturedLength() {
        return capturedLength;
    }

    /**
     * Bytes the packet had on the wire ({@code len}). Capture formats make it at least
     * {@link #capturedLength()}; {@link #set} does not check it, and the engine uses the larger of the two.
     *
     * @return the length on the wire in bytes
     */
    public int originalLength() {
        return originalLength;
    }

    /**
     * Nanoseconds since 1970-01-01T00:00Z.
     *
     * @return the timestamp
     */
    public long timestampNanos() {
        return timestampNanos;
    }

    /**
     * The index of the capture interface the frame came from (the pcapng interface id).
     *
     * @return the index
     */
    public int interfaceId() {
        return interfaceId;
    }

    /**
     * The pcap {@code LINKTYPE_*} of the frame's interface (see {@link LinkType}).
     *
     * @return the link type
     */
    public int linkType() {
        return linkType;
    }

    /**
     * 1-based frame number.
     *
     * @return the number
     */
    public long number() {
        return number;
    }

    /**
     * The pcapng {@code opt_comment} of the packet, or {@code null}.
     *
     * @return the comment
     */
    public String comment() {
        return comment;
    }

    /**
     * Sets the packet's comment (after {@link #set}, which clears it).
     *
     * @param comment the comment, or {@code null}
     */
    public void comment(String comment) {
        this.comment = comment;
    }

    /**
     * The interface's snapshot length, or 0 when unknown.
     *
     * @return the snaplen in bytes
     */
    public int snaplen() {
        return snaplen;
    }

    /**
     * Sets the interface's snapshot length; kept by {@link #set}.
     *
     * @param snaplen bytes, 0 when unknown
     */
    public void snaplen(int snaplen) {
        this.snaplen = snaplen;
    }

    /**
     * The name of the frame's interface as Wireshark shows it (pcapng {@code if_name}, else
     * {@code if_description}, else {@code if_hardware}, else "unknown"; the device of a live capture), or
     * {@code null} when the capture format has no interface descriptions (classic pcap). Like {@link #snaplen()}, it describes the
     * interface and is not reset by {@link #set}.
     *
     * @return the name, or {@code null}
     */
    public String interfaceName() {
        return interfaceName;
    }

    /**
     * Sets the interface's name; kept by {@link #set}.
     *
     * @param interfaceName the name, or {@code null}
     */
    public void interfaceName(String interfaceName) {
        this.interfaceName = interfaceName;
    }

    /**
     * A deep copy: the captured bytes are copied to the heap, so the copy stays valid after the
     * source moves on and can be handed to another thread (each thread dissecting with its own
     * {@link Engine}). Allocates {@link #capturedLength()} bytes and one object.
     *
     * @return a new frame over a heap copy of the bytes, at offset 0
     */
    public Frame copy() {
        byte[] bytes = new byte[capturedLength];
        MemorySegment.copy(segment, Bytes.U8, offset, bytes, 0, capturedLength);
        Frame f = new Frame().copyFrom(this);
        f.segment = MemorySegment.ofArray(bytes);
        f.offset = 0;
        return f;
    }

    /**
     * Makes this frame a copy of {@code other}'s description, its capture context included (the bytes
     * are shared, not copied).
     *
     * @param other the frame to copy
     * @return this frame
     */
    public Frame copyFrom(Frame other) {
        set(other.number, other.segment, other.offset, other.capturedLength, other.originalLength,
                other.timestampNanos, other.interfaceId, other.linkType);
        this.comment = other.comment;
        this.snaplen = other.snaplen;
        this.interfaceName = other.interfaceName;
        this.firstTimestampNanos = other.firstTimestampNanos;
        this.previousTimestampNanos = other.previousTimestampNanos;
        this.bytesBefore = other.bytesBefore;
        return this;
    }
}
