package org.dissect4j.http;

import org.dissect4j.api.AsciiScan;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * Wireshark's {@code mime_multipart} for {@code multipart/*} bodies (RFC 2046 §5.1): the first boundary, each
 * encapsulated part with its header fields, the part's body handed to the {@code media_type} table by its own type
 * (else {@code media}; {@code data} without a type or for {@code application/octet-stream}), and the last boundary. The boundary comes from
 * the message's {@code Content-Type} ({@link MediaTypeName#boundary}); without one the body is not taken. The Info
 * column is what the parts' dissectors write.
 */
final class MultipartDissector implements Dissector {
    private static final String OCTET_STREAM = "application/octet-stream";
    /** The fields of {@link MimeHeader#NAMES}, in its order. */
    private static final Field[] MULTIPART_HEADERS = {BodyProtocols.MULTIPART_CONTENT_DESCRIPTION,
        BodyProtocols.MULTIPART_CONTENT_DISPOSITION, BodyProtocols.MULTIPART_CONTENT_ENCODING,
        BodyProtocols.MULTIPART_CONTENT_ID, BodyProtocols.MULTIPART_CONTENT_LANGUAGE, BodyProtocols.MULTIPART_CONTENT_LENGTH,
        BodyProtocols.MULTIPART_CONTENT_TRANSFER_ENCODING, BodyProtocols.MULTIPART_CONTENT_TYPE,
        BodyProtocols.MULTIPART_ORIGINAL_CONTENT};

    private final MediaTypeName type;
    private final byte[] outerType = new byte[128];
    private final byte[] partType = new byte[128];
    private final byte[] boundary = new byte[72];
    private final StringBuilder text = new StringBuilder(96);
    private final StringBuilder value = new StringBuilder(96);
    private final StringBuilder partTypeText = new StringBuilder(32);
    private final MimeHeader header = new MimeHeader();
    /** Where the multipart body ends (Wireshark's header fields may run up to it). */
    private int bodyEnd;
    private DissectorTable mediaTypes;
    private final HttpMediaTypes mediaTypeCache = new HttpMediaTypes();
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
        bodyEnd = end;
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
        if (first > offset) {
            t.add(BodyProtocols.MULTIPART_PREAMBLE, offset, first - offset);
        }
        t.add(BodyProtocols.MULTIPART_FIRST_BOUNDARY, first, partStart - first);
        while (true) {
            int next = delimiter(p, partStart, end, blen, false);
            if (next < 0) {
                // no delimiter closes the part: Wireshark leaves an empty part item and stops there
                t.addStringWithin(BodyProtocols.MULTIPART_PART, partStart, 0, partStart, 0);
                break;
            }
            part(p, t, partStart, next);
            int afterBoundary = next + 4 + blen;
            boolean last = afterBoundary + 2 <= end && p.u8(afterBoundary) == '-' && p.u8(afterBoundary + 1) == '-';
            int lineEnd = lineAfter(p, last ? afterBoundary + 2 : afterBoundary, end);
            t.add(last ? BodyProtocols.MULTIPART_LAST_BOUNDARY : BodyProtocols.MULTIPART_BOUNDARY, next, lineEnd - next);
            if (last) {
                if (lineEnd < end) {
                    t.add(BodyProtocols.MULTIPART_TRAILER, lineEnd, end - lineEnd);
                }
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

    /**
     * One part {@code [at, end)}: its header fields (each up to the CRLF that no folding follows; the last one takes
     * the empty line), then its body. A known header is its field with the value unfolded and compacted as
     * Wireshark's {@code unfold_and_compact_mime_header} does, an unknown one a text item; a field without a colon
     * ends the headers.
     */
    private void part(Packet p, Tree t, int at, int end) {
        // the part's item has an empty value and covers the part, as Wireshark's
        int item = t.addStringWithin(BodyProtocols.MULTIPART_PART, at, 0, at, end - at);
        t.push(item);
        int n = 0;
        boolean raw = false;
        int offset = at;
        for (boolean lastField = false; !lastField && offset < end; ) {
            int next = header.fieldEnd(p, offset, bodyEnd);
            lastField = header.lastField;
            if (next < 0) {
                break;
            } else if (lastField && next + 2 <= end) {
                next += 2;
            } else if (next - 2 == end) {
                lastField = true;
                next -= 2;
            } else if (next > end) {
                next = end;
            }
            int colon = header.compact(p, offset, next);
            if (colon <= 0) {
                break;
            }
            int known = MimeHeader.known(header.text, colon);
            if (known < 0) {
                if (!header.printable()) {
                    break;
                }
                t.add(HttpFields.LINE, offset, next - offset);
            } else {
                value.setLength(0);
                value.append(header.text, colon + 1, header.text.length());
                int node = t.addString(MULTIPART_HEADERS[known], value);
                t.clearFlags(node, Tree.GENERATED);
                t.showAt(node, offset, next - offset);
                if (node >= 0 && t.wantsLabels()) {
                    text.setLength(0);
                    HttpHeaders.appendText(p, offset, next, text);
                    t.setLabel(node, text);
                }
                if (MULTIPART_HEADERS[known] == BodyProtocols.MULTIPART_CONTENT_TYPE) {
                    n = contentType(value);
                    raw = n == OCTET_STREAM.length() && OCTET_STREAM.contentEquals(partTypeText(n));
                }
            }
            offset = next;
        }
        if (item >= 0 && t.wantsLabels()) {
            text.setLength(0);
            text.append("Encapsulated multipart part: ");
            if (n > 0) {
                text.append(" (").append(partTypeText(n)).append(')');
            }
            t.setLabel(item, text);
        }
        int body = offset;
        if (body < end) {
            type.set(partType, n);
            type.boundaryLength = 0;
            // drawn inside the part, as Wireshark does; the Protocol column stays the message's
            String column = type.column;
            DissectorHandle h = n == 0 || raw || mediaTypes == null ? null : mediaTypeCache.lookup(mediaTypes, partType, n);
            // a part that names a type nobody takes is Wireshark's media; one without a type (or octets) is data
            DissectorHandle fallback = n > 0 && !raw ? httpBody.mediaHandle() : dataHandle;
            if ((h == null || p.callNested(h, body, end - body) <= 0) && fallback != null) {
                p.callNested(fallback, body, end - body);
            }
            httpBody.columnAfter(p, h, column);
        }
        t.close();
    }

    /** The part's media type: the Content-Type value up to its parameters, lower-cased, into {@link #partType}. */
    private int contentType(CharSequence v) {
        int n = 0;
        for (int i = 0; i < v.length() && v.charAt(i) != ';' && n < partType.length; i++) {
            char c = v.charAt(i);
            partType[n++] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return n;
    }

    private CharSequence partTypeText(int n) {
        partTypeText.setLength(0);
        for (int i = 0; i < n; i++) {
            partTypeText.append((char) (partType[i] & 0xff));
        }
        return partTypeText;
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
