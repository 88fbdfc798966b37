package org.dissect4j.cli;

/** XML text as Wireshark's {@code print_escaped_xml} writes it (PDML and PSML). */
final class Xml {
    private Xml() {
    }

    /** Appends {@code s} with {@code & < > " '} escaped. */
    static void escape(CharSequence s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
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
}
