package org.dissect4j.tls;

import org.dissect4j.api.DissectorHandle;

/**
 * What one connection needs for decryption (Wireshark's {@code SslDecryptSession}): the randoms, the record
 * protection of each direction (current and, for TLS 1.3 trial decryption, next), the application protocol the
 * decrypted data goes to and the application data being reassembled across records in each direction. Made on
 * the first record of a connection when a key log is given; reused when the session is.
 */
final class TlsSessionKeys {
    final byte[] clientRandom = new byte[32];
    final byte[] serverRandom = new byte[32];
    boolean haveClientRandom;
    boolean haveServerRandom;
    /** The server's session ID (ServerHello) and the TLS 1.0-1.2 master secret once known: for resumption. */
    final byte[] sessionId = new byte[32];
    int sessionIdLength;
    byte[] master;
    /** encrypt_then_mac offered by the client and echoed by the server (RFC 7366). */
    boolean etmOffered;
    boolean etmAccepted;
    /** Whether the client offered early data (0-RTT) in its ClientHello. */
    boolean earlyDataOffered;
    /** Current protection per direction ({@link TlsSession#CLIENT}, {@link TlsSession#SERVER}); null: plaintext. */
    final TlsDecoder[] current = new TlsDecoder[2];
    /** TLS 1.3: the protection that follows (handshake after early data, a key switch not yet seen), tried when the current fails. */
    final TlsDecoder[] next = new TlsDecoder[2];
    /** TLS 1.3: the protection after {@link #next} (the client's application keys when it sent early data). */
    final TlsDecoder[] after = new TlsDecoder[2];
    /** TLS 1.3 0-RTT before the ServerHello: early-data decoders for each TLS 1.3 suite the client offered, tried in turn. */
    TlsDecoder[] earlyCandidates;
    /** TLS 1.3: switch to the application traffic secret (after Finished) or the updated one (KeyUpdate) after this record. */
    final int[] switchAfterRecord = new int[2];
    static final int SWITCH_NONE = 0, SWITCH_NEXT = 1, SWITCH_UPDATE = 2;
    /** The application protocol chosen by ALPN or claimed by a heuristic. */
    DissectorHandle appHandle;
    final TlsAppReassembly[] app = {new TlsAppReassembly(), new TlsAppReassembly()};
    /** The second pass of {@code -2}: application data reassembled again from the kept plaintexts; made when first used. */
    private TlsAppReassembly[] replay;

    TlsAppReassembly replayApp(int dir) {
        if (replay == null) {
            replay = new TlsAppReassembly[] {new TlsAppReassembly(), new TlsAppReassembly()};
        }
        return replay[dir];
    }

    void reset() {
        haveClientRandom = false;
        haveServerRandom = false;
        sessionIdLength = 0;
        master = null;
        etmOffered = false;
        etmAccepted = false;
        earlyDataOffered = false;
        current[0] = current[1] = null;
        next[0] = next[1] = null;
        after[0] = after[1] = null;
        earlyCandidates = null;
        switchAfterRecord[0] = switchAfterRecord[1] = SWITCH_NONE;
        appHandle = null;
        app[0].clear();
        app[1].clear();
        replay = null;
    }
}
