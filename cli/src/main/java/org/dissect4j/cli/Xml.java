package org.dissect4j.cli;

/** XML text as Wireshark's {@code print_escaped_xml} writes it (PDML and PSML). */
final class Xml {
    private Xml() {
    }

    /** Appends {@code s} with {@code & < > " '} escaped. */
    static void escape(CharSequence s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            escape(s.charAt(i), out);
        }
    }

    /**
     * Appends a string value as PDML's {@code show} holds it: the control characters other than tab, line feed and
     * carriage return as {@code \x} and their hex without leading zero ({@code \x1a},
     * {@code \x1}), then XML-escaped.
     */
    static void escapeString(CharSequence s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                out.append("\\x").append(Integer.toHexString(c));
            } else {
                escape(c, out);
            }
        }
    }

    private static void escape(char c, StringBuilder out) {
        switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#x27;");
            default -> out.append(c);
        }
    }
}
