package org.dissect4j.tls;

import java.util.Arrays;

import org.dissect4j.api.Packet;

/**
 * The TLS state of one TCP connection (Wireshark's {@code SslSession}): the negotiated version, which side is the
 * server, the frames of each side's ChangeCipherSpec (to tell encrypted handshake messages), the handshake message
 * being reassembled in each direction, and what the ClientHello offered for resumption.
 * One object per connection, reused when the table recycles it; nothing here is allocated per packet. Public only
 * as the opaque state DTLS keeps per association ({@link TlsHandshakeCode}).
 */
public final class TlsSession {
    /** Direction indexes of {@link #hs}. */
    static final int CLIENT = 0, SERVER = 1;

    int version;
    boolean serverKnown;
    int serverPort;
    int serverAddrType;
    final byte[] serverAddr = new byte[16];
    long clientCcsFrame;
    long serverCcsFrame;
    final HsReassembly[] hs = {new HsReassembly(), new HsReassembly()};

    // Server side of the handshake.
    int cipher = -1;
    /** Application protocol chosen by ALPN in the ServerHello (0 none, 1 http, 2 http2). */
    int alpnApp;

    // Resumption (see TlsResumption).
    int offered;
    final byte[] offeredSessionId = new byte[32];
    int offeredSessionIdLength;
    long offeredTicketHash;
    int offeredTicketLength;
    long offeredOriginFrame;
    /** What the handshake means for resumption so far: a {@link TlsHandshakeStates} state. */
    int handshakeState;
    /** Decryption state, made on the first record when a key log is given ({@link TlsDecryption#keys}). */
    TlsSessionKeys keys;
    /** DTLS's own parts of the hellos ({@link TlsHandshakeCode}); null for TLS. */
    TlsHandshakeCode.Datagram datagram;

    void reset() {
        version = TlsWire.VERSION_UNKNOWN;
        serverKnown = false;
        serverPort = 0;
        serverAddrType = 0;
        clientCcsFrame = 0;
        serverCcsFrame = 0;
        hs[0].clear();
        hs[1].clear();
        cipher = -1;
        alpnApp = 0;
        handshakeState = TlsHandshakeStates.UNDECIDED;
        if (keys != null) {
            keys.reset();
        }
        resetOffers();
    }

    /** Forgets what the last ClientHello offered for resumption. */
    void resetOffers() {
        offered = 0;
        offeredSessionIdLength = 0;
        offeredTicketHash = 0;
        offeredTicketLength = 0;
        offeredOriginFrame = 0;
    }

    /** Records the server side of the connection: the destination of the ClientHello ({@code ssl_set_server}). */
    void setServer(Packet p) {
        serverKnown = true;
        serverPort = p.dstPort();
        serverAddrType = p.netType();
        System.arraycopy(p.netDst(), 0, serverAddr, 0, 16);
    }

    /** Wireshark's {@code ssl_packet_from_server}: by the recorded server, else by a registered TLS port. */
    boolean fromServer(Packet p, boolean[] tlsPorts) {
        if (serverKnown) {
            if (p.srcPort() != serverPort || p.netType() != serverAddrType) {
                return false;
            }
            int n = serverAddrType == Packet.AT_IPV6 ? 16 : 4;
            return Arrays.equals(serverAddr, 0, n, p.netSrc(), 0, n);
        }
        int sp = p.srcPort();
        return sp >= 0 && sp < tlsPorts.length && tlsPorts[sp];
    }

    /**
     * One direction's handshake message in reassembly (a message longer than its record). The bytes are copied here
     * because the records arrive in different frames; the buffer grows to the message length, bounded by
     * {@link TlsSessions#maxMessage}.
     */
    static final class HsReassembly {
        static final int MAX_FRAGMENT_FRAMES = 64;
        boolean active;
        int msgType;
        byte[] buf = TlsHandshakeReassembly.NO_BYTES;
        int length;
        /** Past the size bound: the message is followed to its end (its {@link #discardLength}) without its bytes. */
        boolean discarding;
        int discardLength;
        /** Frames and lengths of the fragments; grown on demand (most sessions never fragment a message). */
        long[] fragmentFrame = new long[0];
        int[] fragmentLength = new int[0];
        int fragments;

        void addFragment(long frame, int length) {
            if (fragments < MAX_FRAGMENT_FRAMES) {
                if (fragments == fragmentFrame.length) {
                    int n = Math.min(MAX_FRAGMENT_FRAMES, Math.max(4, fragments * 2));
                    fragmentFrame = java.util.Arrays.copyOf(fragmentFrame, n);
                    fragmentLength = java.util.Arrays.copyOf(fragmentLength, n);
                }
                fragmentFrame[fragments] = frame;
                fragmentLength[fragments] = length;
            }
            fragments++;
        }

        void clear() {
            active = false;
            discarding = false;
            length = 0;
            fragments = 0;
        }

        /** The message length once its 4-byte header is known, else 0. */
        int messageLength() {
            if (length < TlsWire.HANDSHAKE_HEADER_LENGTH) {
                return 0;
            }
            return TlsWire.HANDSHAKE_HEADER_LENGTH + (((buf[1] & 0xff) << 16) | ((buf[2] & 0xff) << 8) | (buf[3] & 0xff));
        }
    }
}
