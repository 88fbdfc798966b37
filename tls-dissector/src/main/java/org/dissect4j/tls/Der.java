package org.dissect4j.tls;

import java.lang.foreign.MemorySegment;

import org.dissect4j.api.Bytes;

/**
 * A minimal DER (X.690) TLV reader for certificates: definite lengths of at most 3 octets, low tag numbers.
 * {@link #tlv} returns the header packed in a long so walking allocates nothing:
 * {@code tag << 40 | headerLength << 32 | contentLength}, or -1 when the element is not well formed or does not
 * fit before {@code end}. Offsets are relative to {@code base} of {@code seg}. Public for the OCSP package
 * ({@code org.dissect4j.tls.ocsp}), which walks its own structures with it; not an API of the module.
 */
public final class Der {
    public static final int SEQUENCE = 0x30, SET = 0x31, INTEGER = 0x02, BIT_STRING = 0x03, OCTET_STRING = 0x04, NULL = 0x05,
            OID = 0x06, BOOLEAN = 0x01, UTF8_STRING = 0x0c, PRINTABLE_STRING = 0x13, TELETEX_STRING = 0x14,
            IA5_STRING = 0x16, UTC_TIME = 0x17, GENERALIZED_TIME = 0x18, UNIVERSAL_STRING = 0x1c, BMP_STRING = 0x1e;

    private Der() {
    }

    public static long tlv(MemorySegment seg, long base, int at, int end) {
        if (at < 0 || end - at < 2) {
            return -1;
        }
        int tag = Bytes.u8(seg, base + at);
        if ((tag & 0x1f) == 0x1f) {
            return -1;
        }
        int len = Bytes.u8(seg, base + at + 1);
        int hdr = 2;
        if (len >= 0x80) {
            int n = len & 0x7f;
            if (n == 0 || n > 3 || end - at < 2 + n) {
                return -1;
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | Bytes.u8(seg, base + at + 2 + i);
            }
            hdr += n;
        }
        if ((long) at + hdr + len > end) {
            return -1;
        }
        return ((long) tag << 40) | ((long) hdr << 32) | len;
    }

    public static int tag(long tlv) {
        return (int) (tlv >>> 40);
    }

    public static int hdr(long tlv) {
        return (int) ((tlv >>> 32) & 0xff);
    }

    public static int len(long tlv) {
        return (int) tlv;
    }

    /** Offset just past the element at {@code at}. */
    public static int next(int at, long tlv) {
        return at + hdr(tlv) + len(tlv);
    }

    /** Whether the OID content at {@code at} equals {@code oid} (its content octets). */
    public static boolean oidEquals(MemorySegment seg, long base, int at, int len, byte[] oid) {
        if (len != oid.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if ((byte) Bytes.u8(seg, base + at + i) != oid[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the OID content starts with {@code prefix}. */
    public static boolean oidStartsWith(MemorySegment seg, long base, int at, int len, byte[] prefix) {
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((byte) Bytes.u8(seg, base + at + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Content octets of a dotted OID, for constants. */
    public static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long first = Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]);
        base128(first, out);
        for (int i = 2; i < parts.length; i++) {
            base128(Long.parseLong(parts[i]), out);
        }
        return out.toByteArray();
    }

    private static void base128(long v, java.io.ByteArrayOutputStream out) {
        int n = 1;
        for (long t = v >>> 7; t != 0; t >>>= 7) {
            n++;
        }
        for (int i = n - 1; i >= 0; i--) {
            int b = (int) ((v >>> (7 * i)) & 0x7f);
            out.write(i > 0 ? b | 0x80 : b);
        }
    }

    /** Appends the OID content in dotted form (for summaries). */
    public static void appendOid(MemorySegment seg, long base, int at, int len, StringBuilder out) {
        long arc = 0;
        boolean first = true;
        for (int i = 0; i < len; i++) {
            int b = Bytes.u8(seg, base + at + i);
            arc = (arc << 7) | (b & 0x7f);
            if ((b & 0x80) != 0) {
                continue;
            }
            if (first) {
                long top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
                out.append(top).append('.').append(arc - 40 * top);
                first = false;
            } else {
                out.append('.').append(arc);
            }
            arc = 0;
        }
    }
}
