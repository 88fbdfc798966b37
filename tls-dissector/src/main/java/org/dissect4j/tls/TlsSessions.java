package org.dissect4j.tls;

import org.dissect4j.api.ConversationData;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Registrar;

/**
 * TLS state per connection, kept as the connection's {@link ConversationData}: made on the first
 * record of a connection, dropped when TCP forgets the connection (then its handshake reassembly
 * bytes are given back to the global bound). Lookups never allocate.
 */
final class TlsSessions {
    /** Bytes held by all sessions' handshake reassembly buffers (bounded by {@link #maxReassemblyBytes}). */
    long reassemblyBytes;
    /**
     * Bound on {@link #reassemblyBytes} ({@code -o tls.handshake.max_reassembly_bytes}, 64 MiB): past it, new
     * handshake messages and decrypted application data are not reassembled (expert {@code tls.handshake.reassembly_limit}).
     */
    long maxReassemblyBytes = 64L << 20;
    /** The longest handshake message reassembled ({@code -o tls.handshake.max_message_bytes}, 1 MiB). */
    int maxMessage = 1 << 20;
    /** For data without a connection (no transport below): one scratch session, reset on every use. */
    private final TlsSession stateless = new TlsSession();
    private ConversationData<TlsSession> perConnection;

    /** Declares the per-connection slot (at registration). */
    void declare(Registrar r) {
        perConnection = r.conversationData("tls.session", TlsSessions::newSession, this::forget);
    }

    private static TlsSession newSession() {
        TlsSession s = new TlsSession();
        s.reset();
        return s;
    }

    /** The session of the packet's connection, or a freshly reset scratch session when there is none. */
    TlsSession get(Packet p) {
        TlsSession s = perConnection == null ? null : perConnection.getOrCreate(p);
        if (s == null) {
            stateless.reset();
            return stateless;
        }
        return s;
    }

    /** A session the transport forgot: its reassembly buffers no longer count against the bound. */
    private void forget(TlsSession s) {
        for (TlsSession.HsReassembly r : s.hs) {
            reassemblyBytes -= r.buf.length;
        }
        if (s.keys != null) {
            for (TlsAppReassembly a : s.keys.app) {
                reassemblyBytes -= a.buf.length;
            }
        }
    }
}
