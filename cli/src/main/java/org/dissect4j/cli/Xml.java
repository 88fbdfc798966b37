package org.dissect4j.cli;

/** XML text as Wireshark's {@code print_escaped_xml} writes it (PDML and PSML). */
final class Xml {
    private Xml() {
    }

    /** Appends {@code s} with {@code & < > " '} escaped (runs without them copied at once: PDML is mostly such runs). */
    static void escape(CharSequence s, StringBuilder out) {
        escape(s, out, false);
    }

    /**
     * Appends a string value as PDML's {@code show} holds it: the control characters other than tab, line feed and
     * carriage return as {@code \x} and their hex without leading zero ({@code \x1a},
     * {@code \x1}), then XML-escaped.
     */
    static void escapeString(CharSequence s, StringBuilder out) {
        escape(s, out, true);
    }

    /**
     * Escapes in place what was appended to {@code sb} from {@code from} on, as {@link #escape}: a label written
     * straight into the output and checked afterwards (it rarely holds anything to escape) is copied once, not twice.
     */
    static void escapeTail(StringBuilder sb, int from) {
        escapeTail(sb, from, false);
    }

    /** Escapes in place what was appended to {@code sb} from {@code from} on, as {@link #escapeString}. */
    static void escapeStringTail(StringBuilder sb, int from) {
        escapeTail(sb, from, true);
    }

    private static void escapeTail(StringBuilder sb, int from, boolean string) {
        int n = sb.length();
        for (int i = from; i < n; i++) {
            if (special(sb.charAt(i), string)) {
                String raw = sb.substring(from);
                sb.setLength(from);
                escape(raw, sb, string);
                return;
            }
        }
    }

    private static void escape(CharSequence s, StringBuilder out, boolean string) {
        int n = s.length();
        int first = 0;
        while (first < n && !special(s.charAt(first), string)) {
            first++;
        }
        if (first == n) {
            out.append(s);      // one copy of the whole text: append(s, from, to) copies a character at a time
            return;
        }
        int start = 0;
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            if (special(c, string)) {
                out.append(s, start, i);
                String entity = entity(c);
                if (entity != null) {
                    out.append(entity);
                } else {
                    out.append("\\x").append(Integer.toHexString(c));
                }
                start = i + 1;
            }
        }
        out.append(s, start, n);
    }

    /** A character written otherwise: an entity, or (in a string value) a control character other than tab, LF and CR. */
    private static boolean special(char c, boolean string) {
        if (c > '>') {
            return string && c == 0x7F;
        }
        return entity(c) != null || string && c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    private static String entity(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#x27;";
            default -> null;
        };
    }
}
