package org.dissect4j.filter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.ValueNames;
import org.dissect4j.filter.Ast.Span;
import org.dissect4j.filter.Typed.Const;

/**
 * Converts literal text to a constant of the type it is compared with (section 2.3 and 5.2 of the
 * spec): the other operand's type decides whether {@code 16} is the integer 16, the byte 0x16 or
 * text, and whether a word is a value name, a boolean label or a host name.
 */
final class Literals {
    /** What a literal is converted to: a kind, the field type for widths, and the field for names. */
    record Target(Kind kind, FieldType ftype, Field field, String name) {
        String describe() {
            return Kind.describe(ftype);
        }
    }

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");
    private static final Pattern DECIMAL_EXP = Pattern.compile("([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern HEX_FLOAT = Pattern.compile("0[xX][0-9a-fA-F]*(\\.[0-9a-fA-F]*)?[pP][+-]?[0-9]+");
    private static final Pattern ISO_TIME = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?\\s*(Z|UTC)?");
    private static final Pattern LEGACY_TIME = Pattern.compile(
            "([A-Za-z]{3})\\s+(\\d{1,2}),\\s*(\\d{4})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?\\s*(Z|UTC)?");
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private final String expression;

    Literals(String expression) {
        this.expression = expression;
    }

    FilterException error(Span at, String reason) {
        return new FilterException(expression, at.start(), at.length(), reason);
    }

    /** The constant that {@code lit} denotes for {@code t}; {@code negate} applies a unary minus. */
    Const convert(Ast.Value lit, Target t, boolean negate) throws FilterException {
        Span sp = lit.span();
        String text = literalText(lit);
        if (negate) {
            return negated(lit, t);
        }
        if (lit instanceof Ast.StringLit && (t.kind() == Kind.IPV4 || t.kind() == Kind.IPV6 || t.kind() == Kind.ETHER
                || t.kind() == Kind.FLOAT || t.kind() == Kind.RELTIME)) {
            throw error(sp, t.describe() + " cannot be converted from a string (\"" + text + "\"). Write it without quotes.");
        }
        return switch (t.kind()) {
            case INT -> integer(lit, t, text);
            case BOOL -> bool(lit, t, text);
            case FLOAT -> Const.ofDouble(sp, t.ftype(), floating(lit, text), text);
            case RELTIME -> Const.ofLong(sp, Kind.RELTIME, t.ftype(), relTime(lit, text), text);
            case ABSTIME -> Const.ofLong(sp, Kind.ABSTIME, t.ftype(), absTime(lit, text), text);
            case IPV4 -> ipv4(lit, t, text);
            case IPV6 -> ipv6(lit, t, text);
            case ETHER -> Const.ofBytes(sp, Kind.ETHER, t.ftype(), ether(lit, text), text);
            case BYTES, PROTOCOL -> Const.ofBytes(sp, Kind.BYTES, FieldType.BYTES, bytes(lit, text), text);
            case STRING -> Const.ofBytes(sp, Kind.STRING, t.ftype(), string(lit, text), quoteIfString(lit, text));
            case NONE -> throw error(sp, t.name() + " (type=Label) cannot be compared with a value.");
        };
    }

    private static String quoteIfString(Ast.Value lit, String text) {
        return lit instanceof Ast.StringLit ? '"' + text + '"' : text;
    }

    static String literalText(Ast.Value lit) {
        return switch (lit) {
            case Ast.Name n -> n.text();
            case Ast.StringLit s -> s.text();
            case Ast.CharLit c -> c.text();
            case Ast.ColonLit c -> c.text();
            case Ast.Cidr4Lit c -> c.text();
            default -> "?";
        };
    }

    private Const negated(Ast.Value lit, Target t) throws FilterException {
        Span sp = lit.span();
        String text = literalText(lit);
        switch (t.kind()) {
            case INT -> {
                BigInteger v = number(lit, t, text);
                if (v == null) {
                    throw error(sp, "\"" + text + "\" is not a valid number.");
                }
                BigInteger neg = v.negate();
                if (t.ftype().isSigned()) {
                    BigInteger min = BigInteger.ONE.shiftLeft(t.ftype().size() * 8 - 1).negate();
                    if (neg.compareTo(min) < 0) {
                        throw error(sp, "\"-" + text + "\" too small for this field, minimum " + min + ".");
                    }
                }
                if (neg.bitLength() > 63) {
                    throw error(sp, "\"-" + text + "\" causes an integer overflow.");
                }
                long l = neg.longValue();
                return new Const(sp, Kind.INT, t.ftype(), l, -1L, 0, null, -1, "-" + text, l < 0);
            }
            case FLOAT -> {
                return Const.ofDouble(sp, t.ftype(), -floating(lit, text), "-" + text);
            }
            case RELTIME -> {
                return Const.ofLong(sp, Kind.RELTIME, t.ftype(), -relTime(lit, text), "-" + text);
            }
            default -> throw error(sp, t.ftype().wiresharkName() + " cannot be negated (\"-" + text + "\").");
        }
    }

    // ---- integers --------------------------------------------------------------------------------

    private Const integer(Ast.Value lit, Target t, String text) throws FilterException {
        Span sp = lit.span();
        BigInteger v = number(lit, t, text);
        if (v == null) {
            long named = valueName(lit, t, text);
            return Const.ofLong(sp, Kind.INT, t.ftype(), named, text);
        }
        FieldType ft = t.ftype();
        int bits = ft == FieldType.FRAMENUM ? 32 : ft.size() * 8;
        if (ft.isSigned()) {
            BigInteger max = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
            if (v.compareTo(max) > 0) {
                throw error(sp, "\"" + text + "\" too big for this field, maximum " + max + ".");
            }
        } else {
            BigInteger max = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
            if (v.compareTo(max) > 0) {
                throw error(sp, "\"" + text + "\" too big for this field, maximum " + max + ".");
            }
        }
        return Const.ofLong(sp, Kind.INT, ft, v.longValue(), text);
    }

    /** The integer a literal spells, {@code null} when it is no number (a name perhaps); errors for bad numbers. */
    private BigInteger number(Ast.Value lit, Target t, String text) throws FilterException {
        Span sp = lit.span();
        switch (lit) {
            case Ast.CharLit c -> {
                return BigInteger.valueOf(c.value());
            }
            case Ast.StringLit s -> {
                if (t.field() != null && t.field().values() != null) {
                    return null;
                }
                throw error(sp, t.describe() + " cannot be converted from a string (\"" + text + "\")."
                        + (t.field() != null ? " Use string(" + t.name() + ") to compare it as text." : ""));
            }
            case Ast.Name n -> {
                BigInteger v = parseInteger(text);
                if (v == null) {
                    if (looksNumeric(text) || t.field() == null || t.field().values() == null) {
                        throw error(sp, "\"" + text + "\" is not a valid number.");
                    }
                    return null;
                }
                if (v.compareTo(U64_MAX) > 0) {
                    throw error(sp, "\"" + text + "\" causes an integer overflow.");
                }
                return v;
            }
            default -> throw error(sp, "\"" + text + "\" is not a valid number.");
        }
    }

    private static boolean looksNumeric(String text) {
        return !text.isEmpty() && Character.isDigit(text.charAt(0));
    }

    /** Decimal, 0x hex, 0b binary, leading-0 octal; {@code null} if the text is none of these. */
    static BigInteger parseInteger(String text) {
        try {
            if (text.length() > 2 && (text.startsWith("0x") || text.startsWith("0X"))) {
                return hexDigitsOnly(text.substring(2)) ? new BigInteger(text.substring(2), 16) : null;
            }
            if (text.length() > 2 && (text.startsWith("0b") || text.startsWith("0B"))) {
                return text.substring(2).matches("[01]+") ? new BigInteger(text.substring(2), 2) : null;
            }
            if (text.length() > 1 && text.startsWith("0")) {
                return text.matches("[0-7]+") ? new BigInteger(text, 8) : null;
            }
            return text.matches("[0-9]+") ? new BigInteger(text) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean hexDigitsOnly(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** 4.0: names are looked up in the first registration's value names only, case-insensitively. */
    private long valueName(Ast.Value lit, Target t, String text) throws FilterException {
        ValueNames names = t.field() == null ? null : t.field().values();
        if (names != null) {
            for (int i = 0; i < names.size(); i++) {
                if (names.nameAt(i).equalsIgnoreCase(text)) {
                    return names.key(i);
                }
            }
        }
        List<String> all = new ArrayList<>();
        if (names != null) {
            for (int i = 0; i < names.size(); i++) {
                all.add(names.nameAt(i));
            }
        }
        throw error(lit.span(), "\"" + text + "\" cannot be found among the possible values for " + t.name() + "."
                + Suggest.valueHint(text, all));
    }

    // ---- booleans --------------------------------------------------------------------------------

    private Const bool(Ast.Value lit, Target t, String text) throws FilterException {
        Span sp = lit.span();
        if (lit instanceof Ast.CharLit c) {
            return Const.ofLong(sp, Kind.BOOL, t.ftype(), c.value() != 0 ? 1 : 0, text);
        }
        if (lit instanceof Ast.Name) {
            BigInteger v = parseInteger(text);
            if (v != null) {
                return Const.ofLong(sp, Kind.BOOL, t.ftype(), v.signum() != 0 ? 1 : 0, text);
            }
        }
        if (lit instanceof Ast.Name || lit instanceof Ast.StringLit) {
            // 4.0 spells True/TRUE/False/FALSE; 4.2+ accepts any case.
            if (text.equalsIgnoreCase("true")) {
                return Const.ofLong(sp, Kind.BOOL, t.ftype(), 1, text);
            }
            if (text.equalsIgnoreCase("false")) {
                return Const.ofLong(sp, Kind.BOOL, t.ftype(), 0, text);
            }
            Field f = t.field();
            if (f != null && f.trueName() != null && f.trueName().equalsIgnoreCase(text)) {
                return Const.ofLong(sp, Kind.BOOL, t.ftype(), 1, text);
            }
            if (f != null && f.falseName() != null && f.falseName().equalsIgnoreCase(text)) {
                return Const.ofLong(sp, Kind.BOOL, t.ftype(), 0, text);
            }
        }
        List<String> names = new ArrayList<>(List.of("True", "False"));
        if (t.field() != null) {
            names.add(t.field().trueName());
            names.add(t.field().falseName());
        }
        throw error(sp, "\"" + text + "\" cannot be found among the possible values for " + t.name() + "."
                + " Use True, False, 1, 0" + (t.field() != null ? ", \"" + t.field().trueName() + "\" or \""
                + t.field().falseName() + "\"" : "") + ".");
    }

    // ---- floating point and times ----------------------------------------------------------------

    private double floating(Ast.Value lit, String text) throws FilterException {
        if (lit instanceof Ast.Name) {
            BigInteger i = parseInteger(text);
            if (i != null) {
                return i.doubleValue();
            }
            if (DECIMAL_EXP.matcher(text).matches() || HEX_FLOAT.matcher(text).matches()) {
                return Double.parseDouble(text);
            }
            if (text.equalsIgnoreCase("inf") || text.equalsIgnoreCase("infinity")) {
                return Double.POSITIVE_INFINITY;
            }
            if (text.equalsIgnoreCase("nan")) {
                return Double.NaN;
            }
        }
        throw error(lit.span(), "\"" + text + "\" is not a valid floating point number.");
    }

    private long relTime(Ast.Value lit, String text) throws FilterException {
        if (lit instanceof Ast.Name && DECIMAL_EXP.matcher(text).matches()) {
            try {
                BigDecimal ns = new BigDecimal(text).movePointRight(9).setScale(0, RoundingMode.HALF_EVEN);
                if (ns.toBigInteger().bitLength() < 63) {
                    return ns.longValueExact();
                }
            } catch (ArithmeticException | NumberFormatException ignored) {
                // falls through to the error
            }
        }
        throw error(lit.span(), "\"" + text + "\" is not a valid time offset in seconds (e.g. 0.5 or 2).");
    }

    private long absTime(Ast.Value lit, String text) throws FilterException {
        if (lit instanceof Ast.Name && DECIMAL.matcher(text).matches()) {
            BigDecimal ns = new BigDecimal(text).movePointRight(9).setScale(0, RoundingMode.HALF_EVEN);
            if (ns.toBigInteger().bitLength() < 63) {
                return ns.longValue();
            }
        }
        if (lit instanceof Ast.StringLit) {
            String s = new String(((Ast.StringLit) lit).bytes(), StandardCharsets.UTF_8).trim();
            Long v = parseTime(s);
            if (v != null) {
                return v;
            }
        }
        throw error(lit.span(), "\"" + text + "\" is not a valid absolute time. Example: \"Nov 12, 1999 08:55:44.123\" or "
                + "\"2011-07-04 12:34:56\"");
    }

    /** ISO 8601 or tshark's legacy form, local time unless it ends in Z or UTC; nanoseconds since the epoch. */
    static Long parseTime(String s) {
        try {
            Matcher m = ISO_TIME.matcher(s);
            if (m.matches()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                return epochNanos(d, m.group(4), m.group(5), m.group(6), m.group(7), m.group(8) != null);
            }
            m = LEGACY_TIME.matcher(s);
            if (m.matches()) {
                int month = -1;
                for (int i = 0; i < 12; i++) {
                    if (MONTHS[i].equalsIgnoreCase(m.group(1))) {
                        month = i + 1;
                    }
                }
                if (month < 0) {
                    return null;
                }
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)));
                return epochNanos(d, m.group(4), m.group(5), m.group(6), m.group(7), m.group(8) != null);
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static long epochNanos(LocalDate d, String h, String min, String sec, String frac, boolean utc) {
        LocalTime lt = h == null ? LocalTime.MIDNIGHT
                : LocalTime.of(Integer.parseInt(h), Integer.parseInt(min), sec == null ? 0 : Integer.parseInt(sec));
        LocalDateTime ldt = LocalDateTime.of(d, lt);
        long secs = utc ? ldt.toEpochSecond(ZoneOffset.UTC) : ldt.atZone(ZoneId.systemDefault()).toEpochSecond();
        long nanos = 0;
        if (frac != null) {
            StringBuilder f = new StringBuilder(frac);
            while (f.length() < 9) {
                f.append('0');
            }
            nanos = Long.parseLong(f.toString());
        }
        return secs * 1_000_000_000L + nanos;
    }

    // ---- addresses -------------------------------------------------------------------------------

    private Const ipv4(Ast.Value lit, Target t, String text) throws FilterException {
        Span sp = lit.span();
        String addr = text;
        int bits = 32;
        if (lit instanceof Ast.Cidr4Lit) {
            int slash = text.indexOf('/');
            addr = text.substring(0, slash);
            String b = text.substring(slash + 1);
            bits = b.length() > 3 ? 999 : Integer.parseInt(b);
            if (bits > 32) {
                throw error(sp, "Netmask bits in a CIDR IPv4 address should be <= 32, not " + b);
            }
        } else if (!(lit instanceof Ast.Name)) {
            throw error(sp, "\"" + text + "\" is not a valid hostname or IPv4 address.");
        }
        long v = dottedQuad(addr);
        if (v < 0 && lit instanceof Ast.Name && addr.chars().anyMatch(Character::isLetter)) {
            v = resolve4(addr);
        }
        if (v < 0) {
            throw error(sp, "\"" + addr + "\" is not a valid hostname or IPv4 address.");
        }
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return new Const(sp, Kind.IPV4, FieldType.IPv4, v & mask, mask, 0, null, -1, text, false);
    }

    /** The address of a strict dotted quad, or -1. */
    static long dottedQuad(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long v = 0;
        for (String p : parts) {
            // inet_pton: decimal only, no leading zeros ("10.77.0.02" is not an address)
            if (p.isEmpty() || p.length() > 3 || !p.matches("[0-9]+") || p.length() > 1 && p.charAt(0) == '0') {
                return -1;
            }
            int b = Integer.parseInt(p);
            if (b > 255) {
                return -1;
            }
            v = (v << 8) | b;
        }
        return v;
    }

    private static long resolve4(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (a instanceof Inet4Address) {
                    byte[] b = a.getAddress();
                    return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
                }
            }
        } catch (java.io.IOException | SecurityException e) {
            return -1;
        }
        return -1;
    }

    private Const ipv6(Ast.Value lit, Target t, String text) throws FilterException {
        Span sp = lit.span();
        String addr = text;
        int prefix = -1;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            addr = text.substring(0, slash);
            String b = text.substring(slash + 1);
            prefix = b.length() > 3 ? 999 : Integer.parseInt(b);
            if (prefix > 128) {
                throw error(sp, "Prefix length in a CIDR IPv6 address should be <= 128, not " + b);
            }
        }
        byte[] bytes = null;
        if (lit instanceof Ast.ColonLit) {
            try {
                InetAddress a = InetAddress.ofLiteral(addr);
                if (a instanceof Inet6Address) {
                    bytes = a.getAddress();
                } else {
                    // ::ffff:1.2.3.4 comes back as IPv4: rebuild the mapped form.
                    bytes = new byte[16];
                    bytes[10] = (byte) 0xFF;
                    bytes[11] = (byte) 0xFF;
                    System.arraycopy(a.getAddress(), 0, bytes, 12, 4);
                }
            } catch (IllegalArgumentException e) {
                bytes = null;
            }
        } else if (lit instanceof Ast.Name && addr.chars().anyMatch(Character::isLetter) && slash < 0) {
            try {
                for (InetAddress a : InetAddress.getAllByName(addr)) {
                    if (a instanceof Inet6Address) {
                        bytes = a.getAddress();
                        break;
                    }
                }
            } catch (java.io.IOException | SecurityException e) {
                bytes = null;
            }
        }
        if (bytes == null) {
            throw error(sp, "\"" + addr + "\" is not a valid hostname or IPv6 address.");
        }
        return new Const(sp, Kind.IPV6, FieldType.IPv6, 0, -1L, 0, bytes, prefix < 0 || prefix == 128 ? -1 : prefix, text, false);
    }

    private byte[] ether(Ast.Value lit, String text) throws FilterException {
        byte[] b = null;
        if (lit instanceof Ast.ColonLit || lit instanceof Ast.Name) {
            b = hexBytes(text, true);
            if (b == null && text.matches("[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}")) {
                b = hexBytes(text.replace(".", ""), false);
            }
        }
        if (b == null) {
            throw error(lit.span(), "\"" + text + "\" is not a valid Ethernet address.");
        }
        if (b.length < 6) {
            throw error(lit.span(), "\"" + text + "\" contains too few bytes to be a valid Ethernet address.");
        }
        if (b.length > 6) {
            throw error(lit.span(), "\"" + text + "\" contains too many bytes to be a valid Ethernet address.");
        }
        return b;
    }

    // ---- bytes and strings -----------------------------------------------------------------------

    private byte[] bytes(Ast.Value lit, String text) throws FilterException {
        byte[] b = switch (lit) {
            case Ast.StringLit s -> s.bytes();
            case Ast.CharLit c -> new byte[] {(byte) c.value()};
            case Ast.ColonLit c -> hexBytes(text, false);
            case Ast.Name n -> {
                if (text.length() > 2 && (text.startsWith("0x") || text.startsWith("0X"))) {
                    // 4.0: a hex integer stands for one byte only when written with one or two digits.
                    yield text.length() <= 4 && hexDigitsOnly(text.substring(2))
                            ? new byte[] {(byte) Integer.parseInt(text.substring(2), 16)} : null;
                }
                yield hexBytes(text, false);
            }
            default -> null;
        };
        if (b == null || b.length == 0 && !(lit instanceof Ast.StringLit)) {
            throw error(lit.span(), "\"" + text + "\" is not a valid byte string. Write bytes as hex pairs (16:03:01, 160301, "
                    + "16-03-01), as a quoted string, or as one byte (0x16, 'a').");
        }
        return b;
    }

    /**
     * Bytes from hex: pairs separated by one kind of separator ({@code :}, {@code -}, {@code .}; a
     * leading {@code :} allowed), or bare hex digits (one digit, or an even number). {@code null} if not.
     */
    static byte[] hexBytes(String s, boolean strictPairs) {
        if (s.isEmpty()) {
            return null;
        }
        if (!strictPairs && s.length() > 2 && s.charAt(0) == ':' && s.charAt(1) != ':') {
            // tshark 4.0 takes a leading colon before any byte string form: :0011, :00-11-22, :00.11.22, :00:11
            return hexBytes(s.substring(1), false);
        }
        char sep = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':' || c == '-' || c == '.') {
                if (sep != 0 && sep != c) {
                    return null;
                }
                sep = c;
            } else if (Character.digit(c, 16) < 0) {
                return null;
            }
        }
        if (sep == 0) {
            if (s.length() == 1 && !strictPairs) {
                return new byte[] {(byte) Character.digit(s.charAt(0), 16)};
            }
            if (s.length() % 2 != 0) {
                return null;
            }
            byte[] out = new byte[s.length() / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) (Character.digit(s.charAt(2 * i), 16) * 16 + Character.digit(s.charAt(2 * i + 1), 16));
            }
            return out;
        }
        String body = s;
        if (sep == ':' && body.startsWith(":")) {
            body = body.substring(1);
        }
        if (sep == ':' && body.endsWith(":") && body.length() == 3) {
            body = body.substring(0, 2);
        }
        String[] parts = body.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1);
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 2 || strictPairs && p.length() != 2 && p.length() != 1) {
                return null;
            }
            out[i] = (byte) Integer.parseInt(p, 16);
        }
        return out;
    }

    private byte[] string(Ast.Value lit, String text) {
        return switch (lit) {
            case Ast.StringLit s -> s.bytes();
            case Ast.CharLit c -> new byte[] {(byte) c.value()};
            default -> text.getBytes(StandardCharsets.UTF_8);
        };
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
