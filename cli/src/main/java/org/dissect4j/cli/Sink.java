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
}
