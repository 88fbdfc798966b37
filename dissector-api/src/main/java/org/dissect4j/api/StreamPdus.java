package org.dissect4j.api;

/**
 * Splits a byte stream into PDUs, asking the transport for more data when a PDU is cut — Wireshark's
 * {@code tcp_dissect_pdus}. A protocol whose PDUs start with a fixed-size header that tells the PDU
 * length implements {@link Framing} (usually on its dissector object), makes one {@code StreamPdus}
 * when it is constructed and calls {@link #dissect} from its {@link Dissector}; nothing is allocated
 * per packet:
 *
 * <pre>{@code
 * private final StreamPdus pdus = new StreamPdus(4, this);   // 4: a 4-byte header holding the length
 *
 * public int dissect(Packet p, int offset, int length) {
 *     return pdus.dissect(p, offset, length);
 * }
 * public int pduLength(Packet p, int offset, int available) { return 4 + p.u16(offset + 2); }
 * public int dissectPdu(Packet p, int offset, int reportedLength, int capturedLength) { ... one PDU ... }
 * }</pre>
 *
 * <p><b>Two lengths.</b> Each PDU is dissected in a window of its own, as Wireshark's sub-buffer: its
 * reported length is the PDU length {@link Framing#pduLength} told (computed once per PDU and passed
 * on), its captured length what there is of it. Inside the window a read past the captured bytes throws
 * {@link PacketBoundsException#TRUNCATED} ("[Packet size limited during capture]") and a read past the
 * PDU length {@link PacketBoundsException#MALFORMED}. A PDU that continues past the data handed over
 * (no desegmentation) is cut, not malformed: a read past the end of the data is reported as truncated.
 * The exception ends that PDU only (it is marked on the frame and the next PDU is dissected, as in
 * Wireshark), and the fields the PDU dissector added before it stay in the tree.
 *
 * <p>With a {@link Packet#stream() stream} that can desegment, a PDU that does not fit is requested with
 * {@link StreamReassembly#needMore}; without one (UDP, a capture cut by the snaplen, a stream that went
 * over its reassembly bound) the PDU is dissected with the bytes there are, as tshark does, so its
 * fields up to the cut show.
 *
 * <p><b>Unnarrowed.</b> A loop made with {@link #unnarrowed} keeps the framing (the same requests to the
 * transport, the same next-PDU offsets) but calls {@link Framing#dissectPdu} directly, in the caller's window:
 * for a protocol whose PDU loop Wireshark writes by hand (TLS's {@code dissect_ssl}), where a PDU dissector
 * reads past its PDU's end into the next one and a bounds exception ends the whole call, not one PDU.
 *
 * <p>One instance serves one protocol; it keeps the PDU length of the call in progress in a field, so
 * like the dissectors of an {@link Engine} it is used by one thread at a time (nested calls are fine).
 */
public final class StreamPdus {
    /** What {@link Framing#dissectPdu} returns to end the loop: the rest of the data is left as it is. */
    public static final int STOP = -1;

    /** How a protocol frames its PDUs on a byte stream. */
    public interface Framing {
        /**
         * The total length of the PDU starting at {@code offset}, when at least the fixed-length part is
         * available ({@code available} captured bytes from {@code offset}); 0 when the length cannot be
         * told yet (one more segment is then requested, or, without desegmentation, the rest of the data
         * is left undissected). It may read the packet (checked reads: an exception here ends the
         * protocol's call, not just the PDU); a length shorter than the fixed length marks the packet
         * malformed. When the length is only known to be longer than the data (a length field cut by the
         * end of the data), return a lower bound greater than {@code available}.
         *
         * <p>{@link #dissectPdu} is called next for the same PDU unless more data is requested, so what
         * this method decoded may be kept in fields for it.
         *
         * @param p the packet
         * @param offset where the PDU starts in the current data source
         * @param available the captured bytes from {@code offset} to the end of the data handed over;
         *     at least the fixed length when the stream can desegment
         * @return the PDU's total length in bytes, header included, or 0 when not known yet
         */
        int pduLength(Packet p, int offset, int available);

