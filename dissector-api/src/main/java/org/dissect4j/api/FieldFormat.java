package org.dissect4j.api;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Renders recorded values as text exactly as tshark does: {@link #value} as {@code -T fields}
 * prints a field, {@link #label} as the {@code -V} tree line. For outputs only (it appends to a
 * StringBuilder but may allocate for times and names).
 */
public final class FieldFormat {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** The longest value text of a {@link Base#OUI} field: what fits Wireshark's 32-byte buffer. */
    private static final int OUI_TEXT_MAX = 31;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private FieldFormat() {
    }

    /**
     * Appends the value of {@code node} as {@code tshark -T fields} prints it.
     *
     * @param t the packet's tree
     * @param node a node of the current packet
     * @param out where to append
     */
    public static void value(TreeView t, int node, StringBuilder out) {
        Field f = t.field(node);
        long v = t.value(node);
        switch (f.type()) {
            case NONE -> out.append('1');
            case PROTOCOL -> protocol(t, node, f, out);
            case BOOLEAN -> out.append(v != 0 ? '1' : '0');
            case CHAR -> out.append((char) v);
            case UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64 -> unsigned(f, v, out);
            case INT8, INT16, INT24, INT32, INT64 -> out.append(v);
            case FRAMENUM -> out.append(v);
            case FLOAT, DOUBLE -> dbl(t.doubleValue(node), out);
            case ABSOLUTE_TIME -> absoluteTime(v, f.base(), out);
            case RELATIVE_TIME -> relativeTime(v, out);
            case STRING, STRINGZ -> string(t, node, out);
            case BYTES -> {
                if (t.length(node) == 0) {
                    // as Wireshark: an empty byte string is "<none>" only for fields declared BASE_ALLOW_ZERO
                    out.append((t.flags(node) & Tree.MISSING) == 0 && f.allowZero() ? "<none>" : "<MISSING>");
                } else {
                    hex(t, node, out, "");
                }
            }
            case OID -> oid(t, node, out);
            case GUID -> guid(t, node, out);
            case ETHER -> hex(t, node, out, ":");
            case IPv4 -> AddressText.ipv4(out, v);
            case IPv6 -> AddressText.ipv6(out, t.segment(t.source(node)), t.base(t.source(node)) + t.offset(node));
        }
    }

    /**
     * Appends the {@code -V} line of {@code node}: {@code Name: value} with value names and bit
     * patterns (an expert node's message; the label a dissector set with {@link Tree#setLabel}; a
     * field's or protocol's {@link Labeler} when it has one).
     *
     * @param t the packet's tree
     * @param node a node of the current packet
     * @param out where to append
     */
    public static void label(TreeView t, int node, StringBuilder out) {
        int start = out.length();
        int namePos = composeLabel(t, node, out);
        if (out.length() - start >= ITEM_LABEL_LENGTH) {
            if (namePos > 0) {
                markTruncated(out, start, namePos);
            } else {
                // a label composed by hand (proto_item_set_text/append_text) is cut at the buffer's size, unmarked
                out.setLength(start + ITEM_LABEL_LENGTH - 1);
            }
        }
    }

    /** Wireshark's {@code ITEM_LABEL_LENGTH}: a label of this many bytes or more is cut and marked. */
    static final int ITEM_LABEL_LENGTH = 240;
    private static final String TRUNCATED = " [truncated]";

    /**
     * As Wireshark's {@code label_mark_truncated}: " [truncated]" after the field's name ({@code namePos}
     * characters from {@code start}), and the whole cut to 238 characters.
     */
    private static void markTruncated(StringBuilder out, int start, int namePos) {
        out.insert(start + namePos, TRUNCATED);
        out.setLength(start + ITEM_LABEL_LENGTH - 2);
    }

    /** Composes the label; returns where the field's name ends in it (0 for a hand-made label). */
    private static int composeLabel(TreeView t, int node, StringBuilder out) {
        Field f = t.field(node);
        if ((t.flags(node) & Tree.EXPERT) != 0) {
            t.expertMessage(node, out);
            return 0;
        }
        if (t.hasCustomLabel(node)) {
            t.appendCustomLabel(node, out);
            return 0;
        }
        if (f.labeler() != null) {
            f.labeler().label(t, node, out);
            return 0;
        }
        if (f.type() == FieldType.PROTOCOL) {
            Protocol p = t.registry().protocolOf(f);
            if (p != null && p.labeler() != null) {
                p.labeler().label(t, node, out);
            } else {
                out.append(f.name());
            }
            return 0;
        }
        if (f.type() == FieldType.NONE) {
            out.append(f.name());
            return 0;
        }
        nameAndValue(t, node, out);
        return f.bitmask() != 0 && f.bitWidth() > 0 ? 0 : f.name().length();
    }

    /**
     * Wireshark's checksum line ({@code proto_tree_add_checksum}): {@code Name: value} and the verdict of the status
     * item recorded beside it: {@code  [correct]}; {@code  incorrect, should be 0x7cca} followed by {@code hint} (just
     * {@code  incorrect} without a calculated item); {@code unverified} otherwise.
     *
     * @param t the packet's tree
     * @param node the checksum node
     * @param status the status field (1 good, 0 bad, else not verified)
     * @param calculated the calculated-checksum field, or {@code null} when the protocol records none
     * @param unverified what follows an unverified checksum, e.g. {@code " [unverified]"}
     * @param hint what follows the value it should have been, e.g. {@code " (maybe caused by ...)"}
     * @param out where to append
     */
    public static void checksum(TreeView t, int node, Field status, Field calculated, String unverified, String hint,
                                StringBuilder out) {
        nameAndValue(t, node, out);
        int s = Labeler.sibling(t, node, status);
        long verdict = s >= 0 ? t.value(s) : 2;
        if (verdict == 1) {
            out.append(" [correct]");
        } else if (verdict == 0) {
            out.append(" incorrect");
            int c = calculated == null ? -1 : Labeler.sibling(t, node, calculated);
            if (c >= 0) {
                out.append(", should be ");
                hexNumber(t.value(c), 4, out);
                out.append(hint);
            }
        } else {
            out.append(unverified);
        }
    }

    /**
     * Appends {@code Name: value} as tshark composes it from the field's registration alone (bit
     * pattern, value names, units of times), ignoring labelers and custom labels: what a {@link Labeler}
     * that only adds to tshark's text ({@code ", Don't fragment"}) starts from.
     *
     * @param t the packet's tree
     * @param node a node of the current packet
     * @param out where to append
     */
    public static void nameAndValue(TreeView t, int node, StringBuilder out) {
        Field f = t.field(node);
        if (f.bitmask() != 0 && f.bitWidth() > 0) {
            bitPattern(f, t.value(node), out);
            out.append(" = ");
        }
        out.append(f.name()).append(": ");
        long v = t.value(node);
        ValueNames names = f.values();
        switch (f.type()) {
            case BOOLEAN -> out.append(f.bitmask() == 0 && f.trueName().equals("Set")
                    ? (v != 0 ? "True" : "False") : (v != 0 ? f.trueName() : f.falseName()));
            case ETHER -> {
                MemorySegment seg = t.segment(t.source(node));
                long at = t.base(t.source(node)) + t.offset(node);
                MacNames.withResolution(out, seg, at);
            }
            case UINT8, UINT16, UINT24, UINT32, UINT40, UINT48, UINT56, UINT64, INT8, INT16, INT24, INT32, INT64 -> {
                String name = names != null ? names.name(v) : null;
                if (name != null && f.base() == Base.NONE) {
                    out.append(name);
                } else if (name != null) {
                    out.append(name).append(" (");
                    display(f, v, out);
                    out.append(')');
                } else if (names != null) {
                    out.append("Unknown (");
                    display(f, v, out);
                    out.append(')');
                } else {
                    display(f, v, out);
                }
            }
            case ABSOLUTE_TIME -> {
                absoluteTime(v, f.base(), out);
                if (f.base() == Base.UNIX_SECONDS) {
                    out.append(" seconds");
                }
            }
            case RELATIVE_TIME -> {
                relativeTime(v, out);
                out.append(" seconds");
            }
            case BYTES -> {
                if (t.length(node) == 0) {
                    value(t, node, out);        // "<none>" or "<MISSING>", as the value
                    return;
                }
                hex(t, node, out, "", LABEL_BYTES);
                if (t.length(node) > LABEL_BYTES) {
                    out.append('…');
                }
            }
            default -> value(t, node, out);
        }
    }

    /**
     * A protocol item as tshark's {@code -T fields} prints it: an item with a text of its own (in
     * dissect4j, a protocol with a {@link Labeler}) prints that text; an item without one prints the
     * protocol's filter name ({@code http}, {@code icmp}); byte-valued protocols
     * ({@link Protocol#bytesValue()}: {@code data} and the TCP options Wireshark registers in name
     * only) print their bytes in hex. A hidden, empty item has no text in a tree tshark does not
     * show, so it prints the filter name too.
     */
    private static void protocol(TreeView t, int node, Field f, StringBuilder out) {
        Protocol p = t.registry().protocolOf(f);
        if ((t.flags(node) & Tree.HIDDEN) != 0 && t.length(node) == 0) {
            out.append(f.abbrev());
        } else if (p != null && p.hasBytesValue()) {
            hex(t, node, out, "");
        } else if (p != null && p.labeler() != null && p.field() == f) {
            label(t, node, out);
        } else {
            out.append(f.abbrev());
        }
    }

    /**
     * Appends the text tshark gives an expert item's {@code _ws.expert} entry:
     * {@code Expert Info (Chat/Sequence): Connection establish request (SYN): server port 80}
     * (its severity, group and message; the {@code -V} line without its brackets).
     *
     * @param t the packet's tree
     * @param node an expert node ({@link Tree#expertNode})
     * @param out where to append
     */
    public static void expertInfo(TreeView t, int node, StringBuilder out) {
        int start = out.length();
        Expert e = t.expertOf(node);
        out.append("Expert Info (").append(e.severity().label()).append('/').append(e.group().label()).append("): ");
        t.expertMessage(node, out);
        if (out.length() - start >= ITEM_LABEL_LENGTH) {
            // a label made by a *_format call: Wireshark 4.0 marks it truncated at its start
            markTruncated(out, start, 0);
        }
    }

    /**
     * An unsigned value in the field's base, as {@code -T fields} prints it (HEX and HEX_DEC in hex,
     * padded to the type's width; OCT with a leading 0; else decimal).
     *
     * @param f the field (its base and type width)
     * @param v the value
     * @param out where to append
     */
    public static void unsigned(Field f, long v, StringBuilder out) {
        switch (f.base()) {
            case HEX, HEX_DEC -> hexNumber(v, Math.max(1, f.type().size()) * 2, out);
            case OCT -> out.append('0').append(Long.toOctalString(v));
            default -> out.append(Long.toUnsignedString(v));
        }
    }

    /**
     * An integer as the {@code -V} line shows it (e.g. {@code 0x0800}, {@code 1460}, {@code 8 (0x08)}).
     *
     * @param f the field (its base, type and mask set the form and hex width)
     * @param v the value
     * @param out where to append
     */
    public static void display(Field f, long v, StringBuilder out) {
        // a masked field shows as many hex digits as the shifted mask is wide (Flags: 0x2; HTTP/2's 0xd2 mask: 0x00,
        // its highest bit 6 places above its lowest), others the type's width
        long shifted = f.bitmask() >>> Long.numberOfTrailingZeros(f.bitmask());
        int width = f.bitmask() != 0 ? (64 - Long.numberOfLeadingZeros(shifted) + 3) / 4 : Math.max(1, f.type().size()) * 2;
        switch (f.base()) {
            case HEX -> hexNumber(v, width, out);
            case DEC_HEX -> {
                out.append(f.type().isSigned() ? Long.toString(v) : Long.toUnsignedString(v)).append(" (");
                hexNumber(v, width, out);
                out.append(')');
            }
            case HEX_DEC -> {
                hexNumber(v, width, out);
                out.append(" (").append(Long.toUnsignedString(v)).append(')');
            }
            case OCT -> out.append('0').append(Long.toOctalString(v));
            case OUI -> {
                int start = out.length();
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int b = (int) (v >>> shift) & 0xFF;
                    out.append(HEX[b >> 4]).append(HEX[b & 0xF]).append(shift > 0 ? ":" : "");
                }
                String vendor = MacNames.vendor(v << 24);
                if (vendor != null) {
                    // Wireshark writes this text into a 32-byte buffer: "b8:27:eb (Raspberry Pi Foundati"
                    out.append(" (").append(vendor).append(')');
                    out.setLength(Math.min(out.length(), start + OUI_TEXT_MAX));
                }
            }
            default -> out.append(f.type().isSigned() ? Long.toString(v) : Long.toUnsignedString(v));
        }
    }

    /**
     * {@code 0x} and at least {@code digits} lower-case hex digits (zero-padded; more when the value needs them).
     *
     * @param v the value (its 64 bits, unsigned)
     * @param digits the minimum number of digits
     * @param out where to append
     */
    public static void hexNumber(long v, int digits, StringBuilder out) {
        out.append("0x");
        String h = Long.toHexString(v);
        for (int i = h.length(); i < digits; i++) {
            out.append('0');
        }
        out.append(h);
    }

    /**
     * The bit picture of a masked field, e.g. {@code .... ..1. .... ....}: {@link Field#bitWidth()}
     * positions, a space every four.
     *
     * @param f the field (its mask, shift and bit width)
     * @param value the field's value (already masked and shifted)
     * @param out where to append
     */
    public static void bitPattern(Field f, long value, StringBuilder out) {
        bitPattern(value << f.shift(), f.bitmask(), f.bitWidth(), out);
    }

    /**
     * The bit picture of bits {@code mask} of a {@code width}-bit value, as tshark draws bit items
     * ({@code 0100 ....} for the IPv4 version, {@code .... 0101} for its header length).
     *
     * @param raw the whole value the bits are part of (unshifted)
     * @param mask the bits shown; the others are dots
     * @param width the value's width in bits (8 for a byte)
     * @param out where to append
     */
    public static void bitPattern(long raw, long mask, int width, StringBuilder out) {
        for (int bit = width - 1; bit >= 0; bit--) {
            long b = 1L << bit;
            out.append((mask & b) == 0 ? '.' : ((raw & b) != 0 ? '1' : '0'));
            if (bit > 0 && bit % 4 == 0) {
                out.append(' ');
            }
        }
    }

    /**
     * A MAC address as {@code aa:bb:cc:dd:ee:ff} (lower-case hex), without name resolution.
     *
     * @param a at least 6 bytes
     * @param out where to append
     */
    public static void ether(byte[] a, StringBuilder out) {
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                out.append(':');
            }
            out.append(HEX[(a[i] >> 4) & 0xF]).append(HEX[a[i] & 0xF]);
        }
    }

    /**
     * Seconds with nine decimals, e.g. {@code 0.000039000} or {@code -1.500000000}.
     *
     * @param nanos a duration in nanoseconds
     * @param out where to append
     */
    public static void relativeTime(long nanos, StringBuilder out) {
        if (nanos < 0) {
            out.append('-');
            nanos = -nanos;
        }
        out.append(nanos / 1_000_000_000L).append('.');
        pad(nanos % 1_000_000_000L, 9, out);
    }

    /**
     * An absolute time: epoch seconds for {@link Base#UNIX_SECONDS}; {@code 2026-11-27 10:26:10.213246000 UTC}
     * for {@link Base#UTC}; else local time, {@code Nov 27, 2026 10:26:10.213246000 CET} (the JVM's
     * default zone). Allocates.
     *
     * @param nanos nanoseconds since the epoch
     * @param base {@link Base#UNIX_SECONDS}, {@link Base#UTC} or another base for local time
     * @param out where to append
     */
    public static void absoluteTime(long nanos, Base base, StringBuilder out) {
        if (base == Base.UNIX_SECONDS) {
            relativeTime(nanos, out);
            return;
        }
        long secs = Math.floorDiv(nanos, 1_000_000_000L);
        long frac = Math.floorMod(nanos, 1_000_000_000L);
        ZoneId zone = base == Base.UTC ? ZoneId.of("UTC") : ZoneId.systemDefault();
        ZonedDateTime z = Instant.ofEpochSecond(secs).atZone(zone);
        if (base == Base.UTC) {
            out.append(z.getYear()).append('-');
            pad(z.getMonthValue(), 2, out);
            out.append('-');
            pad(z.getDayOfMonth(), 2, out);
            out.append(' ');
        } else {
            out.append(MONTHS[z.getMonthValue() - 1]).append(' ');
            if (z.getDayOfMonth() < 10) {
                out.append(' ');
            }
            out.append(z.getDayOfMonth()).append(", ").append(z.getYear()).append(' ');
        }
        pad(z.getHour(), 2, out);
        out.append(':');
        pad(z.getMinute(), 2, out);
        out.append(':');
        pad(z.getSecond(), 2, out);
        out.append('.');
        pad(frac, 9, out);
        out.append(' ').append(base == Base.UTC ? "UTC" : zoneName(z));
    }

    private static String zoneName(ZonedDateTime z) {
        String n = z.getZone().getDisplayName(TextStyle.SHORT, Locale.ROOT);
        if (n.equals("Z") || n.equals("Etc/UTC") || n.equals("GMT") && z.getOffset().getTotalSeconds() == 0) {
            return "UTC";
        }
        return z.getZone().getRules().isDaylightSavings(z.toInstant())
                ? java.util.TimeZone.getTimeZone(z.getZone()).getDisplayName(true, java.util.TimeZone.SHORT, Locale.ROOT)
                : java.util.TimeZone.getTimeZone(z.getZone()).getDisplayName(false, java.util.TimeZone.SHORT, Locale.ROOT);
    }

    private static void pad(long v, int digits, StringBuilder out) {
        String s = Long.toString(v);
        for (int i = s.length(); i < digits; i++) {
            out.append('0');
        }
        out.append(s);
    }

    /** A double as C's {@code %.15g} prints it (Wireshark's format for FT_DOUBLE): 15 significant digits, no trailing zeros. */
    static void dbl(double d, StringBuilder out) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            out.append(Double.isNaN(d) ? "nan" : d > 0 ? "inf" : "-inf");
            return;
        }
        if (d == 0) {
            out.append(1 / d < 0 ? "-0" : "0");
            return;
        }
        java.math.BigDecimal b = new java.math.BigDecimal(d).round(new java.math.MathContext(15, java.math.RoundingMode.HALF_EVEN));
        int exponent = b.precision() - b.scale() - 1;
        if (exponent < -4 || exponent >= 15) {
            String digits = b.unscaledValue().abs().toString().replaceAll("0+$", "");
            if (b.signum() < 0) {
                out.append('-');
            }
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append(exponent < 0 ? "e-" : "e+");
            int e = Math.abs(exponent);
            if (e < 10) {
                out.append('0');
            }
            out.append(e);
        } else {
            String plain = b.stripTrailingZeros().toPlainString();
            out.append(plain);
        }
    }

    /**
     * Bytes of a node in lower-case hex with {@code sep} between bytes.
     *
     * @param t the packet's tree
     * @param node a node of the current packet
     * @param out where to append
     * @param sep the separator, e.g. {@code ""} or {@code ":"}
     */
    public static void hex(TreeView t, int node, StringBuilder out, String sep) {
        hex(t, node, out, sep, Integer.MAX_VALUE);
    }

    /** Bytes a {@code -V} line shows of a byte field before it ends with "…" (Wireshark's {@code MAX_BYTE_STR_LEN} / 2). */
    static final int LABEL_BYTES = 36;

    /**
     * The bytes {@code [off, off + len)} of data source {@code src} in lower-case hex without separators,
     * clipped to what the source holds (the bytes an item is {@linkplain TreeView#shownOffset shown} over).
     *
     * @param t the packet's tree
     * @param src the data source
     * @param off where the bytes start
     * @param len how many bytes
     * @param out where to append
     */
    public static void hex(TreeView t, int src, int off, int len, StringBuilder out) {
        hex(t, src, off, len, out, "", Integer.MAX_VALUE);
    }

    /** The hex of at most {@code max} of the node's bytes, clipped to what its source holds. */
    private static void hex(TreeView t, int node, StringBuilder out, String sep, int max) {
        hex(t, t.source(node), t.offset(node), t.length(node), out, sep, max);
    }

    private static void hex(TreeView t, int src, int off, int length, StringBuilder out, String sep, int max) {
        int len = Math.min(max, Math.max(0, Math.min(length, t.sourceLength(src) - off)));
        MemorySegment seg = t.segment(src);
        long at = t.base(src) + off;
        if (sep.length() > 1) {
            for (int i = 0; i < len; i++) {
                if (i > 0) {
                    out.append(sep);
                }
                int b = Bytes.u8(seg, at + i);
                out.append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
            return;
        }
        boolean separated = sep.length() == 1;
        char separator = separated ? sep.charAt(0) : 0;
        byte[] bytes = t.hexBytes;
        char[] digits = t.hexDigits;
        int chunk = Math.min(bytes.length, digits.length / (separated ? 3 : 2));
        int done = 0;
        while (done < len) {
            int n = Math.min(len - done, chunk);
            MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, at + done, bytes, 0, n);
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (separated && done + i > 0) {
                    digits[k++] = separator;
                }
                int b = bytes[i] & 0xFF;
                digits[k++] = HEX[b >> 4];
                digits[k++] = HEX[b & 0xF];
            }
            out.append(digits, 0, k);
            done += n;
        }
    }

    /**
     * A BER-encoded OBJECT IDENTIFIER (the content octets) in dotted decimal, as tshark prints FT_OID
     * ({@code 1.2.840.113549.1.1.11}); an arc too long for 64 bits or a truncated arc falls back to hex.
     * An empty node appends nothing.
     *
     * @param t the packet's tree
     * @param node a node of the current packet
     * @param out where to append
     */
    public static void oid(TreeView t, int node, StringBuilder out) {
        int len = t.length(node);
        if (len == 0) {
            return;
        }
        int start = out.length();
        long arc = 0;
        boolean first = true;
        for (int i = 0; i < len; i++) {
            int b = t.byteAt(node, i);
            if (arc > (Long.MAX_VALUE >>> 7)) {
                out.setLength(start);
                hex(t, node, out, "");
                return;
            }
            arc = (arc << 7) | (b & 0x7f);
            if ((b & 0x80) != 0) {
                if (i == len - 1) {
                    out.setLength(start);
                    hex(t, node, out, "");
                    return;
                }
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

    private static void guid(TreeView t, int node, StringBuilder out) {
        hex(t, node, out, "");
    }

    /**
     * A string value with control characters escaped as tshark does ({@code \r}, {@code \n},
     * {@code \xNN}). ASCII is appended without allocating; UTF-8 and UTF-16 text is decoded into a
     * new string first.
     *
     * @param t the packet's tree
     * @param node a node of the current packet
     * @param out where to append
     */
    public static void string(TreeView t, int node, StringBuilder out) {
        int flags = t.flags(node);
        if ((flags & Tree.UTF16) != 0) {
            out.append(t.string(node));
            return;
        }
        if ((flags & Tree.ASCII) != 0) {
            escape(t.string(node), out);
            return;
        }
        int src = t.source(node);
        int off = t.offset(node);
        int len = Math.max(0, Math.min(t.length(node), t.sourceLength(src) - off));
        MemorySegment seg = t.segment(src);
        long at = t.base(src) + off;
        int end = 0;
        while (end < len && Bytes.u8(seg, at + end) != 0) {     // the value ends at its first NUL, as a C string
            end++;
        }
        text(t, src, off, end, out);
    }

    /**
     * Bytes {@code [off, off + len)} of data source {@code src} as text the way tshark shows strings (UTF-8,
     * control characters escaped: {@code \r\n}), e.g. the line a text item or header item covers.
     *
     * @param t the packet's tree
     * @param src the data source
     * @param off where the bytes start
     * @param len how many bytes (clipped to the source)
     * @param out where to append
     */
    public static void text(TreeView t, int src, int off, int len, StringBuilder out) {
        len = Math.max(0, Math.min(len, t.sourceLength(src) - off));
        MemorySegment seg = t.segment(src);
        long at = t.base(src) + off;
        byte[] utf8 = null;
        for (int i = 0; i < len; i++) {
            int b = Bytes.u8(seg, at + i);
            if (b >= 0x80) {
                utf8 = new byte[len];
                break;
            }
        }
        if (utf8 != null) {
            MemorySegment.copy(seg, Bytes.U8, at, utf8, 0, len);
            escape(new String(utf8, java.nio.charset.StandardCharsets.UTF_8), out);
            return;
        }
        for (int i = 0; i < len; i++) {
            escapeChar((char) Bytes.u8(seg, at + i), out);
        }
    }

    /**
     * Appends {@code s} with control characters escaped as {@link #string} does.
     *
     * @param s the text
     * @param out where to append
     */
    public static void escape(CharSequence s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                escapeChar(c, out);
                continue;
            }
            int cp = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    ? Character.toCodePoint(c, s.charAt(++i)) : c;
            int type = Character.getType(cp);
            // GLib's g_unichar_isprint, as Wireshark's format_text asks it: \uFEFF for a byte order mark
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.SURROGATE) {
                boolean bmp = cp < 0x10000;
                out.append(bmp ? "\\u" : "\\U");
                for (int shift = bmp ? 12 : 28; shift >= 0; shift -= 4) {
                    out.append(Character.toUpperCase(HEX[cp >> shift & 0xF]));
                }
            } else if (Character.isBmpCodePoint(cp)) {
                out.append((char) cp);
            } else {
                out.append(Character.highSurrogate(cp)).append(Character.lowSurrogate(cp));
            }
        }
    }

    private static void escapeChar(char c, StringBuilder out) {
        switch (c) {
            case '\r' -> out.append("\\r");
            case '\n' -> out.append("\\n");
            case '\t' -> out.append("\\t");
            case 0x07 -> out.append("\\a");
            case 0x08 -> out.append("\\b");
            case 0x0B -> out.append("\\v");
            case 0x0C -> out.append("\\f");
            default -> {
                if (c < 0x20 || c == 0x7F) {
                    out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                } else {
                    out.append(c);
                }
            }
        }
    }
}
