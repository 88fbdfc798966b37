package org.dissect4j.http;

import org.dissect4j.api.FieldFormat;
import org.dissect4j.api.TreeView;

/**
 * The {@code -V} lines of HTTP items that show the text they cover rather than {@code Name: value}: the start
 * line, each header line ({@code Host: example.com\r\n}, whose value is only {@code example.com}), the empty
 * line, and the body's size. Run only when an output prints labels.
 */
final class HttpLabels {
    private HttpLabels() {
    }

    /** The bytes the item is shown over, as text: {@code GET / HTTP/1.1\r\n}. */
    static void line(TreeView t, int n, StringBuilder out) {
        int start = out.length();
        FieldFormat.text(t, t.shownSource(n), t.shownOffset(n), t.shownLength(n), out);
        if (out.length() - start >= LABEL_LIMIT) {
            // Wireshark's proto_tree_add_format_text marks a cut text at its start (label_mark_truncated at 0):
            // "[truncated]Cookie: ...", 238 characters in all
            out.insert(start, " [truncated]");
            out.setLength(start + LABEL_LIMIT - 2);
        }
    }

    /** Wireshark's ITEM_LABEL_LENGTH. */
    private static final int LABEL_LIMIT = 240;

    /** {@code File Data: 24000 bytes}. */
    static void fileData(TreeView t, int n, StringBuilder out) {
        int len = t.length(n);
        out.append("File Data: ").append(len).append(len == 1 ? " byte" : " bytes");
    }
}