        /**
         * Dissects one PDU at {@code offset}. The packet is narrowed to the PDU while it runs (not with
         * {@link StreamPdus#unnarrowed}, which calls this in the caller's window):
         * {@link Packet#reportedEnd()} is {@code offset + reportedLength}, or the end of the data handed
         * over when the PDU continues past it, and {@link Packet#capturedEnd()} is
         * {@code offset + capturedLength}. A read past the captured bytes throws
         * {@link PacketBoundsException#TRUNCATED}, past {@code reportedLength} (or past the data, when the
         * PDU is cut) {@link PacketBoundsException#MALFORMED}, which {@link StreamPdus} reports as
         * truncated for a cut PDU; either ends this PDU only.
         *
         * @param p the packet
         * @param offset where the PDU starts in the current data source
         * @param reportedLength the PDU's length as {@link #pduLength} told it
         * @param capturedLength the bytes of the PDU there are: captured and within the data handed
         *     over; less than {@code reportedLength} only without desegmentation
         * @return the bytes consumed (the next PDU starts at {@code offset + reportedLength} whatever
         *     this returns), or {@link StreamPdus#STOP} to leave the rest of the data undissected
         */
        int dissectPdu(Packet p, int offset, int reportedLength, int capturedLength);
    }

    private final int fixedLength;
    private final Framing framing;
    /** Whether each PDU is dissected in a window of its own ({@code false}: {@link #unnarrowed}). */
    private final boolean narrow;
    /** Calls {@link #pdu}; no protocol, so calling it adds nothing to {@code frame.protocols}. */
    private final DissectorHandle pduHandle;
    /** The PDU length of the call in progress, and whether its dissector asked to stop. */
    private int pduLength;
    private boolean stop;

    /**
     * A framing loop for one protocol; make it once, when the dissector is made.
     *
     * @param fixedLength the bytes needed to tell a PDU's length (its fixed header), 1 or more
     * @param framing the protocol's framing, usually its dissector object
     */
    public StreamPdus(int fixedLength, Framing framing) {
        this(fixedLength, framing, true);
    }

    private StreamPdus(int fixedLength, Framing framing, boolean narrow) {
        if (fixedLength < 1) {
            throw new IllegalArgumentException("fixedLength must be at least 1: " + fixedLength);
        }
        this.fixedLength = fixedLength;
        this.framing = framing;
        this.narrow = narrow;
        this.pduHandle = new DissectorHandle("stream-pdu", null, this::pdu);
    }

    /**
     * A framing loop that does not narrow the packet to each PDU, for a protocol whose PDU dissector must
     * be able to read past the PDU's end: Wireshark's TLS frames its records by hand and decodes an
     * extension whose length overruns its record from the next record's bytes. Prefer the constructor:
     * this gives up the per-PDU window and its error containment. The requests to the transport and the
     * offset of the next PDU are as with the constructor; three things differ:
     * <ul>
     * <li>{@link Framing#dissectPdu} is called directly, in the caller's window: its reads are checked
     *     against the caller's bounds, not the PDU's, so keeping to {@code reportedLength} is up to it.
     *     A PDU cut by the end of the data handed over (no desegmentation) is one whose
     *     {@code offset + reportedLength} lies past that end; {@code capturedLength} is as with the
     *     constructor.
     * <li>A {@link PacketBoundsException} in {@link Framing#dissectPdu} is not caught at the PDU: it ends
     *     the loop and the caller's call (the PDUs after it are not dissected), as in a loop written by hand.
     * <li>Reported bytes with nothing captured of them do not throw by themselves: {@link Framing#pduLength}
     *     is asked with {@code available} 0, and throws {@link PacketBoundsException#TRUNCATED} when it reads.
     * </ul>
     *
     * @param fixedLength the bytes needed to tell a PDU's length (its fixed header), 1 or more
     * @param framing the protocol's framing, usually its dissector object
     * @return a loop for one protocol; make it once, when the dissector is made
     */
    public static StreamPdus unnarrowed(int fixedLength, Framing framing) {
        return new StreamPdus(fixedLength, framing, false);
    }

