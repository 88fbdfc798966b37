package org.dissect4j.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dissector preferences as {@code name:value} pairs ({@code -o tcp.relative_sequence_numbers:FALSE}),
 * read once at registration — never deep inside a dissector on the hot path.
 *
 * <p>A preference is known when something reads it: every name read through {@link #string},
 * {@link #bool} or {@link #integer} (with or without a value set) is remembered, so that after the
 * engine is built {@link #unread()} names what was set but read by nobody — a typo, or a
 * preference of a protocol that is not loaded ({@code dissect4j -o} refuses those as tshark does).
 */
public final class Settings {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();

    public Settings set(String name, String value) {
        values.put(name, value);
        return this;
    }

    public String string(String name, String dflt) {
        read.add(name);
        return values.getOrDefault(name, dflt);
    }

    public boolean bool(String name, boolean dflt) {
        read.add(name);
        String v = values.get(name);
        if (v == null) {
            return dflt;
        }
        return v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes");
    }

    public long integer(String name, long dflt) {
        read.add(name);
        String v = values.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.decode(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + name + ": not a number: " + v, e);
        }
    }

    /** Marks preferences as known that are read later than engine start-up (by an output, say). */
    public Settings declare(String... names) {
        read.addAll(Arrays.asList(names));
        return this;
    }

    /** The names that were set but that nothing has read (or declared), in the order they were set. */
    public List<String> unread() {
        List<String> out = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!read.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
