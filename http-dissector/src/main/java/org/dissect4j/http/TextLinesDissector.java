package org.dissect4j.http;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * Wireshark's text-media dissector ({@code data-text-lines}, "Line-based text data"): a body of lines,
 * registered in {@code media_type} for textual types. It appends {@code (type)} to the Info column, as
 * Wireshark does, and leaves the Protocol column to the layer below.
 */
final class TextLinesDissector implements Dissector {
    private final String mediaType;

    TextLinesDissector(String mediaType) {
        this.mediaType = mediaType;
    }

    @Override
    public int dissect(Packet p, int offset, int length) {
        int n = Math.min(length, p.captured(offset));
        if (n <= 0) {
            return 0;
        }
        Tree t = p.tree();
        t.add(HttpFields.TEXT_LINES.field(), offset, n);
        if (p.columns()) {
            StringBuilder info = p.info();
            if (!info.isEmpty()) {
                info.append(' ');
            }
            info.append('(').append(mediaType).append(')');
        }
        return n;
    }
}
