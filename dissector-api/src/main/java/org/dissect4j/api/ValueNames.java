package org.dissect4j.api;

import java.util.Arrays;

/**
 * An open mapping from wire values to names (Wireshark's {@code value_string}): unknown values
 * stay representable, {@link #name(long)} simply returns {@code null} for them.
 * Immutable; lookups are a binary search over sorted primitive keys and never allocate.
 *
 * <pre>{@code
 * static final ValueNames ETHERTYPES = ValueNames.of(0x0800, "IPv4", 0x86dd, "IPv6");
 * }</pre>
 */
public final class ValueNames {
    private final long[] keys;
    private final String[] names;

    private ValueNames(long[] keys, String[] names) {
        this.keys = keys;
        this.names = names;
    }

    /**
     * Pairs of (Number key, String name), in any order. Allocates; call it once, for a constant.
     *
     * @param pairs key, name, key, name...: each key a {@link Number} (read with {@code longValue()}),
     *     each name a {@link String}
     * @return the mapping
     * @throws IllegalArgumentException when the arguments are not pairs or a key repeats
     * @throws ClassCastException when a key is not a {@code Number} or a name not a {@code String}
     */
    public static ValueNames of(Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("value names come in pairs");
        }
        int n = pairs.length / 2;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(((Number) pairs[2 * a]).longValue(), ((Number) pairs[2 * b]).longValue()));
        long[] keys = new long[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((Number) pairs[2 * order[i]]).longValue();
            names[i] = (String) pairs[2 * order[i] + 1];
            if (i > 0 && keys[i] == keys[i - 1]) {
                throw new IllegalArgumentException("duplicate value " + keys[i]);
            }
        }
        return new ValueNames(keys, names);
    }

    /**
     * The name of {@code value}, or {@code null} if it has none. Allocates nothing.
     *
     * @param value the wire value
     * @return the name, or {@code null}
     */
    public String name(long value) {
        int i = Arrays.binarySearch(keys, value);
        return i >= 0 ? names[i] : null;
    }

    /**
     * The name of {@code value}, or {@code fallback}. Allocates nothing.
     *
     * @param value the wire value
     * @param fallback what to return for a value without a name
     * @return the name, or {@code fallback}
     */
    public String name(long value, String fallback) {
        String n = name(value);
        return n != null ? n : fallback;
    }

    /**
     * The value named {@code name}, for filters that compare against value names; -1 if none. A
     * linear search, for filter compilation rather than the parse path.
     *
     * @param name the name, compared exactly
     * @return the first value (in key order) with that name, or -1
     */
    public long valueOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return keys[i];
            }
        }
        return -1;
    }

    /**
     * How many values have names.
     *
     * @return the count
     */
    public int size() {
        return keys.length;
    }

    /**
     * The i-th value in ascending order.
     *
     * @param i 0 .. {@link #size()} - 1
     * @return the value
     */
    public long key(int i) {
        return keys[i];
    }

    /**
     * The name of the i-th value in ascending order.
     *
     * @param i 0 .. {@link #size()} - 1
     * @return the name
     */
    public String nameAt(int i) {
        return names[i];
    }
}
