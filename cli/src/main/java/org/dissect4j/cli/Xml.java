package org.dissect4j.cli;

/** XML text as Wireshark's {@code print_escaped_xml} writes it (PDML and PSML). */
final class Xml {
    private Xml() {
    }

    /** Appends {@code s} with {@code & < > " '} escaped (runs without them copied at once: PDML is mostly such runs). */
    static void escape(CharSequence s, StringBuilder out) {
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
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
        int start = 0;
        for (int i = 0; i < n; i++) {
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
