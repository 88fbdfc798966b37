package org.dissect4j.http;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.StreamReassembly;
import org.dissect4j.api.Tree;

/**
 * Hands a message body on: {@code http.file_data}, then the dissector the {@code media_type} table names
 * for the message's content type (lower-cased, parameters dropped), else {@code data}. The body belongs to
 * HTTP, so the lower layer's {@link StreamReassembly} is hidden from whoever dissects it.
 */
final class HttpBody {
    private final HttpHeaders headers;
    private final byte[] mediaKey = new byte[128];
    private DissectorTable mediaTypes;
    private DissectorHandle dataHandle;

    /** @param headers the message whose {@code Content-Type} chooses the dissector */
    HttpBody(HttpHeaders headers) {
        this.headers = headers;
    }

    void wire(DissectorTable mediaTypes, DissectorHandle dataHandle) {
        this.mediaTypes = mediaTypes;
        this.dataHandle = dataHandle;
    }

    /**
     * The body: {@code http.file_data}, then the media type's dissector or {@code data}.
     * {@code src} is the data source holding it ({@link Packet#source()} for the current one).
     */
    void deliver(Packet p, Tree t, int src, int off, int len) {
        int captured = src == p.source() ? Math.max(0, Math.min(len, p.capturedEnd() - off)) : len;
        if (captured <= 0) {
            return;
        }
        int saved = t.currentSource();
        t.useSource(src);
        t.add(HttpFields.FILE_DATA, off, captured);
        t.useSource(saved);
        DissectorHandle h = mediaHandle(p);
        if ((h == null || p.callPayload(src, h, off, captured) <= 0) && dataHandle != null) {
            p.callPayload(src, dataHandle, off, captured);
        }
    }

    /** The media type's dissector: content type lower-cased, parameters dropped, looked up in {@code media_type}. */
    private DissectorHandle mediaHandle(Packet p) {
        int ctOffset = headers.ctOffset;
        if (ctOffset < 0 || mediaTypes == null) {
            return null;
        }
        int n = 0;
        for (int i = ctOffset; i < ctOffset + headers.ctLength && n < mediaKey.length; i++) {
            int c = p.u8(i);
            if (c == ';' || c == ' ' || c == '\t') {
                break;
            }
            mediaKey[n++] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return HttpMediaTypes.lookup(mediaTypes, mediaKey, n);
    }
}
