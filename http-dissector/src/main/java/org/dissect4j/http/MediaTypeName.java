package org.dissect4j.http;

import java.util.Arrays;

/**
 * The media type of the body being handed on (lower case, without parameters), as Wireshark passes it in
 * {@code pinfo->match_string}: set by {@link HttpBody} (and by a multipart part) before the call, read by the body
 * dissectors for their labels and the Info column. One reused buffer; nothing is allocated per body.
 */
final class MediaTypeName {
    final byte[] bytes = new byte[128];
    int length;
    /** A multipart type's {@code boundary} parameter (set only for {@code multipart/*}), unquoted. */
    final byte[] boundary = new byte[72];
    int boundaryLength;
    /** The Protocol column before the body's dissector was called (a multipart part's json makes it HTTP/JSON). */
    String column = "";

    /** Copies {@code n} bytes of {@code from}. */
    void set(byte[] from, int n) {
        System.arraycopy(from, 0, bytes, 0, n);
        length = n;
    }

    boolean is(byte[] lower) {
        return Arrays.equals(bytes, 0, length, lower, 0, lower.length);
    }

    StringBuilder appendTo(StringBuilder out) {
        for (int i = 0; i < length; i++) {
            out.append((char) (bytes[i] & 0xff));
        }
        return out;
    }

    /** Info's {@code " (type)"} suffix of the text and media dissectors (a space only after earlier text). */
    void appendInfo(StringBuilder info) {
        appendInfo(info, "");
    }

    /**
     * The same, with {@code registered} (the one type the dissector is registered for) when no type was set: a body
     * another carrier handed on through the {@code media_type} table (HTTP/2's DATA frames).
     */
    void appendInfo(StringBuilder info, String registered) {
        if (!info.isEmpty()) {
            info.append(' ');
        }
        if (length == 0) {
            info.append('(').append(registered).append(')');
        } else {
            appendTo(info.append('(')).append(')');
        }
    }
}
