package org.dissect4j.http;

import org.dissect4j.api.AsciiScan;
import org.dissect4j.api.Packet;

/**
 * A MIME header field of a multipart part, as Wireshark reads one: where the field ends (its CRLF not followed by
 * folding whitespace, {@code imf_find_field_end}), and its text unfolded and compacted
 * ({@code unfold_and_compact_mime_header}: whitespace around {@code : ; , =} and at the end dropped, other runs one
 * space, quoted text kept, the text ends at the first CRLF not followed by folding).
 */
final class MimeHeader {
    /** The headers Wireshark's multipart dissector knows, lower-case, and their compact forms. */
    static final String[] NAMES = {"content-description", "content-disposition", "content-encoding", "content-id",
        "content-language", "content-length", "content-transfer-encoding", "content-type", "originalcontent"};
    private static final String[] COMPACT = {null, null, "e", null, null, "l", null, "c", null};

    /** The compacted field of the last {@link #compact}. */
    final StringBuilder text = new StringBuilder(128);
    /** Whether the field {@link #fieldEnd} found is followed by the empty line. */
    boolean lastField;

    /** The offset after the CRLF that ends the field at {@code offset}, or -1 when no CR ends it before {@code max}. */
    int fieldEnd(Packet p, int offset, int max) {
        lastField = false;
        while (offset < max) {
            offset = AsciiScan.indexOf(p, offset, max, '\r');
            if (offset < 0 || max - offset < 2) {
                return -1;
            }
            offset++;
            if (p.u8(offset) == '\n') {
                offset++;
                if (offset >= max) {
                    lastField = true;
                    return offset - 2;
                }
                int c = p.u8(offset);
                if (c == '\r') {
                    lastField = offset + 1 < max && p.u8(offset + 1) == '\n';
                    return offset;
                }
                if (c != ' ' && c != '\t') {
                    return offset;
                }
            }
        }
        return -1;
    }

    /** Unfolds and compacts {@code [from, to)} into {@link #text}; returns the first colon's index in it, or -1. */
    int compact(Packet p, int from, int to) {
        StringBuilder out = text;
        out.setLength(0);
        boolean separator = false;
        boolean space = false;
        int colon = -1;
        int i = from;
        while (i < to) {
            int c = p.u8(i);
            if (c == 0) {
                break;                      // Wireshark works on a C string
            } else if (c == ':' || c == ';' || c == ',' || c == '=') {
                space = false;
                if (c == ':' && colon < 0) {
                    colon = out.length();
                }
                out.append((char) c);
                separator = true;
                i++;
            } else if (c == ' ' || c == '\t') {
                space = true;
                i++;
            } else if (c == '\r' || c == '\n') {
                int fold = c == '\r' && i + 1 < to && p.u8(i + 1) == '\n' ? i + 2 : i + 1;
                if (fold >= to || p.u8(fold) != ' ' && p.u8(fold) != '\t') {
                    break;                  // the end of the field: a line break without folding
                }
                space = true;
                i = fold + 1;
            } else if (c == '"') {
                space = false;
                out.append('"');
                for (i++; i < to && p.u8(i) != 0; i++) {
                    out.append((char) p.u8(i));
                    if (p.u8(i) == '"') {
                        i++;
                        break;
                    }
                }
            } else {
                if (separator) {
                    separator = false;
                } else if (space) {
                    out.append(' ');
                }
                space = false;
                out.append((char) c);
                i++;
            }
        }
        return colon;
    }

    /** Whether every character of {@link #text} is printable ASCII. */
    boolean printable() {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** The index in {@link #NAMES} of the header named by {@code text}'s first {@code len} characters, or -1. */
    static int known(CharSequence text, int len) {
        for (int i = 0; i < NAMES.length; i++) {
            if (equalsIgnoreCase(text, len, NAMES[i]) || COMPACT[i] != null && equalsIgnoreCase(text, len, COMPACT[i])) {
                return i;
            }
        }
        return -1;
    }

    private static boolean equalsIgnoreCase(CharSequence text, int len, String name) {
        if (len != name.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
