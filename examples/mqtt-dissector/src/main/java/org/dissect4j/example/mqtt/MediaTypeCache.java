package org.dissect4j.example.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;

/**
 * Looks a media type up in the string-keyed {@code media_type} table without making a String per packet:
 * the last {@link #SLOTS} keys seen are remembered with what the table answered. One per dissector (an
 * engine is single-threaded), so no locking.
 */
final class MediaTypeCache {
    private static final int SLOTS = 16;
    private final byte[][] keys = new byte[SLOTS][];
    private final DissectorHandle[] handles = new DissectorHandle[SLOTS];
    private int next;

    /** The handle for the first {@code len} bytes of {@code key} (ASCII), or {@code null}. */
    DissectorHandle lookup(DissectorTable table, byte[] key, int len) {
        for (int i = 0; i < SLOTS; i++) {
            byte[] k = keys[i];
            if (k != null && k.length == len && Arrays.equals(k, 0, len, key, 0, len)) {
                return handles[i];
            }
        }
        DissectorHandle h = table.get(new String(key, 0, len, StandardCharsets.ISO_8859_1));
        keys[next] = Arrays.copyOf(key, len);
        handles[next] = h;
        next = (next + 1) % SLOTS;
        return h;
    }
}
