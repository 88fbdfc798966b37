package org.dissect4j.api;

/**
 * The value types a field can have, named after Wireshark's {@code FT_*} types so that
 * {@code -G fields} prints the same type names ({@link #wiresharkName()}).
 */
public enum FieldType {
    NONE("FT_NONE", 0),
    PROTOCOL("FT_PROTOCOL", 0),
    BOOLEAN("FT_BOOLEAN", 0),
    CHAR("FT_CHAR", 1),
    UINT8("FT_UINT8", 1),
    UINT16("FT_UINT16", 2),
    UINT24("FT_UINT24", 3),
    UINT32("FT_UINT32", 4),
    UINT40("FT_UINT40", 5),
    UINT48("FT_UINT48", 6),
    UINT56("FT_UINT56", 7),
    UINT64("FT_UINT64", 8),
    INT8("FT_INT8", 1),
    INT16("FT_INT16", 2),
    INT24("FT_INT24", 3),
    INT32("FT_INT32", 4),
    INT64("FT_INT64", 8),
    FLOAT("FT_FLOAT", 4),
    DOUBLE("FT_DOUBLE", 8),
    /** Nanoseconds since the epoch, kept in the node's value. */
    ABSOLUTE_TIME("FT_ABSOLUTE_TIME", 0),
    /** A signed duration in nanoseconds, kept in the node's value. */
    RELATIVE_TIME("FT_RELATIVE_TIME", 0),
    STRING("FT_STRING", 0),
    STRINGZ("FT_STRINGZ", 0),
    BYTES("FT_BYTES", 0),
    ETHER("FT_ETHER", 6),
    IPv4("FT_IPv4", 4),
    IPv6("FT_IPv6", 16),
    FRAMENUM("FT_FRAMENUM", 4),
    GUID("FT_GUID", 16),
    OID("FT_OID", 0);

    private final String wiresharkName;
    private final int size;

    FieldType(String wiresharkName, int size) {
        this.wiresharkName = wiresharkName;
        this.size = size;
    }

    /** Wireshark's name for the type, e.g. {@code FT_UINT16}. */
    public String wiresharkName() {
        return wiresharkName;
    }

    /** Width in bytes of integer and address types, 0 for variable or unsized types. */
    public int size() {
        return size;
    }

    public boolean isUnsigned() {
        return switch (this) {
            case CHAR, UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, FRAMENUM -> true;
            default -> false;
        };
    }

    public boolean isSigned() {
        return switch (this) {
            case INT8, INT16, INT24, INT32, INT64 -> true;
            default -> false;
        };
    }

    /** Whole numbers kept in the node's long value (booleans and frame numbers included). */
    public boolean isInteger() {
        return isUnsigned() || isSigned() || this == BOOLEAN;
    }

    /** Values that live in the packet bytes (or the scratch area) rather than in the long value. */
    public boolean isByteRange() {
        return switch (this) {
            case STRING, STRINGZ, BYTES, ETHER, IPv6, GUID, OID, PROTOCOL, NONE -> true;
            default -> false;
        };
    }
}