    /**
     * Dissects the PDUs in {@code length} bytes at {@code offset}; returns the bytes consumed (the PDUs
     * dissected), which is less than {@code length} exactly when more data was requested for the last
     * one. Allocates nothing.
     *
     * <p>When the stream can desegment: fewer than {@code fixedLength} captured bytes, or a
     * {@code pduLength} of 0, ask for {@link StreamReassembly#ONE_MORE_SEGMENT}; a PDU longer than
     * the captured bytes asks for exactly the missing bytes. Without desegmentation the last PDU is
     * dissected with what there is. A {@code pduLength} below {@code fixedLength} marks the packet
     * malformed and consumes the rest. Reported bytes with nothing captured of them (a capture cut by
     * the snaplen at a PDU boundary) throw {@link PacketBoundsException#TRUNCATED} (an
     * {@link #unnarrowed} loop asks {@link Framing#pduLength} instead).
     *
     * @param p the packet
     * @param offset where the first PDU starts in the current data source
     * @param length the bytes handed over
     * @return the bytes consumed: {@code length} unless more data was requested, then the offset
     *     of the PDU that needs it minus {@code offset}
     */
    public int dissect(Packet p, int offset, int length) {
        StreamReassembly stream = p.stream();
        boolean can = stream != null && stream.canDesegment();
        int end = offset + length;
        int at = offset;
        while (at < end) {
            int captured = Math.min(end, p.capturedEnd()) - at;
            if (captured <= 0) {
                if (at >= p.reportedEnd()) {
                    break;
                }
                if (narrow) {
                    throw PacketBoundsException.TRUNCATED;
                }
                captured = 0;
            }
            if (can && captured < fixedLength) {
                stream.needMore(at, StreamReassembly.ONE_MORE_SEGMENT);
                return at - offset;
            }
            int plen = framing.pduLength(p, at, captured);
            if (plen == 0) {
                if (can) {
                    stream.needMore(at, StreamReassembly.ONE_MORE_SEGMENT);
                    return at - offset;
                }
                break;
            }
            if (plen < fixedLength) {
                p.markMalformed(at);
                return end - offset;
            }
            if (can && captured < plen) {
                stream.needMore(at, plen - captured);
                return at - offset;
            }
            int window = (int) Math.min(plen, (long) end - at);
            if (narrow ? dissectOne(p, at, plen, window)
                    : framing.dissectPdu(p, at, plen, Math.min(window, captured)) == STOP) {
                break;
            }
            long next = (long) at + plen;
            if (next > end) {
                break;
            }
            at = (int) next;
        }
        return end - offset;
    }

    /** Calls the PDU dissector in the PDU's window; true when it asked to stop. */
    private boolean dissectOne(Packet p, int at, int plen, int window) {
        int savedLength = pduLength;
        boolean savedStop = stop;
        pduLength = plen;
        stop = false;
        try {
            p.call(pduHandle, at, window);
            return stop;
        } finally {
            pduLength = savedLength;
            stop = savedStop;
        }
    }

    /** The PDU window: {@code length} is the reported length of the window, at most the PDU length. */
    private int pdu(Packet p, int offset, int length) {
        int reported = pduLength;
        try {
            stop = framing.dissectPdu(p, offset, reported, p.captured(offset)) == STOP;
        } catch (PacketBoundsException e) {
            // A PDU that continues in data the transport could not give us is cut, not malformed.
            if (e == PacketBoundsException.MALFORMED && reported > length && p.capturedEnd() >= offset + length) {
                throw PacketBoundsException.TRUNCATED;
            }
            throw e;
        }
        return Math.max(1, length);
    }
}
