package org.dissect4j.api;

/**
 * Thrown by the checked reads of {@link Packet} when a dissector reads past the end of its data.
 * There are exactly two preallocated instances and no stack traces, so a hostile packet costs no
 * allocation: {@link #TRUNCATED} (past what was captured, within what the packet declared — the
 * snaplen cut it) and {@link #MALFORMED} (past the length the protocol itself declared).
 * The {@link Packet} catches it at the hand-off that called the dissector, marks the frame, and
 * the calling layer goes on.
 */
public final class PacketBoundsException extends RuntimeException {
    /** Past the captured bytes: "[Packet size limited during capture]". */
    public static final PacketBoundsException TRUNCATED = new PacketBoundsException("packet size limited during capture");
    /** Past the reported length: "[Malformed Packet]". */
    public static final PacketBoundsException MALFORMED = new PacketBoundsException("malformed packet");

    private PacketBoundsException(String message) {
        super(message, null, false, false);
    }
}
