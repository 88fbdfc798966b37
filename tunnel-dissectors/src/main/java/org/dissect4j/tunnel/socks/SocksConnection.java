package org.dissect4j.tunnel.socks;

import java.lang.foreign.MemorySegment;

/**
 * What one SOCKS connection has negotiated so far (Wireshark's {@code socks_hash_entry_t}): the version, where the
 * handshake stands, what the tunnel leads to, and (for a second pass) which frames carried the handshake. Kept as
 * the connection's conversation data; a few fields and two arrays of 16.
 */
final class SocksConnection {
    /** Handshake states, in the order the messages come (RFC 1928 and 1929; SOCKS 4 has the first two). */
    static final int NONE = 0, V4_REPLY = 1, V5_METHOD = 2, V5_USERPASS = 3, V5_USERPASS_REPLY = 4, V5_REQUEST = 5,
            V5_REPLY = 6, DONE = 7, DONE_UDP = 8;
    static final int ADDRESS_NONE = 0, ADDRESS_V4 = 1, ADDRESS_V6 = 4;

    int version;
    int state = NONE;
    /** The client's port (the side that spoke first), -1 before the first message. */
    int clientPort = -1;
    int command;
    /** The port the tunnel leads to (Wireshark's {@code udp_port}): the request's for a CONNECT, else 0. */
    int remotePort;
    int addressType = ADDRESS_NONE;
    /** The address as Wireshark keeps it: for SOCKS 4, the request's first four bytes (its offset slip). */
    long addressV4;
    final byte[] addressV6 = new byte[16];
    final MemorySegment addressV6Segment = MemorySegment.ofArray(addressV6);

    /** Handshake frames remembered for a second pass ({@code -2}): at most this many, which is more than a handshake has. */
    static final int REMEMBERED = 16;
    private final long[] frames = new long[REMEMBERED];
    private final int[] states = new int[REMEMBERED];
    private int remembered;
    /** The frame whose message ended the handshake, and the state it left, or -1. */
    private long doneFrame = -1;
    private int doneState;

    /**
     * On the first pass, remembers the state a frame of the handshake found, and the frame that ended it; on a
     * second pass, puts back the state the frame found then, so each message is decoded as it was the first time.
     */
    void replay(long frame, boolean visited) {
        if (visited) {
            state = stateAt(frame);
        } else if (state < DONE && remembered < REMEMBERED) {
            frames[remembered] = frame;
            states[remembered++] = state;
        }
    }

    /** Called after a message: notes the frame that ended the handshake (first pass). */
    void settled(long frame) {
        if (state >= DONE && doneFrame < 0) {
            doneFrame = frame;
            doneState = state;
        }
    }

    private int stateAt(long frame) {
        for (int i = 0; i < remembered; i++) {
            if (frames[i] == frame) {
                return states[i];
            }
        }
        return doneFrame >= 0 && frame > doneFrame ? doneState : state;
    }

    void reset() {
        version = 0;
        state = NONE;
        clientPort = -1;
        command = 0;
        remotePort = 0;
        addressType = ADDRESS_NONE;
        remembered = 0;
        doneFrame = -1;
    }
}
