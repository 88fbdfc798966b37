package org.dissect4j.tls;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Packet;

/**
 * Bytes reassembled in this frame, copied into one reused array and added to the tree as data sources (a source must
 * stay valid for the whole frame, while the buffer it was reassembled in goes on). Used by TLS's and DTLS's handshake
 * reassembly. Allocates only when a frame's messages outgrow the array.
 */
public final class FrameArena {
    private byte[] arena = new byte[8192];
    private MemorySegment segment = MemorySegment.ofArray(arena);
    private int used;
    private long frame = -1;

    /**
     * Copies {@code from[0, len)} into the arena and adds it to the packet's tree as a data source.
     *
     * @param p the packet
     * @param from the reassembled bytes
     * @param len how many
     * @param name the source's name ("Reassembled TLS Handshake")
     * @return the source index
     */
    public int source(Packet p, byte[] from, int len, String name) {
        long number = p.frame().number();
        if (number != frame) {
            frame = number;
            used = 0;
        }
        if (arena.length - used < len) {
            // Earlier sources of this frame keep the old array alive through their segment.
            arena = new byte[Math.max(len, arena.length * 2)];
            segment = MemorySegment.ofArray(arena);
            used = 0;
        }
        System.arraycopy(from, 0, arena, used, len);
        int src = p.tree().addSource(segment, used, len, name);
        used += len;
        return src;
    }
}
