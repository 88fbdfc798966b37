package org.dissect4j.spark;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Or;
import org.dissect4j.api.FieldType;

/**
 * Spark predicates on field columns as display filters, where the display filter selects at least the
 * rows the predicate keeps: {@code =}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code IN},
 * {@code IS NULL}, {@code IS NOT NULL}, and {@code AND}/{@code OR} of those.
 *
 * <p>A scalar column holds a field's first occurrence, while {@code ip.src == 10.0.0.1} matches a packet
 * where any occurrence is equal. So a pushed comparison may select a few more packets (an ICMP error's
 * inner {@code ip.src}), and Spark still evaluates every pushed predicate on the rows: that also keeps
 * the error row of a corrupt capture (null field columns, not filtered by the display filter) to the
 * predicate's meaning.
 * Array columns, doubles, timestamps and binary columns are never pushed; text columns only for
 * addresses and printable strings, whose text is the filter's literal.
 */
final class FilterTranslation {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern ETHER = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");

    private FilterTranslation() {
    }

    /** The display filter for {@code f}, or {@code null} when it cannot be pushed. */
    static String translate(Filter f, Map<String, FieldColumn> byColumn) {
        return switch (f) {
            case EqualTo e -> compare(byColumn.get(e.attribute()), "==", e.value(), false);
            case LessThan e -> compare(byColumn.get(e.attribute()), "<", e.value(), true);
            case LessThanOrEqual e -> compare(byColumn.get(e.attribute()), "<=", e.value(), true);
            case GreaterThan e -> compare(byColumn.get(e.attribute()), ">", e.value(), true);
            case GreaterThanOrEqual e -> compare(byColumn.get(e.attribute()), ">=", e.value(), true);
            case In in -> in(byColumn.get(in.attribute()), in.values());
            case IsNotNull n -> present(byColumn.get(n.attribute()), "");
            case IsNull n -> present(byColumn.get(n.attribute()), "!");
            case And a -> both(translate(a.left(), byColumn), "&&", translate(a.right(), byColumn));
            case Or o -> both(translate(o.left(), byColumn), "||", translate(o.right(), byColumn));
            default -> null;
        };
    }

    private static String present(FieldColumn c, String not) {
        return c == null ? null : not + c.field();
    }

    private static String both(String left, String op, String right) {
        return left == null || right == null ? null : "(" + left + ") " + op + " (" + right + ")";
    }

    private static String compare(FieldColumn c, String op, Object value, boolean ordered) {
        if (c == null || c.repeated() || ordered && !c.kind().orderedAsInFilters()) {
            return null;
        }
        String literal = literal(c, value);
        return literal == null ? null : c.field() + " " + op + " " + literal;
    }

    private static String in(FieldColumn c, Object[] values) {
        if (c == null || c.repeated() || values.length == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(c.field()).append(" in {");
        for (int i = 0; i < values.length; i++) {
            String literal = literal(c, values[i]);
            if (literal == null) {
                return null;
            }
            sb.append(i > 0 ? ", " : "").append(literal);
        }
        return sb.append('}').toString();
    }

    /** The value as a display-filter literal of the column's field, or {@code null}. */
    private static String literal(FieldColumn c, Object value) {
        if (value == null) {
            return null;
        }
        return switch (c.kind()) {
            case INT, LONG, UNSIGNED64 -> integer(value);
            case DURATION -> value instanceof BigDecimal d ? d.toPlainString() : integer(value);
            case BOOLEAN -> value instanceof Boolean b ? (b ? "1" : "0") : null;
            case TEXT -> text(c.fieldType(), value);
            default -> null;
        };
    }

    private static String integer(Object value) {
        return switch (value) {
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case Short s -> s.toString();
            case Byte b -> b.toString();
            case BigInteger b -> b.toString();
            case BigDecimal d -> d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 ? d.toBigInteger().toString() : null;
            default -> null;
        };
    }

    private static String text(FieldType type, Object value) {
        if (!(value instanceof String s) || type == null) {
            return null;
        }
        return switch (type) {
            case IPv4 -> IPV4.matcher(s).matches() ? s : null;
            case IPv6 -> IPV6.matcher(s).matches() ? s : null;
            case ETHER -> ETHER.matcher(s).matches() ? s : null;
            case STRING, STRINGZ -> printable(s) ? "\"" + s + "\"" : null;
            default -> null;
        };
    }

    /** Printable ASCII without quote or backslash: tshark's text of such a string is the string itself. */
    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 || ch > 0x7e || ch == '"' || ch == '\\') {
                return false;
            }
        }
        return true;
    }
}
