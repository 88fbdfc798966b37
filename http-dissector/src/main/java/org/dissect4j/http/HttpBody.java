package org.dissect4j.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.dissect4j.api.AsciiScan;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.HeuristicList;
import org.dissect4j.api.Packet;
import org.dissect4j.api.StreamReassembly;
import org.dissect4j.api.Tree;

/**
 * Hands a message body on: a gzip or deflate {@code Content-Encoding} undone first (as a new data source,
 * "Uncompressed entity body"), {@code http.file_data}, then the dissector the {@code media_type} table names for the
 * message's content type (lower-cased, parameters dropped; an unknown {@code multipart/} subtype goes to the
 * {@code multipart/} entry), "HTTP body subdissector failed" when that dissector refuses the body, then the
 * {@code http} heuristics, else Wireshark's {@code media} for a type nobody takes, else {@code data} (no content type,
 * {@code application/octet-stream}). The body belongs to HTTP, so the lower
 * layer's {@link StreamReassembly} is hidden from whoever dissects it.
 */
final class HttpBody {
    private static final byte[] OCTET_STREAM = "application/octet-stream".getBytes(StandardCharsets.US_ASCII);
    private static final String[] ENCODING_NAMES = {"", "gzip", "deflate"};
    private static final byte[] MULTIPART = "multipart/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BOUNDARY = "boundary=".getBytes(StandardCharsets.US_ASCII);

    private final HttpHeaders headers;
    private final byte[] mediaKey = new byte[128];
    private int mediaKeyLength;
    /** The type handed to the body's dissector (Wireshark's match_string), shared with the body dissectors. */
    final MediaTypeName typeName = new MediaTypeName();
    private final MediaDissector media = new MediaDissector(typeName);
    private final StringBuilder label = new StringBuilder(64);
    private DissectorTable mediaTypes;
    private final HttpMediaTypes mediaTypeCache = new HttpMediaTypes();
    private HeuristicList heuristics;
    private DissectorHandle dataHandle;
    private DissectorHandle mediaHandle;
    private DissectorHandle jsonHandle;
    private DissectorHandle xmlHandle;
    private HttpContentDecoder decoder;
    /** The Protocol column a json or xml body set ({@code HTTP/JSON}), kept past the call that restores the caller's. */
    private String jsonOrXmlColumn;

    /** @param headers the message whose {@code Content-Type} chooses the dissector */
    HttpBody(HttpHeaders headers) {
        this.headers = headers;
    }

    void wire(DissectorTable mediaTypes, HeuristicList heuristics, DissectorHandle dataHandle) {
        this.mediaTypes = mediaTypes;
        this.heuristics = heuristics;
        this.dataHandle = dataHandle;
    }

    /** Wireshark's {@code media}, for the parts of a multipart body that name a type nobody dissects. */
    DissectorHandle mediaHandle() {
        return mediaHandle;
    }

    Dissector mediaDissector() {
        return media;
    }

    /** The {@code media} handle, and those whose protocol Wireshark appends to the Protocol column ({@code HTTP/JSON}). */
    void handles(DissectorHandle media, DissectorHandle json, DissectorHandle xml) {
        this.mediaHandle = media;
        this.jsonHandle = json;
        this.xmlHandle = xml;
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
        // Wireshark 4.0 adds the body as an ENC_ASCII string: every byte of 0x80 or more is a U+FFFD
        int fileData = t.add(HttpFields.FILE_DATA, off, captured);
        if (fileData >= 0) {
            t.setFlags(fileData, Tree.ASCII);
        }
        p.follow().add("http", src, off, captured);
        t.useSource(saved);
        DissectorHandle h = mediaHandle(p);
        typeName.set(mediaKey, mediaKeyLength);
        typeName.boundaryLength = 0;
        if (h != null && startsWith(MULTIPART)) {
            boundary(p);
        }
        String column = p.protocolColumn();
        typeName.column = column;
        jsonOrXmlColumn = null;
        DissectorHandle done = null;
        if (h != null) {
            if (p.callPayload(src, h, off, captured) > 0) {
                done = h;
            } else {
                t.expert(HttpFields.SUBDISSECTOR_FAILED, 0, 0);     // Wireshark's expert_add_info: no bytes of its own
            }
        }
        if (done == null) {
            done = tryHeuristics(p, src, off, captured);
        }
        if (done == null && mediaKeyLength > 0 && !isOctetStream() && p.callPayload(src, mediaHandle, off, captured) > 0) {
            done = mediaHandle;
        }
        if (done != null) {
            if (jsonOrXmlColumn == null) {
                columnAfter(p, done, column);
            } else {
                p.protocolColumn(jsonOrXmlColumn);      // set inside a multipart part
            }
        } else if (dataHandle != null && headers.ctOffset < 0) {
            // a body without Content-Type is drawn inside the HTTP item (tshark 4.0.17: "    Data (10 bytes)")
            p.callPayloadNested(src, dataHandle, off, captured);
        } else if (dataHandle != null) {
            p.callPayload(src, dataHandle, off, captured);     // application/octet-stream: beside it
        }
        typeName.length = 0;    // set for this body's call only: another carrier's body (HTTP/2) comes without one
    }

