package org.dissect4j.api;

/**
 * The value types a field can have, named after Wireshark's {@code FT_*} types so that
 * {@code -G fields} prints the same type names ({@link #wiresharkName()}).
 */
public enum FieldType {
    /** No value: a label or subtree (its text in {@code -T fields} is {@code 1}). */
    NONE("FT_NONE", 0),
    /** A protocol's own field ({@link Protocol#field()}), covering the layer's bytes. */
    PROTOCOL("FT_PROTOCOL", 0),
    /** A flag, usually a bit of an integer ({@link Field.Builder#mask}); value 0 or 1. */
    BOOLEAN("FT_BOOLEAN", 0),
    /** One 8-bit character, kept as its code. */
    CHAR("FT_CHAR", 1),
    /** An unsigned 8-bit integer. */
    UINT8("FT_UINT8", 1),
    /** An unsigned 16-bit integer. */
    UINT16("FT_UINT16", 2),
    /** An unsigned 24-bit integer. */
    UINT24("FT_UINT24", 3),
    /** An unsigned 32-bit integer. */
    UINT32("FT_UINT32", 4),
    /** An unsigned 40-bit integer. */
    UINT40("FT_UINT40", 5),
    /** An unsigned 48-bit integer. */
    UINT48("FT_UINT48", 6),
    /** An unsigned 56-bit integer. */
    UINT56("FT_UINT56", 7),
    /**
     * An unsigned 64-bit integer. Values of 2<sup>63</sup> and above are negative as a Java {@code long}.
     */
    UINT64("FT_UINT64", 8),
    /** A signed 8-bit integer, sign-extended into the node's value. */
    INT8("FT_INT8", 1),
    /** A signed 16-bit integer. */
    INT16("FT_INT16", 2),
    /** A signed 24-bit integer. */
    INT24("FT_INT24", 3),
    /** A signed 32-bit integer. */
    INT32("FT_INT32", 4),
    /** A signed 64-bit integer. */
    INT64("FT_INT64", 8),
    /** A 4-byte IEEE 754 number, kept as the bits of a double ({@link Tree#doubleValue}). */
    FLOAT("FT_FLOAT", 4),
    /** An 8-byte IEEE 754 number, kept as the bits of a double ({@link Tree#doubleValue}). */
    DOUBLE("FT_DOUBLE", 8),
    /** Nanoseconds since the epoch, kept in the node's value. */
    ABSOLUTE_TIME("FT_ABSOLUTE_TIME", 0),
    /** A signed duration in nanoseconds, kept in the node's value. */
    RELATIVE_TIME("FT_RELATIVE_TIME", 0),
    /** A string of known length, kept as its bytes (UTF-8, or UTF-16LE with {@link Tree#UTF16}). */
    STRING("FT_STRING", 0),
    /** A NUL-terminated string, kept as its bytes. */
    STRINGZ("FT_STRINGZ", 0),
    /** A byte string, kept as its bytes. */
    BYTES("FT_BYTES", 0),
    /** A 6-byte MAC address, kept as its bytes. */
    ETHER("FT_ETHER", 6),
    /** An IPv4 address, kept in the node's value as an unsigned 32-bit number. */
    IPv4("FT_IPv4", 4),
    /** An IPv6 address, kept as its 16 bytes. */
    IPv6("FT_IPv6", 16),
    /** A frame number (a reference to another frame), kept in the node's value. */
    FRAMENUM("FT_FRAMENUM", 4),
    /** A 16-byte GUID, kept as its bytes. */
    GUID("FT_GUID", 16),
    /** A BER-encoded object identifier (content octets), kept as its bytes. */
    OID("FT_OID", 0);

    private final String wiresharkName;
    private final int size;

    FieldType(String wiresharkName, int size) {
        this.wiresharkName = wiresharkName;
        this.size = size;
    }

    /**
     * Wireshark's name for the type, e.g. {@code FT_UINT16}.
     *
     * @return the name
     */
    public String wiresharkName() {
        return wiresharkName;
    }

    /**
     * Width in bytes of integer and address types, 0 for variable or unsized types.
     *
     * @return the width in bytes (0 for booleans, times, strings, bytes, OIDs)
     */
    public int size() {
        return size;
    }

    /**
     * Whether values are unsigned integers: {@code CHAR}, {@code UINT8}..{@code UINT64}, {@code FRAMENUM}.
     *
     * @return {@code true} for those types
     */
    public boolean isUnsigned() {
        return switch (this) {
            case CHAR, UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, FRAMENUM -> true;
            default -> false;
        };
    }

    /**
     * Whether values are signed integers: {@code INT8}..{@code INT64}.
     *
     * @return {@code true} for those types
     */
    public boolean isSigned() {
        return switch (this) {
            case INT8, INT16, INT24, INT32, INT64 -> true;
            default -> false;
        };
    }

    /**
     * Whole numbers kept in the node's long value (booleans and frame numbers included).
     *
     * @return {@code true} for unsigned and signed integers and {@link #BOOLEAN}
     */
    public boolean isInteger() {
        return isUnsigned() || isSigned() || this == BOOLEAN;
    }

    /**
     * Values that live in the packet bytes (or the scratch area) rather than in the long value.
     *
     * @return {@code true} for strings, bytes, MAC and IPv6 addresses, GUIDs, OIDs, protocols and {@link #NONE}
     */
    public boolean isByteRange() {
        return switch (this) {
            case STRING, STRINGZ, BYTES, ETHER, IPv6, GUID, OID, PROTOCOL, NONE -> true;
            default -> false;
        };
    }
}
