package org.dissect4j.dns;

import org.dissect4j.api.Packet;
import org.dissect4j.api.PacketBoundsException;

/**
 * Domain names in DNS wire format (RFC 1035 §3.1, §4.1.4): labels, compression pointers, and the
 * text Wireshark 4.0 shows for them. One reused instance per dissector; {@link #decode} fills it and
 * allocates nothing.
 *
 * <pre>
 *  label:   | len (0..63) | len octets |        pointer: | 11 | offset (14 bits) |
 *  a name ends with the root label (a zero octet) or with one pointer
 * </pre>
 *
 * <p>What comes out is what tshark 4.0.17 shows:
 * <ul>
 *   <li>the labels joined with dots, at most {@link #MAX_NAME} - 1 octets of them; a longer name is
 *       {@code <Name too long>};</li>
 *   <li>the empty name (the root) is {@code <Root>};</li>
 *   <li>label types 01 and 10 (RFC 2673 extended labels, reserved) make the message malformed;</li>
 *   <li>compression loops are bounded: a name that follows more than {@link #MAX_NAME} pointers, or a pointer
 *       to the two octets after itself, is {@code <Name contains a pointer that loops>} (and the walk ends
 *       there, so a hostile name costs at most 256 pointer hops and 255 octets of text);</li>
 *   <li>the text is Wireshark's {@code format_text}: printable ASCII as is; {@code \a \b \t \n \v \f \r};
 *       other controls as three-digit octal ({@code \001}); UTF-8 sequences kept when they encode a
 *       printable character, written as <code>&#92;uXXXX</code> when they encode another, and each broken sequence
 *       replaced by one U+FFFD.</li>
 * </ul>
 *
 * <p>After {@link #decode}: {@link #text} holds the shown text, {@link #rawLength} the length of the name
 * before formatting (Wireshark's {@code name_len}), {@link #labels} Wireshark's label count, and the
 * return value the octets the name takes where it starts.
 */
final class DnsNames {
    /** Wireshark's {@code MAX_DNAME_LEN}: the text buffer (with its NUL) and the pointer bound. */
    static final int MAX_NAME = 255;
    static final String ROOT = "<Root>";
    static final String LOOP = "<Name contains a pointer that loops>";
    static final String TOO_LONG = "<Name too long>";

    private static final int MIN_NAME_OCTETS = 2;

    /** The name's octets before formatting, dots between the labels. */
    private final byte[] raw = new byte[MAX_NAME];
    /** The shown text of the last name. */
    final StringBuilder text = new StringBuilder(4 * MAX_NAME);
    /** Length of the name before formatting (of the special text for the special names). */
    int rawLength;
    /** Dots in the name plus one, 0 for a name of one octet or none. */
    int labels;
    /** Whether the last name was replaced by one of the special texts. */
    boolean special;

    /**
     * Decodes the name at {@code offset}. Compression pointers are relative to {@code message}, the first
     * octet of the DNS header. Reads are checked: a name running past the message throws
     * {@link PacketBoundsException}, as do reserved label types.
     *
     * @return the octets the name occupies at {@code offset}
     */
    int decode(Packet p, int offset, int message) {
        int at = offset;
        int used = -1;
        int pointers = 0;
        int room = MAX_NAME;
        int n = 0;
        special = false;
        while (true) {
            int c = p.u8(at++);
            if (c == 0) {
                break;
            }
            switch (c & 0xC0) {
                case 0x00 -> {
                    if (n > 0) {
                        if (room > 0) {
                            raw[n++] = '.';
                            room--;
                        }
                    } else {
                        room--;     // the first label reserves the terminating NUL
                    }
                    for (int i = 0; i < c; i++) {
                        int b = p.u8(at++);
                        if (room > 0) {
                            raw[n++] = (byte) b;
                            room--;
                        }
                    }
                }
                case 0xC0 -> {
                    int target = message + (((c & 0x3F) << 8) | p.u8(at));
                    at++;
                    pointers++;
                    if (used < 0) {
                        used = at - offset;
                    }
                    if (target == at + 2 || pointers > MAX_NAME) {
                        replace(LOOP);
                        return used;
                    }
                    at = target;
                }
                default -> throw PacketBoundsException.MALFORMED;   // 01: extended label, 10: reserved
            }
        }
        if (used < 0) {
            used = at - offset;
        }
        if (room <= 0) {
            replace(TOO_LONG);
        } else if ((n == 0 || raw[0] == 0) && used <= MIN_NAME_OCTETS) {
            replace(ROOT);
            return used;
        } else {
            rawLength = n;
            labels = countLabels(n);
            text.setLength(0);
            format(raw, 0, n, text);
        }
        if (used > MIN_NAME_OCTETS && rawLength == 0) {
            throw PacketBoundsException.MALFORMED;
        }
        return used;
    }

