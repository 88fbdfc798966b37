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

        /**
         * The short name that enables or disables it, e.g. {@code mqtt_tcp}.
         *
         * @return the short name
         */
        public String shortName() {
            return shortName;
        }

        /**
         * The name for listings ({@code -G heuristic-decodes}).
         *
         * @return the display name
         */
        public String displayName() {
            return displayName;
        }

        /**
         * The heuristic dissector.
         *
         * @return the handle
         */
        public DissectorHandle handle() {
            return handle;
        }

        /**
         * Whether {@link Packet#tryHeuristics} asks it.
         *
         * @return {@code true} when enabled
         */
        public boolean enabled() {
            return enabled;
        }

        /**
         * Enables or disables it ({@link Engine#enableHeuristic} does it by name).
         *
         * @param on {@code true} to enable
         */
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

    /**
     * The list's name.
     *
     * @return e.g. {@code tcp}
     */
    public String name() {
        return name;
    }

    /**
     * The list's display name.
     *
     * @return the name for listings
     */
    public String uiName() {
        return uiName;
    }

    /**
     * Adds a heuristic at the end of the list (it is asked after those added before). Call it during
     * registration ({@link DissectorPlugin#handoff}). {@code shortName} should be unique across lists
     * (e.g. {@code mqtt_tcp}): {@link Engine#enableHeuristic} acts on the first entry it finds; it is
     * not checked.
     *
     * @param shortName the short name
     * @param displayName the name for listings
     * @param handle the heuristic, e.g. from {@link Registrar#heuristic}
     * @param enabledByDefault whether it is asked until a user turns it off
     * @return the entry
     */
    public Entry add(String shortName, String displayName, DissectorHandle handle, boolean enabledByDefault) {
        Entry e = new Entry(shortName, displayName, handle, enabledByDefault);
        entries.add(e);
        frozen = entries.toArray(new Entry[0]);
        return e;
    }

    /**
     * The heuristics in registration order.
     *
     * @return an unmodifiable copy
     */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * How many heuristics the list holds (with {@link #entry(int)}: allocation-free iteration for dissectors).
     *
     * @return the count
     */
    public int size() {
        return frozen.length;
    }

    /**
     * The i-th heuristic in registration order.
     *
     * @param i 0 .. {@link #size()} - 1
     * @return the entry
     */
    public Entry entry(int i) {
        return frozen[i];
    }

    /** Entries as an array for allocation-free iteration. */
    Entry[] array() {
        return frozen;
    }

    /**
     * The list's name.
     *
     * @return {@link #name()}
     */
    @Override
    public String toString() {
        return name;
    }
}
