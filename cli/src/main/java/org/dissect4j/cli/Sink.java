package org.dissect4j.cli;

import java.io.IOException;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;

/** Where dissected packets go: summaries, fields, JSON, the detail tree, a capture file. */
interface Sink {
    /** Marks the fields and columns this output reads, before the first packet. */
    default void prime(org.dissect4j.api.Engine engine) {
    }

    void packet(Frame frame, Packet packet) throws IOException;

    /**
     * Whether this output sees every packet read, as tshark's {@code -z} statistics do, rather than only
     * those {@code -Y} selects (the printed outputs, {@code --handshakes} and {@code --flow}).
     */
    default boolean seesEveryPacket() {
        return false;
    }

    default void finish() throws IOException {
    }

    /**
     * Makes this instance a worker's copy for {@code --threads}: it writes each packet as if another one
     * came before it, and nothing between packets (no header line, no separator); the instance that
     * prints writes those with {@link #beforePacket}. What {@link #prime} writes is discarded.
     */
    default void worker() {
    }

    /**
     * On the instance that prints, with {@code --threads}: writes what comes before a packet that a
     * worker's copy wrote ({@code -E header=y}'s line before the first, JSON's comma between two).
     *
     * @param first whether it is the first packet printed
     */
    default void beforePacket(boolean first) {
    }
}
