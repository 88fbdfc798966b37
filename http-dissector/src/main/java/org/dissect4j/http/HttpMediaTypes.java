package org.dissect4j.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;

/**
 * Looks a media type (lower-case bytes) up in the {@code media_type} string table without making a String
 * each time: the last {@link #SLOTS} types seen are remembered with their handle. One per dissector instance (each
 * engine, so each {@code --threads} worker, has its own): no lock on the per-packet path.
 */
final class HttpMediaTypes {
    private static final int SLOTS = 32;
    private final byte[][] keys = new byte[SLOTS][];
    private final DissectorHandle[] handles = new DissectorHandle[SLOTS];
    private final DissectorTable[] tables = new DissectorTable[SLOTS];
    private int next;

    DissectorHandle lookup(DissectorTable table, byte[] key, int len) {
        for (int i = 0; i < SLOTS; i++) {
            byte[] k = keys[i];
            if (k != null && tables[i] == table && k.length == len && Arrays.equals(k, 0, len, key, 0, len)) {
                return handles[i];
            }
        }
        DissectorHandle h = table.get(new String(key, 0, len, StandardCharsets.ISO_8859_1));
        int slot = next;
        next = (next + 1) % SLOTS;
        keys[slot] = Arrays.copyOf(key, len);
        handles[slot] = h;
        tables[slot] = table;
        return h;
    }
}
