package org.dissect4j.http2;

/**
 * The decoded name and value of the header being dissected, shared by every connection of one dissector (decoding
 * is single-threaded per engine). The arrays grow on demand up to {@code limit} bytes each, the bound on one name
 * or value ({@code http2.max_header_list_size}).
 */
final class Http2Scratch {
    private final int limit;
    byte[] name = new byte[256];
    byte[] value = new byte[256];
    int nameLength;
    int valueLength;

    Http2Scratch(int limit) {
        this.limit = limit;
    }

    /** Whether {@code n} bytes fit in both arrays (growing them within the limit). */
    boolean fits(int n) {
        if (n <= name.length && n <= value.length) {
            return true;
        }
        if (n > limit) {
            return false;
        }
        int grown = Math.min(limit, Math.max(n, 2 * Math.max(name.length, value.length)));
        name = java.util.Arrays.copyOf(name, grown);
        value = java.util.Arrays.copyOf(value, grown);
        return true;
    }

    void setLength(boolean ofName, int n) {
        if (ofName) {
            nameLength = n;
        } else {
            valueLength = n;
        }
    }

    /** Appends {@code b[0, n)} as Wireshark's ASCII strings show them: a byte of 0x80 or more as U+FFFD. */
    static void append(StringBuilder sb, byte[] b, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(b[i] >= 0 ? (char) b[i] : '\ufffd');
        }
    }
}
