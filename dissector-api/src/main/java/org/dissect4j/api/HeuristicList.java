package org.dissect4j.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of heuristic dissectors ({@code tcp}, {@code udp}): each is asked in turn whether the
 * data is its protocol. A heuristic returns 0 ("not mine") without side effects — the
 * {@link Packet} rolls back anything it recorded. Entries can be enabled and disabled by their
 * short name ({@code http_tcp}, {@code tls_tcp}), like tshark's {@code --enable-heuristic}.
 */
public final class HeuristicList {
    /** One heuristic: its short name, display name, handle and whether it is on. */
    public static final class Entry {
        private final String shortName;
        private final String displayName;
        private final DissectorHandle handle;
        private boolean enabled;

        Entry(String shortName, String displayName, DissectorHandle handle, boolean enabled) {
            this.shortName = shortName;
            this.displayName = displayName;
            this.handle = handle;
            this.enabled = enabled;
        }

        public String shortName() {
            return shortName;
        }

        public String displayName() {
            return displayName;
        }

        public DissectorHandle handle() {
            return handle;
        }

        public boolean enabled() {
            return enabled;
        }

        public void enabled(boolean on) {
            this.enabled = on;
        }
    }

    private final String name;
    private final String uiName;
    private final List<Entry> entries = new ArrayList<>();
    private Entry[] frozen = new Entry[0];

    HeuristicList(String name, String uiName) {
        this.name = name;
        this.uiName = uiName;
    }

    public String name() {
        return name;
    }

    public String uiName() {
        return uiName;
    }

    /** Adds a heuristic; {@code shortName} must be unique across lists (e.g. {@code mqtt_tcp}). */
    public Entry add(String shortName, String displayName, DissectorHandle handle, boolean enabledByDefault) {
        Entry e = new Entry(shortName, displayName, handle, enabledByDefault);
        entries.add(e);
        frozen = entries.toArray(new Entry[0]);
        return e;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** How many heuristics the list holds (with {@link #entry(int)}: allocation-free iteration for dissectors). */
    public int size() {
        return frozen.length;
    }

    /** The i-th heuristic in registration order. */
    public Entry entry(int i) {
        return frozen[i];
    }

    /** Entries as an array for allocation-free iteration. */
    Entry[] array() {
        return frozen;
    }

    @Override
    public String toString() {
        return name;
    }
}
