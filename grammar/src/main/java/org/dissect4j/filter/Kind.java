package org.dissect4j.filter;

import org.dissect4j.api.FieldType;

/**
 * What the checker and evaluator need to know about a value's type: how it is compared and
 * where the evaluator keeps it ({@link #isLong()} in a {@code long}, {@link #isDouble()} as a
 * double, {@link #isBytes()} as a byte range).
 */
enum Kind {
    INT, BOOL, FLOAT, RELTIME, ABSTIME, IPV4, IPV6, ETHER, BYTES, STRING, PROTOCOL, NONE;

    static Kind of(FieldType t) {
        return switch (t) {
            case CHAR, UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, INT8, INT16, INT24, INT32, INT64,
                 FRAMENUM -> INT;
            case BOOLEAN -> BOOL;
            case FLOAT, DOUBLE -> FLOAT;
            case ABSOLUTE_TIME -> ABSTIME;
            case RELATIVE_TIME -> RELTIME;
            case STRING, STRINGZ -> STRING;
            case BYTES, GUID, OID -> BYTES;
            case ETHER -> ETHER;
            case IPv4 -> IPV4;
            case IPv6 -> IPV6;
            case PROTOCOL -> PROTOCOL;
            case NONE -> NONE;
        };
    }

    boolean isLong() {
        return this == INT || this == BOOL || this == RELTIME || this == ABSTIME || this == IPV4;
    }

    boolean isDouble() {
        return this == FLOAT;
    }

    boolean isBytes() {
        return this == IPV6 || this == ETHER || this == BYTES || this == STRING || this == PROTOCOL;
    }

    /** Wireshark's description of a field type, as used in its error messages. */
    static String describe(FieldType t) {
        return switch (t) {
            case NONE -> "Label";
            case PROTOCOL -> "Protocol";
            case BOOLEAN -> "Boolean";
            case CHAR -> "Character (1 byte)";
            case UINT8 -> "Unsigned integer (1 byte)";
            case INT8 -> "Signed integer (1 byte)";
            case UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64 -> "Unsigned integer (" + t.size() + " bytes)";
            case INT16, INT24, INT32, INT64 -> "Signed integer (" + t.size() + " bytes)";
            case FLOAT -> "Floating point (single-precision)";
            case DOUBLE -> "Floating point (double-precision)";
            case ABSOLUTE_TIME -> "Date and time";
            case RELATIVE_TIME -> "Time offset";
            case STRING -> "Character string";
            case STRINGZ -> "Character string";
            case BYTES -> "Byte sequence";
            case ETHER -> "Ethernet or other MAC address";
            case IPv4 -> "IPv4 address";
            case IPv6 -> "IPv6 address";
            case FRAMENUM -> "Frame number";
            case GUID -> "Globally Unique Identifier";
            case OID -> "ASN.1 object identifier";
        };
    }
}
