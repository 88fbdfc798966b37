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

    /** No preferences set; add them with {@link #set}. */
    public Settings() {
    }

    /**
     * Sets a preference (a later value for the same name replaces the earlier one).
     *
     * @param name e.g. {@code tcp.desegment_tcp_streams}
     * @param value the text as given on the command line
     * @return this settings object
     */
    public Settings set(String name, String value) {
        values.put(name, value);
        return this;
    }

    /**
     * A text preference; remembers {@code name} as read.
     *
     * @param name the preference's name
     * @param dflt the value when it is not set
     * @return the value set, or {@code dflt}
     */
    public String string(String name, String dflt) {
        read.add(name);
        return values.getOrDefault(name, dflt);
    }

    /**
     * A boolean preference: {@code true}, {@code 1} and {@code yes} (any case for the words) are true,
     * anything else false; remembers {@code name} as read.
     *
     * @param name the preference's name
     * @param dflt the value when it is not set
     * @return the value set, or {@code dflt}
     */
    public boolean bool(String name, boolean dflt) {
        read.add(name);
        String v = values.get(name);
        if (v == null) {
            return dflt;
        }
        return v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes");
    }

    /**
     * A number preference, as {@link Long#decode} reads it ({@code 1460}, {@code 0x5b4}); remembers
     * {@code name} as read.
     *
     * @param name the preference's name
     * @param dflt the value when it is not set
     * @return the value set, or {@code dflt}
     * @throws IllegalArgumentException when the value set is not a number
     */
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

    /**
     * Marks preferences as known that are read later than engine start-up (by an output, say).
     *
     * @param names the preferences' names
     * @return this settings object
     */
    public Settings declare(String... names) {
        read.addAll(Arrays.asList(names));
        return this;
    }

    /**
     * The names that were set but that nothing has read (or declared), in the order they were set.
     *
     * @return a new list
     */
    public List<String> unread() {
        List<String> out = new ArrayList<>();
        for (String name : values.keySet()) {
            if (!read.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * Every preference set, in the order set.
     *
     * @return an unmodifiable view of name to value
     */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }
}
