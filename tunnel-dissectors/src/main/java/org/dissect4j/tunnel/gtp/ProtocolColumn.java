package org.dissect4j.tunnel.gtp;

/**
 * The Protocol column of a tunnelled packet, {@code GTP <TCP>}: the wrapped text is cached per inner name (a
 * handful of protocols), so a capture's packets reuse a few strings instead of concatenating each time.
 */
final class ProtocolColumn {
    private static final int SLOTS = 16;

    private final String prefix;
    private final String[] inner = new String[SLOTS];
    private final String[] wrapped = new String[SLOTS];
    private int nextSlot;

    ProtocolColumn(String prefix) {
        this.prefix = prefix;
    }

    /** {@code prefix + name + ">"}, from the cache when {@code name} was seen (names are interned constants). */
    String wrap(String name) {
        for (int i = 0; i < SLOTS; i++) {
            if (inner[i] == name) {
                return wrapped[i];
            }
        }
        int slot = nextSlot;
        nextSlot = (nextSlot + 1) % SLOTS;
        inner[slot] = name;
        wrapped[slot] = prefix + name + ">";
        return wrapped[slot];
    }
}
