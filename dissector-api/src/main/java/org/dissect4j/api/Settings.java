package org.dissect4j.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Dissector preferences as {@code name:value} pairs ({@code -o tcp.relative_sequence_numbers:FALSE}),
 * read once at registration — never deep inside a dissector on the hot path.
 */
public final class Settings {
    private final Map<String, String> values = new LinkedHashMap<>();

    public Settings set(String name, String value) {
        values.put(name, value);
        return this;
    }

    public String string(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    public boolean bool(String name, boolean dflt) {
        String v = values.get(name);
        if (v == null) {
            return dflt;
        }
        return v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes");
    }

    public long integer(String name, long dflt) {
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

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
