package org.dissect4j.cli;

/** XML text as Wireshark's {@code print_escaped_xml} writes it (PDML and PSML). */
final class Xml {
    private Xml() {
    }

    /** Appends {@code s} with {@code & < > " '} escaped (runs without them copied at once: PDML is mostly such runs). */
    static void escape(CharSequence s, StringBuilder out) {
        int n = s.length();
        int first = 0;
        while (first < n && entity(s.charAt(first)) == null) {
            first++;
        }
        if (first == n) {
            out.append(s);      // one copy of the whole text: append(s, from, to) copies a character at a time
            return;
        }
        int start = 0;
        for (int i = first; i < n; i++) {
            String entity = entity(s.charAt(i));
            if (entity != null) {
                out.append(s, start, i).append(entity);
                start = i + 1;
            }
        }
        out.append(s, start, n);
    }

    /**
     * Appends a string value as PDML's {@code show} holds it: the control characters other than tab, line feed and
     * carriage return as {@code \x} and their hex without leading zero ({@code \x1a},
     * {@code \x1}), then XML-escaped.
     */
    static void escapeString(CharSequence s, StringBuilder out) {
        int n = s.length();
        int first = 0;
        while (first < n && !special(s.charAt(first))) {
            first++;
        }
        if (first == n) {
            out.append(s);
            return;
        }
        int start = 0;
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                out.append(s, start, i).append("\\x").append(Integer.toHexString(c));
                start = i + 1;
            } else {
                String entity = entity(c);
                if (entity != null) {
                    out.append(s, start, i).append(entity);
                    start = i + 1;
                }
            }
        }
        out.append(s, start, n);
    }

    /**
     * Escapes in place what was appended to {@code sb} from {@code from} on, as {@link #escape}: a label written
     * straight into the output and checked afterwards (it rarely holds anything to escape) is copied once, not twice.
     */
    static void escapeTail(StringBuilder sb, int from) {
        int n = sb.length();
        for (int i = from; i < n; i++) {
            char c = sb.charAt(i);
            if (c <= '>' && entity(c) != null) {
                String raw = sb.substring(from);
                sb.setLength(from);
                escape(raw, sb);
                return;
            }
        }
    }

    /** Escapes in place what was appended to {@code sb} from {@code from} on, as {@link #escapeString}. */
    static void escapeStringTail(StringBuilder sb, int from) {
        int n = sb.length();
        for (int i = from; i < n; i++) {
            char c = sb.charAt(i);
            if (c <= '>' && special(c) || c == 0x7F) {
                String raw = sb.substring(from);
                sb.setLength(from);
                escapeString(raw, sb);
                return;
            }
        }
    }

    private static boolean special(char c) {
        return c < 0x20 || c == 0x7F || entity(c) != null;
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
