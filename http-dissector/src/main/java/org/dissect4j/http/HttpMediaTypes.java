package org.dissect4j.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;

/**
 * Looks a media type (lower-case bytes) up in the {@code media_type} string table without making a String
 * each time: the last {@link #SLOTS} types seen are remembered with their handle.
 */
final class HttpMediaTypes {
    private static final int SLOTS = 32;
    private static final byte[][] KEYS = new byte[SLOTS][];
    private static final DissectorHandle[] HANDLES = new DissectorHandle[SLOTS];
    private static final DissectorTable[] TABLES = new DissectorTable[SLOTS];
    private static int next;

    private HttpMediaTypes() {
    }

    static synchronized DissectorHandle lookup(DissectorTable table, byte[] key, int len) {
        for (int i = 0; i < SLOTS; i++) {
            byte[] k = KEYS[i];
            if (k != null && TABLES[i] == table && k.length == len && Arrays.equals(k, 0, len, key, 0, len)) {
                return HANDLES[i];
            }
        }
        DissectorHandle h = table.get(new String(key, 0, len, StandardCharsets.ISO_8859_1));
        int slot = next;
        next = (next + 1) % SLOTS;
        KEYS[slot] = Arrays.copyOf(key, len);
        HANDLES[slot] = h;
        TABLES[slot] = table;
        return h;
    }
}
