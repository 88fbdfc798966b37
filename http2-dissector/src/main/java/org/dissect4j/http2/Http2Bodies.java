package org.dissect4j.http2;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.StreamReassembly;

/**
 * Hands a DATA frame's body to the dissector the {@code media_type} table names for the stream's content type
 * (lower-cased, parameters dropped), as Wireshark does for a body in one DATA frame that ends its stream: e.g.
 * "Line-based text data", which appends {@code (text/plain)} to the Info column. The last {@link #SLOTS} types
 * looked up are remembered by their bytes, so a lookup makes no String after the first.
 */
final class Http2Bodies {
    private static final int SLOTS = 16;
    private final byte[][] keys = new byte[SLOTS][];
    private final DissectorHandle[] handles = new DissectorHandle[SLOTS];
    private final byte[] key = new byte[Http2Connection.CONTENT_TYPE_MAX];
    private int next;
    private DissectorTable mediaTypes;

    void wire(DissectorTable mediaTypes) {
        this.mediaTypes = mediaTypes;
    }

    /** Calls the body's dissector on {@code [off, off + len)} of the current source when its media type has one. */
    void body(Packet p, Http2Connection c, int dir, int stream, int off, int len) {
        if (mediaTypes == null || c == null) {
            return;
        }
        int n = c.mediaType(stream, dir, key);
        if (n <= 0) {
            return;
        }
        DissectorHandle h = lookup(n);
        if (h == null) {
            return;
        }
        // inside the HTTP/2 item as Wireshark draws it; a payload, so no stream and the Protocol column stays HTTP2
        StreamReassembly transport = p.stream();
        String protocolColumn = p.protocolColumn();
        p.stream(null);
        try {
            p.callNested(h, off, len);
        } finally {
            p.stream(transport);
            p.protocolColumn(protocolColumn);
        }
    }

    private DissectorHandle lookup(int n) {
        for (int i = 0; i < SLOTS; i++) {
            if (keys[i] != null && keys[i].length == n && Arrays.equals(keys[i], 0, n, key, 0, n)) {
                return handles[i];
            }
        }
        DissectorHandle h = mediaTypes.get(new String(key, 0, n, StandardCharsets.ISO_8859_1));
        keys[next] = Arrays.copyOf(key, n);
        handles[next] = h;
        next = (next + 1) % SLOTS;
        return h;
    }
}
