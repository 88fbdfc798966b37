package org.dissect4j.tunnel.socks;

import java.lang.foreign.MemorySegment;

/**
 * What one SOCKS connection has negotiated so far (Wireshark's {@code socks_hash_entry_t}): the version, where the
 * handshake stands, and what the tunnel leads to. Kept as the connection's conversation data; a few fields, no
 * buffers.
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

    void reset() {
        version = 0;
        state = NONE;
        clientPort = -1;
        command = 0;
        remotePort = 0;
        addressType = ADDRESS_NONE;
    }
}
