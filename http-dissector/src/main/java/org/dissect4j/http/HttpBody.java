package org.dissect4j.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Packet;
import org.dissect4j.api.StreamReassembly;
import org.dissect4j.api.Tree;

/**
 * Hands a message body on: a gzip or deflate {@code Content-Encoding} undone first (as a new data source,
 * "Uncompressed entity body"), {@code http.file_data}, then the dissector the {@code media_type} table names for the
 * message's content type (lower-cased, parameters dropped), else Wireshark's {@code media} for a type nobody takes,
 * else {@code data} (no content type, {@code application/octet-stream}). The body belongs to HTTP, so the lower
 * layer's {@link StreamReassembly} is hidden from whoever dissects it.
 */
final class HttpBody {
    private static final byte[] OCTET_STREAM = "application/octet-stream".getBytes(StandardCharsets.US_ASCII);
    private static final String[] ENCODING_NAMES = {"", "gzip", "deflate"};

    private final HttpHeaders headers;
    private final byte[] mediaKey = new byte[128];
    private int mediaKeyLength;
    private final MediaDissector media = new MediaDissector();
    private final StringBuilder label = new StringBuilder(64);
    private DissectorTable mediaTypes;
    private DissectorHandle dataHandle;
    private DissectorHandle mediaHandle;
    private HttpContentDecoder decoder;

    /** @param headers the message whose {@code Content-Type} chooses the dissector */
    HttpBody(HttpHeaders headers) {
        this.headers = headers;
    }

    void wire(DissectorTable mediaTypes, DissectorHandle dataHandle) {
        this.mediaTypes = mediaTypes;
        this.dataHandle = dataHandle;
    }

    Dissector mediaDissector() {
        return media;
    }

    void media(DissectorHandle handle) {
        this.mediaHandle = handle;
    }

    void decoder(HttpContentDecoder d) {
        this.decoder = d;
    }

    /**
     * The body: its decoding, {@code http.file_data}, then the media type's dissector, {@code media} or {@code data}.
     * {@code src} is the data source holding it ({@link Packet#source()} for the current one).
     */
    void deliver(Packet p, Tree t, int src, int off, int len) {
        int captured = src == p.source() ? Math.max(0, Math.min(len, p.capturedEnd() - off)) : len;
        if (captured <= 0) {
            return;
        }
        int saved = t.currentSource();
        if (headers.encoding != HttpHeaders.IDENTITY && captured == len && decoder != null
                && decoder.decode(t.segment(src), t.base(src), off, len, headers.encoding)) {
            int n = decoder.outputLength();
            t.useSource(src);
            int item = t.add(HttpFields.ENCODED_ENTITY, off, len);
            if (item >= 0 && t.wantsLabels()) {
                label.setLength(0);
                label.append("Content-encoded entity body (").append(ENCODING_NAMES[headers.encoding]).append("): ")
                        .append(len).append(" bytes -> ").append(n).append(" bytes");
                t.setLabel(item, label);
            }
            src = t.addSource(decoder.output(), 0, n, "Uncompressed entity body");
            off = 0;
            captured = n;
        }
        t.useSource(src);
        t.add(HttpFields.FILE_DATA, off, captured);
        t.useSource(saved);
        DissectorHandle h = mediaHandle(p);
        if (h == null && mediaKeyLength > 0 && !isOctetStream()) {
            media.type = mediaKey;
            media.typeLength = mediaKeyLength;
            h = mediaHandle;
        }
        if ((h == null || p.callPayload(src, h, off, captured) <= 0) && dataHandle != null) {
            p.callPayload(src, dataHandle, off, captured);
        }
    }

    private boolean isOctetStream() {
        return Arrays.equals(mediaKey, 0, mediaKeyLength, OCTET_STREAM, 0, OCTET_STREAM.length);
    }

    /** The media type's dissector: content type lower-cased, parameters dropped, looked up in {@code media_type}. */
    private DissectorHandle mediaHandle(Packet p) {
        mediaKeyLength = 0;
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
        mediaKeyLength = n;
        return HttpMediaTypes.lookup(mediaTypes, mediaKey, n);
    }

    /**
     * Wireshark's {@code media} ("Media Type"): the body as {@code media.type}, labelled with the type and the byte
     * count, and {@code (type)} appended to Info; the Protocol column stays the layer's below.
     */
    private static final class MediaDissector implements Dissector {
        private byte[] type = new byte[0];
        private int typeLength;
        private final StringBuilder text = new StringBuilder(64);

        @Override
        public int dissect(Packet p, int offset, int length) {
            int n = Math.min(length, p.captured(offset));
            if (n <= 0) {
                return 0;
            }
            Tree t = p.tree();
            t.open(HttpFields.MEDIA.field(), offset, n);
            int item = t.add(HttpFields.MEDIA_TYPE, offset, n);
            t.close();
            if (item >= 0 && t.wantsLabels()) {
                text.setLength(0);
                text.append("Media type: ");
                appendType();
                text.append(" (").append(n).append(n == 1 ? " byte)" : " bytes)");
                t.setLabel(item, text);
            }
            if (p.columns()) {
                StringBuilder info = p.info();
                if (!info.isEmpty()) {
                    info.append(' ');
                }
                info.append('(');
                for (int i = 0; i < typeLength; i++) {
                    info.append((char) (type[i] & 0xff));
                }
                info.append(')');
            }
            return n;
        }

        private void appendType() {
            for (int i = 0; i < typeLength; i++) {
                text.append((char) (type[i] & 0xff));
            }
        }
    }
}