    /** Bytes that are no message body: {@code data} inside the HTTP item. */
    void deliverData(Packet p, int off, int len) {
        if (dataHandle != null) {
            p.callPayloadNested(p.source(), dataHandle, off, len);
        }
    }

    /**
     * The Protocol column after {@code h} dissected a body: {@code column} again, but Wireshark's json and xml
     * append their name to it ({@code HTTP/JSON}), also from inside a multipart part, and OCSP keeps its own.
     */
    void columnAfter(Packet p, DissectorHandle h, String column) {
        if (h == jsonHandle || h == xmlHandle) {
            jsonOrXmlColumn = slash(column, h == jsonHandle ? "JSON" : "XML");
            p.protocolColumn(jsonOrXmlColumn);
        } else if (setsItsOwnColumn(h)) {
            p.protocolColumn(h.protocol().shortName());     // Wireshark's ocsp sets "OCSP" itself
        } else {
            p.protocolColumn(column);
        }
    }

    /** The OCSP bodies' handles, whose Protocol column ({@code OCSP}) stays as in Wireshark: resolved once. */
    private DissectorHandle ocspRequest;
    private DissectorHandle ocspResponse;
    private boolean ocspResolved;

    private boolean setsItsOwnColumn(DissectorHandle h) {
        if (!ocspResolved && mediaTypes != null) {
            ocspRequest = mediaTypes.get("application/ocsp-request");
            ocspResponse = mediaTypes.get("application/ocsp-response");
            ocspResolved = true;
        }
        return h != null && h.protocol() != null && (h == ocspRequest || h == ocspResponse);
    }

    private static String slash(String column, String name) {
        return "HTTP".equals(column) ? "JSON".equals(name) ? "HTTP/JSON" : "HTTP/XML" : column + "/" + name;
    }

    /** The {@code boundary} parameter of the message's Content-Type (quotes removed) into {@link #typeName}. */
    private void boundary(Packet p) {
        int at = AsciiScan.indexOfIgnoreCase(p, headers.ctOffset, headers.ctOffset + headers.ctLength, BOUNDARY);
        if (at < 0) {
            return;
        }
        int from = at + BOUNDARY.length;
        int to = headers.ctOffset + headers.ctLength;
        boolean quoted = from < to && p.u8(from) == '"';
        int n = 0;
        for (int i = quoted ? from + 1 : from; i < to && n < typeName.boundary.length; i++) {
            int c = p.u8(i);
            if (quoted ? c == '"' : c == ';' || c == ' ' || c == '\t') {
                break;
            }
            typeName.boundary[n++] = (byte) c;
        }
        typeName.boundaryLength = n;
    }

    /** The {@code http} heuristics (Wireshark's {@code gif_http}, {@code png_http}): the first that takes the body. */
    private DissectorHandle tryHeuristics(Packet p, int src, int off, int len) {
        HeuristicList list = heuristics;
        for (int i = 0, n = list == null ? 0 : list.size(); i < n; i++) {
            HeuristicList.Entry e = list.entry(i);
            if (e.enabled() && p.callPayload(src, e.handle(), off, len) > 0) {
                return e.handle();
            }
        }
        return null;
    }

    private boolean startsWith(byte[] prefix) {
        return mediaKeyLength > prefix.length && Arrays.equals(mediaKey, 0, prefix.length, prefix, 0, prefix.length);
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
        DissectorHandle h = mediaTypeCache.lookup(mediaTypes, mediaKey, n);
        // an unknown multipart subtype (multipart/byteranges) goes to the "multipart/" entry, as in Wireshark
        return h == null && startsWith(MULTIPART) ? mediaTypeCache.lookup(mediaTypes, MULTIPART, MULTIPART.length) : h;
    }

    /**
     * Wireshark's {@code media} ("Media Type"): the body as {@code media.type}, labelled with the type and the byte
     * count, and {@code (type)} appended to Info; the Protocol column stays the layer's below.
     */
    private static final class MediaDissector implements Dissector {
        private final MediaTypeName type;
        private final StringBuilder text = new StringBuilder(64);

        MediaDissector(MediaTypeName type) {
            this.type = type;
        }

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
                type.appendTo(text.append("Media type: ")).append(" (").append(n).append(n == 1 ? " byte)" : " bytes)");
                t.setLabel(item, text);
            }
            if (p.columns()) {
                type.appendInfo(p.info());
            }
            return n;
        }
    }
}
