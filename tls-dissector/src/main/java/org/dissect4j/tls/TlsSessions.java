package org.dissect4j.tls;

/**
 * TLS sessions by TCP stream index ({@code tcp.stream}): open addressing over int keys, at most
 * {@link #MAX_SESSIONS} connections; past that the table starts afresh (connections then lose their handshake
 * state, like a capture that starts mid-stream). Sessions are created once per connection; lookups never allocate.
 */
final class TlsSessions {
    static final int MAX_SESSIONS = 1 << 16;

    private int[] keys = new int[1024];
    private TlsSession[] values = new TlsSession[1024];
    private int size;
    /** Bytes held by all sessions' handshake reassembly buffers (bounded by {@link #MAX_REASSEMBLY_BYTES}). */
    long reassemblyBytes;
    /** Bound on {@link #reassemblyBytes}: past it, new handshake messages are not reassembled. */
    static final long MAX_REASSEMBLY_BYTES = 64L << 20;
    /** For data without a stream (no TCP below): one scratch session, reset on every use. */
    private final TlsSession stateless = new TlsSession();

    TlsSession stateless() {
        stateless.reset();
        return stateless;
    }

    TlsSession get(int stream) {
        if (stream < 0) {
            return stateless();
        }
        int mask = keys.length - 1;
        int i = mix(stream) & mask;
        while (values[i] != null) {
            if (keys[i] == stream) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        if (size >= MAX_SESSIONS) {
            keys = new int[1024];
            values = new TlsSession[1024];
            size = 0;
            reassemblyBytes = 0;
            return get(stream);
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
            return get(stream);
        }
        TlsSession s = new TlsSession();
        s.reset();
        keys[i] = stream;
        values[i] = s;
        size++;
        return s;
    }

    int size() {
        return size;
    }

    private void grow() {
        int[] ok = keys;
        TlsSession[] ov = values;
        keys = new int[ok.length * 2];
        values = new TlsSession[ok.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < ok.length; j++) {
            if (ov[j] != null) {
                int i = mix(ok[j]) & mask;
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = ok[j];
                values[i] = ov[j];
            }
        }
    }

    private static int mix(int k) {
        int h = k * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
