package org.dissect4j.http;

import org.dissect4j.api.AsciiScan;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * Wireshark's text-media dissector ({@code data-text-lines}, "Line-based text data"): a body of lines, each
 * shown as text,
 * registered in {@code media_type} for textual types. It appends {@code (type)} to the Info column, as
 * Wireshark does, and leaves the Protocol column to the layer below.
 */
final class TextLinesDissector implements Dissector {
    private final String mediaType;
    /** The body's type named in the label only (the text after a JSON value), or null. */
    private final MediaTypeName labelType;
    private final StringBuilder label = new StringBuilder(64);

    /** @param mediaType the type named in the label and the Info column, or null for text of no media type (WebSocket's) */
    TextLinesDissector(String mediaType) {
        this.mediaType = mediaType;
        this.labelType = null;
    }

    /** @param labelType the body's type, named in the label but not in the Info column (what a JSON parser left) */
    TextLinesDissector(MediaTypeName labelType) {
        this.mediaType = null;
        this.labelType = labelType;
    }

    @Override
    public int dissect(Packet p, int offset, int length) {
        int n = Math.min(length, p.captured(offset));
        if (n <= 0) {
            return 0;
        }
        Tree t = p.tree();
        int node = t.open(HttpFields.TEXT_LINES.field(), offset, n);
        int lines = 0;
        int end = offset + n;
        // the lines are walked only for an output that shows them (a body of megabytes is not scanned for -T fields)
        boolean walk = node >= 0 && (t.wants(HttpFields.LINE) || t.wantsLabels());
        for (int at = offset; walk && at < end; lines++) {
            int next = AsciiScan.indexOf(p, at, end, '\n');
            next = next < 0 ? end : next + 1;
            t.add(HttpFields.LINE, at, next - at);
            at = next;
        }
        t.close();
        if (node >= 0 && t.wantsLabels()) {
            label.setLength(0);
            label.append(HttpFields.TEXT_LINES.name());
            if (mediaType != null) {
                label.append(": ").append(mediaType);
            } else if (labelType != null && labelType.length > 0) {
                labelType.appendTo(label.append(": "));
            }
            label.append(" (").append(lines).append(" lines)");
            t.setLabel(node, label);
        }
        if (p.columns() && mediaType != null) {
            StringBuilder info = p.info();
            if (!info.isEmpty()) {
                info.append(' ');
            }
            info.append('(').append(mediaType).append(')');
        }
        return n;
    }
}
