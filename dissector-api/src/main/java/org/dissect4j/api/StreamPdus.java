package org.dissect4j.api;

/**
 * Splits a byte stream into PDUs, asking the transport for more data when a PDU is cut — Wireshark's
 * {@code tcp_dissect_pdus}. A protocol whose PDUs start with a fixed-size header that tells the PDU
 * length implements {@link Framing} (usually on its dissector object, so nothing is allocated per packet)
 * and calls {@link #dissect} from its {@link Dissector}:
 *
 * <pre>{@code
 * public int dissect(Packet p, int offset, int length) {
 *     return StreamPdus.dissect(p, offset, length, 5, this);   // 5: TLS record header
 * }
 * public int pduLength(Packet p, int offset, int available) { return 5 + p.u16(offset + 3); }
 * public int dissectPdu(Packet p, int offset, int length) { ... one record ... }
 * }</pre>
 *
 * <p>With a {@link Packet#stream() stream} that can desegment, a PDU that does not fit is requested with
 * {@link StreamReassembly#needMore}; without one (UDP, a capture cut by the snaplen, a stream that went
 * over its reassembly bound) the PDU is dissected with the bytes there are, and reads past them end in
 * the usual truncated/malformed marks.
 */
public final class StreamPdus {
    /** How a protocol frames its PDUs on a byte stream. */
    public interface Framing {
        /**
         * The total length of the PDU starting at {@code offset}, when at least the fixed-length part is
         * available ({@code available} captured bytes from {@code offset}); 0 when the length cannot be
         * told yet (one more segment is then requested). It may read the packet (checked reads); a
         * length shorter than the fixed length marks the packet malformed.
         *
         * @param p the packet
         * @param offset where the PDU starts in the current data source
         * @param available the captured bytes from {@code offset} to the end of the data handed over;
         *     at least the fixed length when the stream can desegment
         * @return the PDU's total length in bytes, header included, or 0 when not known yet
         */
        int pduLength(Packet p, int offset, int available);

        /**
         * Dissects one PDU of {@code length} bytes at {@code offset} (fewer may be captured); returns bytes consumed.
         * {@link StreamPdus#dissect} does not use the return value: the next PDU starts at
         * {@code offset} plus the PDU length.
         *
         * @param p the packet
         * @param offset where the PDU starts in the current data source
         * @param length the PDU's length, cut to the data handed over
         * @return the bytes consumed
         */
        int dissectPdu(Packet p, int offset, int length);
    }

    private StreamPdus() {
    }

    /**
     * Dissects the PDUs in {@code length} bytes at {@code offset}; returns the bytes consumed (the PDUs
     * dissected), which is less than {@code length} when more data was requested for the last one.
     * Allocates nothing.
     *
     * <p>When the stream can desegment: fewer than {@code fixedLength} captured bytes, or a
     * {@code pduLength} of 0, ask for {@link StreamReassembly#ONE_MORE_SEGMENT}; a PDU longer than
     * the captured bytes asks for exactly the missing bytes. Without desegmentation the last PDU is
     * dissected with what there is. A {@code pduLength} below {@code fixedLength} marks the packet
     * malformed and consumes the rest.
     *
     * @param p the packet
     * @param offset where the first PDU starts in the current data source
     * @param length the bytes handed over
     * @param fixedLength the bytes needed to tell a PDU's length (its fixed header), 1 or more
     * @param framing the protocol's framing, usually its dissector object
     * @return the bytes consumed: {@code length} unless more data was requested, then the offset
     *     of the PDU that needs it minus {@code offset}
     */
    public static int dissect(Packet p, int offset, int length, int fixedLength, Framing framing) {
        StreamReassembly stream = p.stream();
        boolean can = stream != null && stream.canDesegment();
        int end = offset + length;
        int at = offset;
        while (at < end) {
            int captured = Math.min(end, p.capturedEnd()) - at;
            if (captured <= 0) {
                break;
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
            framing.dissectPdu(p, at, (int) Math.min(plen, (long) end - at));
            long next = (long) at + plen;
            if (next > end) {
                break;
            }
            at = (int) next;
        }
        return end - offset;
    }
}
