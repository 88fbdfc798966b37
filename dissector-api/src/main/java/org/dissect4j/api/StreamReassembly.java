package org.dissect4j.api;

/**
 * The byte-stream reassembly service a transport (TCP) offers to the dissector it calls, modelled on
 * Wireshark's {@code pinfo->can_desegment} / {@code desegment_offset} / {@code desegment_len} contract
 * behind {@code tcp_dissect_pdus}.
 *
 * <p><b>Where it comes from.</b> TCP sets it with {@link Packet#stream(StreamReassembly)} just before it
 * calls the next dissector on a segment's payload (or on bytes it reassembled) and takes it away again
 * afterwards; outside that call {@link Packet#stream()} is {@code null}. It is meant for the dissector TCP
 * called directly (HTTP, TLS, a plugin): a dissector that hands data on to yet another layer should not
 * let that layer use it (set it to {@code null} around the call) unless it really is the same byte stream.
 *
 * <p><b>Contract.</b> A dissector that finds that the PDU starting at {@code offset} continues past the
 * data it was given calls {@link #needMore(int, int)} and returns the bytes it consumed before
 * {@code offset} (0 if none: the data is then shown as "[TCP segment of a reassembled PDU]" and nothing it
 * recorded is kept, exactly as a heuristic rejection — except that TCP does not try other dissectors).
 * TCP buffers the in-order stream of that direction and calls the dissector again, once the PDU is
 * complete, with the reassembled bytes as a new data source of the frame that completed it
 * ({@link #isReassembled()} is then true and {@link Packet#source()} is that source). The reassembled
 * bytes stay valid until the next frame is dissected. Asking is only allowed when {@link #canDesegment()}
 * is true (retransmissions, truncated or corrupt segments and bounded-out streams cannot be reassembled);
 * a dissector must then dissect what it has.
 *
 * <p>Implementations never allocate for these calls.
 */
public interface StreamReassembly {
    /** {@link #needMore} amount: the length is unknown, reassemble at least one more segment (Wireshark's DESEGMENT_ONE_MORE_SEGMENT). */
    int ONE_MORE_SEGMENT = 0x0fffffff;
    /** {@link #needMore} amount: everything up to the end of this direction of the connection (FIN). */
    int UNTIL_FIN = 0x0ffffffe;

    /**
     * Whether the dissector may ask for more data now.
     *
     * @return {@code false} for retransmissions, truncated or corrupt segments and streams over their
     *     reassembly bound
     */
    boolean canDesegment();

    /**
     * Asks for more data: the PDU that starts at {@code offset} (of the current data source) needs
     * {@code moreBytes} more bytes after the end of the data handed over, or {@link #ONE_MORE_SEGMENT},
     * or {@link #UNTIL_FIN}. The last call before the dissector returns wins. Ignored when
     * {@link #canDesegment()} is false.
     *
     * @param offset where the incomplete PDU starts in the current data source
     * @param moreBytes the bytes missing, 1 or more, or one of the two constants
     */
    void needMore(int offset, int moreBytes);

    /**
     * Whether the segment that carried this data also carries FIN: nothing more follows in this
     * direction, so asking for {@link #UNTIL_FIN} is pointless.
     *
     * @return {@code true} with FIN; {@code false} by default
     */
    default boolean fin() {
        return false;
    }

    /**
     * Whether the data handed over was reassembled from more than one segment.
     *
     * @return {@code true} when the data is a reassembled data source
     */
    boolean isReassembled();

    /**
     * The (relative, as {@code tcp.seq} shows it) sequence number of the first byte handed over.
     *
     * @return the sequence number
     */
    long sequence();

    /**
     * The stream index of the connection ({@code tcp.stream}).
     *
     * @return the index the transport gave the connection
     */
    int streamIndex();

    /**
     * Routes the rest of this connection, both directions, to {@code handle} before any port or
     * heuristic lookup — Wireshark's {@code conversation_set_dissector}, as a heuristic dissector does
     * once it recognised its protocol.
     *
     * @param handle the dissector for the rest of the connection
     */
    void claim(DissectorHandle handle);
}