    private void replace(String s) {
        special = true;
        rawLength = s.length();
        labels = 1;
        text.setLength(0);
        text.append(s);
    }

    private int countLabels(int n) {
        if (n <= 1) {
            return 0;
        }
        int dots = 0;
        for (int i = 0; i < n; i++) {
            if (raw[i] == '.') {
                dots++;
            }
        }
        return dots + 1;
    }

    /** Label count of the last name for {@code dns.count.labels}. */
    int labelCount() {
        return rawLength > 1 ? labels : 0;
    }

    /** {@code dns.qry.name.len}: the length when over one octet, else 0. */
    int shownLength() {
        return rawLength > 1 ? rawLength : 0;
    }

    /** Appends the octets of the last name with no formatting beyond {@link #format} (for the Info column). */
    void appendText(StringBuilder out) {
        out.append(text);
    }

    /**
     * Wireshark 4.0's {@code format_text}: {@code b[from, from+len)} shown as text (see the class comment).
     *
     * @param b the octets
     * @param from the first
     * @param len how many
     * @param out where to append
     */
    static void format(byte[] b, int from, int len, StringBuilder out) {
        int end = from + len;
        int i = from;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                ascii(c, out);
                i++;
                continue;
            }
            int need;
            int cp;
            if ((c & 0xE0) == 0xC0) {
                need = 1;
                cp = c & 0x1F;
            } else if ((c & 0xF0) == 0xE0) {
                need = 2;
                cp = c & 0x0F;
            } else if ((c & 0xF8) == 0xF0) {
                need = 3;
                cp = c & 0x07;
            } else {
                out.append('\uFFFD');
                i++;
                continue;
            }
            int j = i + 1;
            while (need > 0 && j < end && (b[j] & 0xC0) == 0x80) {
                cp = cp << 6 | (b[j] & 0x3F);
                j++;
                need--;
            }
            if (need > 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out.append('\uFFFD');      // one replacement for the broken sequence, not for the octet that broke it
            } else if (printable(cp)) {
                // appendCodePoint would allocate a char[2] (Character.toChars) for a code point beyond the BMP
                if (Character.isBmpCodePoint(cp)) {
                    out.append((char) cp);
                } else {
                    out.append(Character.highSurrogate(cp)).append(Character.lowSurrogate(cp));
                }
            } else if (cp < 0x10000) {
                out.append("\\u");
                hex(cp, 4, out);
            } else {
                out.append("\\U");
                hex(cp, 8, out);
            }
            i = j;
        }
    }

    /** Formats {@code len} packet octets at {@code offset} as {@link #format} does (for TXT-like strings shown as names). */
    static void format(Packet p, int offset, int len, byte[] scratch, StringBuilder out) {
        int done = 0;
        while (done < len) {
            int n = Math.min(scratch.length, len - done);
            for (int k = 0; k < n; k++) {
                scratch[k] = (byte) p.u8(offset + done + k);
            }
            format(scratch, 0, n, out);
            done += n;
        }
    }

    private static void ascii(int c, StringBuilder out) {
        if (c >= 0x20 && c < 0x7F) {
            out.append((char) c);
            return;
        }
        out.append('\\');
        switch (c) {
            case 0x07 -> out.append('a');
            case 0x08 -> out.append('b');
            case 0x0C -> out.append('f');
            case 0x0A -> out.append('n');
            case 0x0D -> out.append('r');
            case 0x09 -> out.append('t');
            case 0x0B -> out.append('v');
            default -> out.append((char) ('0' + (c >> 6 & 3))).append((char) ('0' + (c >> 3 & 7))).append((char) ('0' + (c & 7)));
        }
    }

    /** GLib's {@code g_unichar_isprint}: neither control, format, unassigned nor surrogate. */
    private static boolean printable(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.SURROGATE;
    }

    private static void hex(int v, int digits, StringBuilder out) {
        for (int s = (digits - 1) * 4; s >= 0; s -= 4) {
            out.append("0123456789ABCDEF".charAt(v >> s & 0xF));
        }
    }
}
