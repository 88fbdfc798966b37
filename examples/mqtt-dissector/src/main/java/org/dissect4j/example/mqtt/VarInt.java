package org.dissect4j.example.mqtt;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;

/**
 * MQTT's Variable Byte Integer (MQTT 5.0 §1.5.5, the "Remaining Length" of MQTT 3.1.1 §2.2.3): seven bits per
 * byte, least significant group first, the high bit set on every byte but the last; at most four bytes, so
 * at most 268,435,455.
 *
 * <pre>
 *   0 .. 127               1 byte   0x00 .. 0x7F
 *   128 .. 16,383          2 bytes  0x80 0x01 .. 0xFF 0x7F
 *   16,384 .. 2,097,151    3 bytes  0x80 0x80 0x01 .. 0xFF 0xFF 0x7F
 *   2,097,152 .. 268,435,455  4 bytes
 * </pre>
 *
 * {@link #decode} packs the value and the number of bytes into one long so that nothing is allocated:
 * {@code value | (bytes << 32)}, or a negative status.
 */
final class VarInt {
    /** The bytes available end before the last byte of the integer: more data is needed. */
    static final long INCOMPLETE = -1;
    /** A fourth byte with its continuation bit set: not an MQTT Variable Byte Integer. */
    static final long MALFORMED = -2;
    /** The longest encoding. */
    static final int MAX_BYTES = 4;

    private VarInt() {
    }

    /**
     * Decodes the integer at {@code at} of {@code seg}, reading no more than {@code available} bytes. Returns
     * {@code value | (length << 32)}, {@link #INCOMPLETE} or {@link #MALFORMED}.
     */
    static long decode(MemorySegment seg, long at, int available) {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (i >= available) {
                return INCOMPLETE;
            }
            int b = Bytes.u8(seg, at + i);
            value |= (long) (b & 0x7F) << (7 * i);
            if (b < 0x80) {
                return value | ((long) (i + 1) << 32);
            }
        }
        return MALFORMED;
    }

    /** The value of a successful {@link #decode}. */
    static int value(long decoded) {
        return (int) decoded;
    }

    /** The number of bytes of a successful {@link #decode}. */
    static int length(long decoded) {
        return (int) (decoded >>> 32);
    }

    /**
     * The encoded bytes read as one big-endian number, which is what tshark 4.0 shows as {@code mqtt.property_len}
     * (it adds the field with {@code ENC_BIG_ENDIAN}; newer Wireshark decodes it): 0x90 0x01 shows as 36865.
     */
    static long bigEndianBytes(MemorySegment seg, long at, int length) {
        return Bytes.uN(seg, at, length);
    }
}
