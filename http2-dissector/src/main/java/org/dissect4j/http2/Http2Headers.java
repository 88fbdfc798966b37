package org.dissect4j.http2;

import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.HttpStatusNames;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * Decodes the header block fragment of a HEADERS, PUSH_PROMISE or CONTINUATION frame with its direction's HPACK
 * state and records what Wireshark shows for it: {@code http2.header.length} and {@code .count}, then per header
 * {@code http2.header} with its name, value, the header's own field ({@code http2.headers.method}...), the
 * representation and index, and {@code http2.request.full_uri}. A representation cut by the end of a fragment waits
 * for the next CONTINUATION (as nghttp2's inflater, which Wireshark uses, shows it in the frame that completes it).
 *
 * <p>Bounds, each with an expert item: a header block of more than {@code maxBlock} bytes over its frames stops
 * decoding for the connection (a block that never ends); a name or value longer than the scratch bound or an HPACK
 * error does the same (the dynamic table can no longer be trusted); past {@code maxLines} headers in one block the
 * rest are decoded (to keep the table right) but not shown.
 */
final class Http2Headers {
    private final Http2Scratch scratch;
    private final int maxBlock;
    private final int maxLines;
    private final StringBuilder text = new StringBuilder();
    /** What the Info column and the full URI need, from the frame just decoded. */
    final StringBuilder method = new StringBuilder();
    final StringBuilder path = new StringBuilder();
    private final StringBuilder scheme = new StringBuilder();
    private final StringBuilder authority = new StringBuilder();
    int status;

    Http2Headers(Http2Scratch scratch, int maxBlock, int maxLines) {
        this.scratch = scratch;
        this.maxBlock = maxBlock;
        this.maxLines = maxLines;
    }

    /** Forgets the previous frame's request and status. */
    void reset() {
        method.setLength(0);
        path.setLength(0);
        scheme.setLength(0);
        authority.setLength(0);
        status = -1;
    }

    /**
     * Decodes {@code fragment} bytes at {@code off} of the current source.
     *
     * @param first whether this frame starts a header block (HEADERS, PUSH_PROMISE)
     * @param end whether it ends it (END_HEADERS)
     */
    void decode(Packet p, Http2Connection c, int dir, int stream, int off, int fragment, boolean first, boolean end) {
        Tree t = p.tree();
        if (c == null) {
            return;
        }
        Http2Connection.Direction d = c.directions[dir];
        if (d.stopped) {
            t.expert(Http2Fields.HPACK_STOPPED, off, fragment);
            return;
        }
        if (first) {
            d.blockLength = 0;
            d.blockTotal = 0;
            d.blockLines = 0;
        }
        d.blockTotal += fragment;
        if (d.blockTotal > maxBlock || !c.reserveBlock(d, d.blockLength + fragment, maxBlock)) {
            stop(t, d, Http2Fields.CONTINUATION_LIMIT, off, fragment);
            return;
        }
        p.require(off, fragment);
        java.lang.foreign.MemorySegment.copy(p.segment(), org.dissect4j.api.Bytes.U8, p.base() + off, d.block, d.blockLength,
                fragment);
        int length = d.blockLength + fragment;
        int at = 0;
        long headerLength = 0;
        int count = 0;
        int lengthNode = t.addGenerated(Http2Fields.HEADER_LENGTH, 0);
        int countNode = t.addGenerated(Http2Fields.HEADER_COUNT, 0);
        while (at < length) {
            int r = d.hpack.next(d.block, at, length, scratch);
            if (r == Hpack.INCOMPLETE && !end) {
                break;
            }
            if (r < 0) {
                stop(t, d, r == Hpack.TABLE_LIMIT ? Http2Fields.TABLE_SIZE_LIMIT
                        : r == Hpack.TOO_LONG ? Http2Fields.HEADER_LIST_LIMIT : Http2Fields.HPACK_ERROR, off, fragment);
                break;
            }
            at += r;
            count++;
            if (++d.blockLines > maxLines) {
                if (d.blockLines == maxLines + 1) {
                    t.expert(Http2Fields.HEADER_LIST_LIMIT, off, fragment);
                }
                continue;
            }
            if (d.hpack.kind == Hpack.SIZE_UPDATE) {
                t.open(Http2Fields.TABLE_SIZE_UPDATE, off, fragment);
                t.addUint(Http2Fields.TABLE_SIZE, off, 0, d.hpack.newSize);
                t.close();
                continue;
            }
            headerLength += 8L + scratch.nameLength + scratch.valueLength;
            header(p, c, dir, stream, off, fragment, d.hpack);
        }
        if (!d.stopped) {
            // keep the cut representation for the next CONTINUATION
            System.arraycopy(d.block, at, d.block, 0, length - at);
            d.blockLength = end ? 0 : length - at;
        }
        if (lengthNode >= 0) {
            t.setValue(lengthNode, headerLength);
        }
        if (countNode >= 0) {
            t.setValue(countNode, count);
        }
        if (path.length() > 0 && authority.length() > 0 && t.wants(Http2Fields.FULL_URI)) {
            text.setLength(0);
            text.append(scheme.length() > 0 ? scheme : "http").append("://").append(authority).append(path);
            t.addString(Http2Fields.FULL_URI, text);
        }
    }

    private static void stop(Tree t, Http2Connection.Direction d, org.dissect4j.api.Expert e, int off, int len) {
        t.expert(e, off, len);
        d.stopped = true;
        d.blockLength = 0;
    }

    private void header(Packet p, Http2Connection c, int dir, int stream, int off, int fragment, Hpack h) {
        Tree t = p.tree();
        Http2Scratch s = scratch;
        Field own = Http2HeaderFields.of(s.name, s.nameLength);
        remember(own, c, dir, stream);
        int node = t.open(Http2Fields.HEADER, off, fragment);
        if (node >= 0 && t.wantsLabels()) {
            text.setLength(0);
            text.append("Header: ");
            Http2Scratch.append(text, s.name, s.nameLength);
            text.append(": ");
            Http2Scratch.append(text, s.value, s.valueLength);
            if (own == Http2HeaderFields.STATUS && status >= 0) {
                String reason = HttpStatusNames.reason(status);
                if (reason != null) {
                    text.append(' ').append(reason);
                }
            }
            t.setLabel(node, text);
        }
        t.addUint(Http2Fields.HEADER_NAME_LENGTH, off, 0, s.nameLength);
        shown(t, string(t, Http2Fields.HEADER_NAME, s.name, s.nameLength));
        t.addUint(Http2Fields.HEADER_VALUE_LENGTH, off, 0, s.valueLength);
        shown(t, string(t, Http2Fields.HEADER_VALUE, s.value, s.valueLength));
        if (own != null) {
            if (own.type() == FieldType.STRING) {
                shown(t, string(t, own, s.value, s.valueLength));
            } else {
                long v = number(s.value, s.valueLength);
                if (v >= 0) {
                    t.addUint(own, off, 0, v);
                }
            }
        }
        string(t, Http2Fields.HEADER_UNESCAPED, s.value, s.valueLength);
        if (t.wants(Http2Fields.HEADER_REPR)) {
            shown(t, t.addString(Http2Fields.HEADER_REPR, Hpack.REPRESENTATIONS[h.kind]));
        }
        if (h.index > 0) {
            t.addUint(Http2Fields.HEADER_INDEX, off, 0, h.index);
        }
        t.close();
    }

    /**
     * Records the bytes at {@code off} as a string of Wireshark's ASCII encoding: a byte of 0x80 or more shows as
     * U+FFFD (the CONTINUATION fragment is a string field holding HPACK bytes).
     */
    void asciiString(Packet p, Field f, int off, int len) {
        Tree t = p.tree();
        if (!t.wants(f)) {
            return;
        }
        p.require(off, len);
        text.setLength(0);
        for (int i = 0; i < len; i++) {
            int b = p.u8(off + i);
            text.append(b < 0x80 ? (char) b : '\ufffd');
        }
        shown(t, t.addString(f, text));
    }

    /** Keeps what the Info column, the full URI and later DATA frames need. */
    private void remember(Field own, Http2Connection c, int dir, int stream) {
        Http2Scratch s = scratch;
        if (own == Http2HeaderFields.METHOD) {
            set(method, s.value, s.valueLength);
        } else if (own == Http2HeaderFields.PATH) {
            set(path, s.value, s.valueLength);
        } else if (own == Http2HeaderFields.SCHEME) {
            set(scheme, s.value, s.valueLength);
        } else if (own == Http2HeaderFields.AUTHORITY) {
            set(authority, s.value, s.valueLength);
        } else if (own == Http2HeaderFields.STATUS) {
            long v = number(s.value, s.valueLength);
            status = v >= 0 && v < 1000 ? (int) v : -1;
        } else if (own == Http2HeaderFields.CONTENT_TYPE) {
            c.contentType(stream, dir, s.value, s.valueLength);
        }
    }

    private static void set(StringBuilder sb, byte[] b, int n) {
        sb.setLength(0);
        Http2Scratch.append(sb, b, Math.min(n, 2048));
    }

    private int string(Tree t, Field f, byte[] b, int n) {
        if (!t.wants(f)) {
            return -1;
        }
        text.setLength(0);
        Http2Scratch.append(text, b, n);
        return t.addString(f, text);
    }

    /** Wireshark shows these as plain items (they lie in its "Decompressed Header" data source), not generated ones. */
    private static void shown(Tree t, int node) {
        if (node >= 0) {
            t.clearFlags(node, Tree.GENERATED);
        }
    }

    /** A decimal value, or -1 when it is not one (or has more than 18 digits). */
    private static long number(byte[] b, int n) {
        if (n == 0 || n > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
