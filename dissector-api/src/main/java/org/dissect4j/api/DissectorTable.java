package org.dissect4j.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dissector table ({@code ethertype}, {@code ip.proto}, {@code tcp.port}, {@code udp.port},
 * {@code link.type}...): keys to {@link DissectorHandle}s. Integer tables keep keys 0..65535 in a
 * dense array, so a lookup is one array load; string tables use a map. "Decode As" overrides
 * ({@link #decodeAs}) take precedence over registered entries.
 */
public final class DissectorTable {
    private static final int DENSE = 65536;

    private final String name;
    private final String uiName;
    private final FieldType keyType;
    private final Base base;
    private final DissectorHandle[] dense;
    private final DissectorHandle[] denseOverride;
    private final Map<Long, DissectorHandle> sparse = new HashMap<>();
    private final Map<Long, DissectorHandle> sparseOverride = new HashMap<>();
    private final Map<String, DissectorHandle> strings;
    private final Map<String, DissectorHandle> stringOverride;
    private final List<DissectorHandle> decodeAsChoices = new ArrayList<>();

    DissectorTable(String name, String uiName, FieldType keyType, Base base) {
        this.name = name;
        this.uiName = uiName;
        this.keyType = keyType;
        this.base = base;
        boolean isString = keyType == FieldType.STRING;
        this.dense = isString ? null : new DissectorHandle[DENSE];
        this.denseOverride = isString ? null : new DissectorHandle[DENSE];
        this.strings = isString ? new HashMap<>() : null;
        this.stringOverride = isString ? new HashMap<>() : null;
    }

    /**
     * The table's name.
     *
     * @return the name it was declared under, e.g. {@code tcp.port}
     */
    public String name() {
        return name;
    }

    /**
     * The table's display name.
     *
     * @return the name for listings ({@code -G dissector-tables}), e.g. {@code TCP port}
     */
    public String uiName() {
        return uiName;
    }

    /**
     * The type of the keys.
     *
     * @return {@link FieldType#STRING} for string tables, an integer type otherwise
     */
    public FieldType keyType() {
        return keyType;
    }

    /**
     * How keys are shown in listings.
     *
     * @return the base the table was declared with ({@link Base#NONE} for string tables)
     */
    public Base base() {
        return base;
    }

    /**
     * Whether the keys are strings.
     *
     * @return {@code true} for a table made with {@link Registrar#newStringTable}
     */
    public boolean isStringTable() {
        return strings != null;
    }

    /**
     * Registers {@code handle} for {@code key}; a later registration for the same key replaces it.
     * The handle also becomes a Decode As choice of this table. Call it during registration
     * ({@link DissectorPlugin#handoff}).
     *
     * @param key the key, any {@code long} (0..65535 are looked up in an array, others in a map)
     * @param handle the dissector for the key
     * @throws IllegalArgumentException when this is a string table
     */
    public void add(long key, DissectorHandle handle) {
        requireInt();
        if (key >= 0 && key < DENSE) {
            dense[(int) key] = handle;
        } else {
            sparse.put(key, handle);
        }
        allowDecodeAs(handle);
    }

    /**
     * Registers {@code handle} for a string key; a later registration for the same key replaces it.
     * The handle also becomes a Decode As choice of this table.
     *
     * @param key the key
     * @param handle the dissector for the key
     * @throws IllegalArgumentException when this is an integer table
     */
    public void add(String key, DissectorHandle handle) {
        requireString();
        strings.put(key, handle);
        allowDecodeAs(handle);
    }

    /**
     * Lets users pick {@code handle} for this table in Decode As without registering a key.
     *
     * @param handle the dissector to offer; added once however often it is offered
     */
    public void allowDecodeAs(DissectorHandle handle) {
        if (!decodeAsChoices.contains(handle)) {
            decodeAsChoices.add(handle);
        }
    }

    /**
     * The handle for {@code key}: a Decode As override first, then the registered one. Never
     * allocates for keys 0..65535 (one or two array loads); other keys are boxed for a map lookup
     * unless the table has none. Must not be called on a string table.
     *
     * @param key the key
     * @return the handle, or {@code null} when nothing is registered for {@code key}
     */
    public DissectorHandle get(long key) {
        if (key >= 0 && key < DENSE) {
            DissectorHandle h = denseOverride[(int) key];
            return h != null ? h : dense[(int) key];
        }
        if (sparse.isEmpty() && sparseOverride.isEmpty()) {
            return null;
        }
        DissectorHandle h = sparseOverride.get(key);
        return h != null ? h : sparse.get(key);
    }

    /**
     * Whether "Decode As" changed what {@code key} maps to (Wireshark's {@code dissector_is_uint_changed}).
     *
     * @param key the key
     * @return {@code true} when {@link #decodeAs(long, DissectorHandle)} set a handle for the key
     */
    public boolean hasOverride(long key) {
        if (key >= 0 && key < DENSE) {
            return denseOverride != null && denseOverride[(int) key] != null;
        }
        return sparseOverride.containsKey(key);
    }

    /**
     * The handle for a string key: a Decode As override first, then the registered one. Must not
     * be called on an integer table.
     *
     * @param key the key
     * @return the handle, or {@code null} when nothing is registered for {@code key}
     */
    public DissectorHandle get(String key) {
        DissectorHandle h = stringOverride.get(key);
        return h != null ? h : strings.get(key);
    }

    /**
     * "Decode As": {@code key} is decoded by {@code handle} whatever was registered.
     *
     * @param key the key
     * @param handle the dissector to use, or {@code null} to remove the override
     * @throws IllegalArgumentException when this is a string table
     */
    public void decodeAs(long key, DissectorHandle handle) {
        requireInt();
        if (key >= 0 && key < DENSE) {
            denseOverride[(int) key] = handle;
        } else if (handle == null) {
            sparseOverride.remove(key);
        } else {
            sparseOverride.put(key, handle);
        }
    }

    /**
     * "Decode As" for a string key: {@code key} is decoded by {@code handle} whatever was registered.
     *
     * @param key the key
     * @param handle the dissector to use, or {@code null} to remove the override
     * @throws IllegalArgumentException when this is an integer table
     */
    public void decodeAs(String key, DissectorHandle handle) {
        requireString();
        if (handle == null) {
            stringOverride.remove(key);
        } else {
            stringOverride.put(key, handle);
        }
    }

    /**
     * Registered integer entries in key order (for listings); Decode As overrides are not included.
     * Allocates a new map on every call.
     *
     * @return a new sorted map of key to handle; empty for a string table
     */
    public Map<Long, DissectorHandle> intEntries() {
        Map<Long, DissectorHandle> out = new TreeMap<>();
        if (dense != null) {
            for (int i = 0; i < DENSE; i++) {
                if (dense[i] != null) {
                    out.put((long) i, dense[i]);
                }
            }
            out.putAll(sparse);
        }
        return out;
    }

    /**
     * Registered string entries in key order (for listings); Decode As overrides are not included.
     *
     * @return a new sorted map of key to handle; empty for an integer table
     */
    public Map<String, DissectorHandle> stringEntries() {
        return strings == null ? Map.of() : new TreeMap<>(strings);
    }

    /**
     * Handles that may be chosen for this table in Decode As: every handle added for a key and every
     * handle passed to {@link #allowDecodeAs}, in the order they first came.
     *
     * @return an unmodifiable copy
     */
    public List<DissectorHandle> decodeAsChoices() {
        return List.copyOf(decodeAsChoices);
    }

    private void requireInt() {
        if (dense == null) {
            throw new IllegalArgumentException("dissector table " + name + " has string keys");
        }
    }

    private void requireString() {
        if (strings == null) {
            throw new IllegalArgumentException("dissector table " + name + " has integer keys");
        }
    }

    /**
     * The table's name.
     *
     * @return {@link #name()}
     */
    @Override
    public String toString() {
        return name;
    }
}
