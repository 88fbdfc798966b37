package org.dissect4j.http;

import org.dissect4j.api.AsciiScan;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * Wireshark's {@code mime_multipart} for {@code multipart/*} bodies (RFC 2046 §5.1): the first boundary, each
 * encapsulated part with its {@code Content-Type} and {@code Content-Disposition} header, the part's body handed to
 * the {@code media_type} table by its own type (else {@code data}), and the last boundary. The boundary comes from
 * the message's {@code Content-Type} ({@link MediaTypeName#boundary}); without one the body is not taken. The Info
 * column is what the parts' dissectors write.
 */
final class MultipartDissector implements Dissector {
    private static final byte[] CONTENT_TYPE = HttpHeaders.ascii("content-type")[0];
    private static final byte[] CONTENT_DISPOSITION = HttpHeaders.ascii("content-disposition")[0];

    private final MediaTypeName type;
    private final byte[] outerType = new byte[128];
    private final byte[] partType = new byte[128];
    private final byte[] boundary = new byte[72];
    private final StringBuilder text = new StringBuilder(96);
    private DissectorTable mediaTypes;
    private DissectorHandle dataHandle;
    private HttpBody httpBody;

    MultipartDissector(MediaTypeName type) {
        this.type = type;
    }

    void wire(DissectorTable mediaTypes, DissectorHandle dataHandle, HttpBody body) {
        this.mediaTypes = mediaTypes;
        this.dataHandle = dataHandle;
        this.httpBody = body;
    }

    @Override
    public int dissect(Packet p, int offset, int length) {
        int end = offset + Math.min(length, p.captured(offset));
        int blen = type.boundaryLength;
        System.arraycopy(type.boundary, 0, boundary, 0, blen);
        int first = blen == 0 ? -1 : delimiter(p, offset, end, blen, true);
        if (first < 0) {
            return 0;
        }
        int outerLength = type.length;
        System.arraycopy(type.bytes, 0, outerType, 0, outerLength);
        Tree t = p.tree();
        int node = t.open(BodyProtocols.MULTIPART.field(), offset, end - offset);
        t.addString(BodyProtocols.MULTIPART_TYPE, type.appendTo(text.delete(0, text.length())));
        int partStart = lineAfter(p, first + 2 + blen, end);
        t.add(BodyProtocols.MULTIPART_FIRST_BOUNDARY, first, partStart - first);
        while (partStart < end) {
            int next = delimiter(p, partStart, end, blen, false);
            int partEnd = next < 0 ? end : next;
            part(p, t, partStart, partEnd);
            if (next < 0) {
                break;
            }
            int afterBoundary = next + 4 + blen;
            boolean last = afterBoundary + 2 <= end && p.u8(afterBoundary) == '-' && p.u8(afterBoundary + 1) == '-';
            int lineEnd = lineAfter(p, last ? afterBoundary + 2 : afterBoundary, end);
            t.add(last ? BodyProtocols.MULTIPART_LAST_BOUNDARY : BodyProtocols.MULTIPART_BOUNDARY, next, lineEnd - next);
            if (last) {
                break;
            }
            partStart = lineEnd;
        }
        t.close();
        if (node >= 0 && t.wantsLabels()) {
            text.setLength(0);
            text.append(BodyProtocols.MULTIPART.name()).append(", Type: ");
            for (int i = 0; i < outerLength; i++) {
                text.append((char) (outerType[i] & 0xff));
            }
            text.append(", Boundary: \"");
            for (int i = 0; i < blen; i++) {
                text.append((char) (boundary[i] & 0xff));
            }
            t.setLabel(node, text.append('"'));
        }
        return end - offset;
    }

    /** One part {@code [at, end)}: header lines up to the empty line, then its body. */
    private void part(Packet p, Tree t, int at, int end) {
        // the part's item has an empty value and covers the part, as Wireshark's
        int item = t.addStringWithin(BodyProtocols.MULTIPART_PART, at, 0, at, end - at);
        t.push(item);
        int ctStart = -1, ctEnd = -1;
        int body = end;
        for (int line = at; line < end; ) {
            int le = AsciiScan.lineEnd(p, line, end);
            if (le < 0) {
                break;
            }
            int next = AsciiScan.nextLine(p, le);
            if (le == line) {
                body = next;
                break;
            }
            int colon = AsciiScan.indexOf(p, line, le, ':');
            int v = colon < 0 ? le : AsciiScan.skipBlanks(p, colon + 1, le);
            if (colon > 0 && AsciiScan.equalsIgnoreCase(p, line, colon, CONTENT_TYPE)) {
                t.addStringWithin(BodyProtocols.MULTIPART_CONTENT_TYPE, v, le - v, line, next - line);
                ctStart = v;
                ctEnd = le;
            } else if (colon > 0 && AsciiScan.equalsIgnoreCase(p, line, colon, CONTENT_DISPOSITION)) {
                t.addStringWithin(BodyProtocols.MULTIPART_CONTENT_DISPOSITION, v, le - v, line, next - line);
            }
            line = next;
        }
        int n = 0;
        for (int i = ctStart; ctStart >= 0 && i < ctEnd && n < partType.length; i++) {
            int c = p.u8(i);
            if (c == ';' || c == ' ' || c == '\t') {
                break;
            }
            partType[n++] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        if (item >= 0 && t.wantsLabels()) {
            text.setLength(0);
            text.append("Encapsulated multipart part: ");
            if (n > 0) {
                text.append(" (");
                for (int i = 0; i < n; i++) {
                    text.append((char) (partType[i] & 0xff));
                }
                text.append(')');
            }
            t.setLabel(item, text);
        }
        if (body < end) {
            DissectorHandle h = n == 0 || mediaTypes == null ? null : HttpMediaTypes.lookup(mediaTypes, partType, n);
            type.set(partType, n);
            type.boundaryLength = 0;
            // drawn inside the part, as Wireshark does; the Protocol column stays the message's
            String column = type.column;
            if ((h == null || p.callNested(h, body, end - body) <= 0) && dataHandle != null) {
                p.callNested(dataHandle, body, end - body);
            }
            httpBody.columnAfter(p, h, column);
        }
        t.close();
    }

    /**
     * The next delimiter from {@code from}: {@code --boundary} at the start of the body ({@code atStart}) or
     * {@code CRLF--boundary} after a part; its offset (of the CR for the latter), or -1.
     */
    private int delimiter(Packet p, int from, int end, int blen, boolean atStart) {
        int lead = atStart ? 2 : 4;
        for (int at = from; at + lead + blen <= end; at++) {
            if (atStart ? p.u8(at) == '-' && p.u8(at + 1) == '-'
                    : p.u8(at) == '\r' && p.u8(at + 1) == '\n' && p.u8(at + 2) == '-' && p.u8(at + 3) == '-') {
                boolean same = true;
                for (int i = 0; i < blen && same; i++) {
                    same = p.u8(at + lead + i) == (boundary[i] & 0xff);
                }
                if (same) {
                    return at;
                }
            }
        }
        return -1;
    }

    /** Where the line containing {@code at} ends (after its CRLF), or {@code end}. */
    private static int lineAfter(Packet p, int at, int end) {
        int le = AsciiScan.lineEnd(p, Math.min(at, end), end);
        return le < 0 ? end : AsciiScan.nextLine(p, le);
    }
}
