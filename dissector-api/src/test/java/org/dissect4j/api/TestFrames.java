package org.dissect4j.api;

import java.lang.foreign.MemorySegment;

/** Builds frames from hex for tests. */
final class TestFrames {
    private TestFrames() {
    }

    static byte[] hex(String s) {
        String h = s.replaceAll("[^0-9a-fA-F]", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    /** A tree that knows {@code fields} (as an engine's would, without owners). */
    static Tree tree(Field... fields) {
        FieldRegistry r = new FieldRegistry();
        for (Field f : fields) {
            r.add(f, null);
        }
        return new Tree(r);
    }

    static Frame frame(long number, byte[] bytes, int linkType) {
        return new Frame().set(number, MemorySegment.ofArray(bytes), 0, bytes.length, bytes.length,
                1_700_000_000_000_000_000L + number * 1000, 0, linkType);
    }
}
