package org.dissect4j.http;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

import org.dissect4j.api.Bytes;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.Field;
import org.dissect4j.api.Packet;
import org.dissect4j.api.StreamReassembly;
import org.dissect4j.api.Tree;

/**
 * HTTP/1.x over a byte stream (RFC 9112), Wireshark's {@code dissect_http_tcp}: request and status lines,
 * header fields, and bodies framed by {@code Content-Length}, by chunked transfer coding, or (responses
 * without either) by the end of the connection. A message that does not fit the data is requested through
 * {@link StreamReassembly}; the body goes to the {@code media_type} table by its content type, else to
 * {@code data}.
 *
 * <pre>
 * HTTP-message = start-line CRLF *( field-line CRLF ) CRLF [ message-body ]
 * start-line   = method SP request-target SP HTTP-version / HTTP-version SP status-code SP [ reason-phrase ]
 * </pre>
 *
 * <p>Nothing is allocated per packet, except when a chunked body first needs a larger de-chunking buffer.
 */
public final class HttpDissector implements Dissector {
    private static final byte[][] METHODS = ascii("GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT",
            "PATCH", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "SEARCH", "REPORT", "M-SEARCH",
            "NOTIFY", "SUBSCRIBE", "UNSUBSCRIBE", "MKACTIVITY", "CHECKOUT", "MERGE", "ACL", "BIND", "UNBIND", "REBIND",
            "LABEL", "UPDATE", "VERSION-CONTROL", "BASELINE-CONTROL", "MKWORKSPACE", "ORDERPATCH", "MKCALENDAR", "POLL",
            "BMOVE", "BDELETE", "BPROPFIND", "BPROPPATCH", "BCOPY", "X-MS-ENUMATTS", "RPC_IN_DATA", "RPC_OUT_DATA",
            "SSTP_DUPLEX_POST", "CCM_POST", "PRI");
    private static final byte[] HEAD = ascii("HEAD")[0];
    private static final byte[][] HEADER_NAMES = ascii("host", "user-agent", "content-type", "content-length",
            "connection", "accept", "referer", "accept-language", "accept-encoding", "date", "cache-control", "server",
            "location", "set-cookie", "cookie", "last-modified", "transfer-encoding", "content-encoding", "upgrade",
            "authorization", "proxy-authenticate", "proxy-authorization", "www-authenticate", "x-forwarded-for");
    private static final Field[] HEADER_FIELDS = {HttpFields.HOST, HttpFields.USER_AGENT, HttpFields.CONTENT_TYPE,
            HttpFields.CONTENT_LENGTH_HEADER, HttpFields.CONNECTION, HttpFields.ACCEPT, HttpFields.REFERER,
            HttpFields.ACCEPT_LANGUAGE, HttpFields.ACCEPT_ENCODING, HttpFields.DATE, HttpFields.CACHE_CONTROL,
            HttpFields.SERVER, HttpFields.LOCATION, HttpFields.SET_COOKIE, HttpFields.COOKIE, HttpFields.LAST_MODIFIED,
            HttpFields.TRANSFER_ENCODING, HttpFields.CONTENT_ENCODING, HttpFields.UPGRADE, HttpFields.AUTHORIZATION,
            HttpFields.PROXY_AUTHENTICATE, HttpFields.PROXY_AUTHORIZATION, HttpFields.WWW_AUTHENTICATE,
            HttpFields.X_FORWARDED_FOR};
    private static final int H_HOST = 0, H_CONTENT_TYPE = 2, H_CONTENT_LENGTH = 3, H_TRANSFER_ENCODING = 16;
    private static final byte[] CHUNKED = ascii("chunked")[0];
    private static final int MAX_DECHUNKED = 16 << 20;
    private static final int TLS_PORT = 443;

    private final HttpConversations conversations = new HttpConversations();
    private DissectorTable mediaTypes;
    private DissectorHandle dataHandle;
    private DissectorHandle self;

    // Per message (reused).
    private int lineEnd;
    private int nextLine;
    private long contentLength;
    private boolean chunked;
    private int ctOffset;
    private int ctLength;
    private int hostOffset;
    private int hostLength;
    private int uriOffset;
    private int uriLength;
    private byte[] dechunked = new byte[0];
    private MemorySegment dechunkedView = MemorySegment.ofArray(dechunked);
    private int dechunkedUsed;
    private long dechunkedFrame = -1;
    private final byte[] mediaKey = new byte[128];
    private final StringBuilder scratch = new StringBuilder(128);

    void wire(DissectorTable mediaTypes, DissectorHandle dataHandle, DissectorHandle self) {
        this.mediaTypes = mediaTypes;
        this.dataHandle = dataHandle;
        this.self = self;
    }

    @Override
    public int dissect(Packet p, int offset, int length) {
        int end = offset + length;
        int at = offset;
        while (at < end) {
            int n = message(p, at, end);
            if (n <= 0) {
                break;
            }
            at += n;
            if (p.columns()) {
                p.fenceInfo();
            }
        }
        return at - offset;
    }

    /** The heuristic ({@code http_tcp}): a complete first line that starts or ends with "HTTP/1.". */
    int heuristic(Packet p, int offset, int length) {
        int end = Math.min(offset + length, p.capturedEnd());
        int le = findLineEnd(p, offset, end);
        if (le < 0) {
            return 0;
        }
        int linelen = le - offset;
        if (linelen == 8) {
            return 0;
        }
        boolean ok = startsWithIgnoreCase(p, offset, le, "HTTP/1.")
                || linelen >= 8 && startsWithIgnoreCase(p, le - 8, le, "HTTP/1.");
        if (!ok) {
            return 0;
        }
        StreamReassembly s = p.stream();
        if (s != null && self != null) {
            s.claim(self);
        }
        return dissect(p, offset, length);
    }

    /** One message at {@code at}; returns bytes consumed, or -1 when more data was requested. */
    private int message(Packet p, int at, int end) {
        Tree t = p.tree();
        StreamReassembly stream = p.stream();
        boolean can = stream != null && stream.canDesegment();
        int capEnd = Math.min(end, p.capturedEnd());
        int firstEnd = findLineEnd(p, at, capEnd);
        if (firstEnd < 0) {
            if (can) {
                stream.needMore(at, StreamReassembly.ONE_MORE_SEGMENT);
                return -1;
            }
            firstEnd = capEnd;
            nextLine = capEnd;
        }
        int firstNext = nextLine;
        int kind = classify(p, at, firstEnd);
        if (kind == 0) {
            return continuation(p, at, end);
        }
        if (p.columns()) {
            StringBuilder info = p.clearInfo();
            appendText(p, at, firstEnd, info);
            info.append(' ');
        }

        // Headers: find their end and what frames the body.
        contentLength = -1;
        chunked = false;
        ctOffset = -1;
        hostOffset = -1;
        uriOffset = -1;
        uriLength = -1;
        int headersEnd = -1;
        int line = firstNext;
        while (true) {
            int le = findLineEnd(p, line, capEnd);
            if (le < 0) {
                if (can) {
                    stream.needMore(at, StreamReassembly.ONE_MORE_SEGMENT);
                    return -1;
                }
                break;
            }
            int next = nextLine;
            if (le == line) {
                headersEnd = next;
                break;
            }
            scanHeader(p, line, le);
            line = next;
        }
        int status = kind == 2 ? statusCode(p, at, firstEnd) : -1;
        boolean headReply = false;
        if (kind == 2) {
            headReply = conversations.lastMethodIsHead(stream == null ? -1 : stream.streamIndex());
        }
        boolean bodyExpected = kind == 2 && !headReply && !(status >= 100 && status < 200) && status != 204 && status != 304;
        if (headersEnd >= 0 && can) {
            int avail = capEnd - headersEnd;
            if (chunked && (kind == 1 || bodyExpected)) {
                int need = chunkedNeed(p, headersEnd, capEnd);
                if (need != 0) {
                    stream.needMore(at, need);
                    return -1;
                }
            } else if (contentLength >= 0 && (kind == 1 || bodyExpected)) {
                if (avail < contentLength) {
                    stream.needMore(at, (int) Math.min(Integer.MAX_VALUE - 1, contentLength - avail));
                    return -1;
                }
            } else if (kind == 2 && bodyExpected && contentLength < 0 && !chunked && !stream.isReassembled() && !stream.fin()) {
                stream.needMore(at, StreamReassembly.UNTIL_FIN);
                return -1;
            }
        }

        // Now dissect the message.
        int httpNode = t.open(HttpFields.HTTP.field(), at, 0);
        int streamIdx = stream == null ? -1 : stream.streamIndex();
        if (kind == 1) {
            requestLine(p, t, at, firstEnd, firstNext);
        } else {
            responseLine(p, t, at, firstEnd, firstNext);
        }
        if (p.srcPort() == TLS_PORT || p.dstPort() == TLS_PORT) {
            t.expert(HttpFields.TLS_PORT, at, firstEnd - at);
        }
        line = firstNext;
        int stop = headersEnd >= 0 ? headersEnd : capEnd;
        while (line < stop) {
            int le = findLineEnd(p, line, capEnd);
            if (le < 0) {
                le = capEnd;
                nextLine = capEnd;
            }
            int next = nextLine;
            if (le == line) {
                break;
            }
            headerLine(p, t, kind, line, le, next);
            line = next;
        }
        if (contentLength >= 0 && chunked) {
            t.expert(HttpFields.TE_AND_LENGTH, at, 0);
        }
        if (kind == 1) {
            if (hostOffset >= 0 && uriOffset >= 0 && t.wants(HttpFields.FULL_URI)) {
                scratch.setLength(0);
                scratch.append("http://");
                appendText(p, hostOffset, hostOffset + hostLength, scratch);
                appendText(p, uriOffset, uriOffset + uriLength, scratch);
                t.setFlags(t.addString(HttpFields.FULL_URI, scratch), Tree.GENERATED);
            }
            int n = conversations.request(streamIdx, p.frame().number(), p.frame().timestampNanos(),
                    p.segment(), p.base(), uriOffset, uriLength, startsWith(p, at, firstEnd, HEAD), hostOffset, hostLength);
            t.addGenerated(HttpFields.REQUEST_NUMBER, n);
        } else {
            HttpConversations.Request rq = conversations.response(streamIdx);
            if (rq != null) {
                t.addGenerated(HttpFields.RESPONSE_NUMBER, rq.number);
                t.setFlags(t.addLong(HttpFields.TIME, 0, 0, p.frame().timestampNanos() - rq.time), Tree.GENERATED);
                t.addGenerated(HttpFields.REQUEST_IN, rq.frame);
                if (rq.fullUri != null && t.wants(HttpFields.RESPONSE_FOR_URI)) {
                    t.setFlags(t.addString(HttpFields.RESPONSE_FOR_URI, rq.fullUri), Tree.GENERATED);
                }
            }
        }

        int bodyStart = headersEnd >= 0 ? headersEnd : capEnd;
        int consumed;
        if (headersEnd < 0) {
            consumed = end - at;
        } else if (chunked && (kind == 1 || bodyExpected)) {
            consumed = chunkedBody(p, t, bodyStart, end) - at;
        } else if (contentLength >= 0 && (kind == 1 || bodyExpected)) {
            int len = (int) Math.min(contentLength, end - bodyStart);
            body(p, t, -2, bodyStart, len);
            consumed = bodyStart + len - at;
        } else if (kind == 2 && bodyExpected && contentLength < 0) {
            body(p, t, -2, bodyStart, end - bodyStart);
            consumed = end - at;
        } else {
            consumed = bodyStart - at;
        }
        t.setLength(httpNode, Math.min(consumed, Math.max(0, capEnd - at)));
        t.close();
        return consumed;
    }

    /** Data that does not start an HTTP message on a connection known to be HTTP. */
    private int continuation(Packet p, int at, int end) {
        Tree t = p.tree();
        if (p.columns()) {
            p.clearInfo().append("Continuation");
        }
        t.open(HttpFields.HTTP.field(), at, Math.max(0, Math.min(end, p.capturedEnd()) - at));
        body(p, t, -2, at, end - at);
        t.close();
        return end - at;
    }

    private void requestLine(Packet p, Tree t, int at, int le, int next) {
        t.setFlags(t.addUint(HttpFields.REQUEST, at, 0, 1), Tree.HIDDEN);
        t.expertQuoting(HttpFields.CHAT, at, next - at);
        int sp1 = indexOf(p, at, le, ' ');
        int sp2 = sp1 < 0 ? -1 : indexOf(p, sp1 + 1, le, ' ');
        if (sp1 < 0) {
            return;
        }
        t.add(HttpFields.METHOD, at, sp1 - at);
        int uriEnd = sp2 < 0 ? le : sp2;
        uriOffset = sp1 + 1;
        uriLength = uriEnd - uriOffset;
        t.add(HttpFields.URI, uriOffset, uriLength);
        int q = indexOf(p, uriOffset, uriEnd, '?');
        if (t.wants(HttpFields.URI_PATH)) {
            t.add(HttpFields.URI_PATH, uriOffset, (q < 0 ? uriEnd : q) - uriOffset);
            if (q >= 0) {
                t.add(HttpFields.URI_QUERY, q + 1, uriEnd - q - 1);
            }
        }
        if (sp2 >= 0) {
            t.add(HttpFields.REQUEST_VERSION, sp2 + 1, le - sp2 - 1);
        }
    }

    private void responseLine(Packet p, Tree t, int at, int le, int next) {
        t.setFlags(t.addUint(HttpFields.RESPONSE, at, 0, 1), Tree.HIDDEN);
        t.expertQuoting(HttpFields.CHAT, at, next - at);
        int sp1 = indexOf(p, at, le, ' ');
        if (sp1 < 0) {
            return;
        }
        t.add(HttpFields.RESPONSE_VERSION, at, sp1 - at);
        int codeStart = sp1 + 1;
        int code = 0, i = codeStart;
        while (i < le && i < codeStart + 3 && isDigit(p.u8(i))) {
            code = code * 10 + p.u8(i) - '0';
            i++;
        }
        if (i - codeStart == 3) {
            t.addUint(HttpFields.RESPONSE_CODE, codeStart, 3, code);
            if (t.wants(HttpFields.RESPONSE_CODE_DESC)) {
                String desc = HttpStatus.reason(code);
                if (desc != null) {
                    t.setFlags(t.addString(HttpFields.RESPONSE_CODE_DESC, desc), Tree.GENERATED);
                }
            }
            if (i < le && p.u8(i) == ' ') {
                t.add(HttpFields.RESPONSE_PHRASE, i + 1, le - i - 1);
            }
        }
    }

    private void headerLine(Packet p, Tree t, int kind, int line, int le, int next) {
        t.setFlags(t.add(kind == 1 ? HttpFields.REQUEST_LINE : HttpFields.RESPONSE_LINE, line, next - line), Tree.HIDDEN);
        int colon = indexOf(p, line, le, ':');
        if (colon < 0) {
            return;
        }
        int h = headerIndex(p, line, colon);
        if (h < 0) {
            return;
        }
        int v = colon + 1;
        while (v < le && (p.u8(v) == ' ' || p.u8(v) == '\t')) {
            v++;
        }
        int ve = le;
        while (ve > v && (p.u8(ve - 1) == ' ' || p.u8(ve - 1) == '\t')) {
            ve--;
        }
        int node = t.add(HEADER_FIELDS[h], v, ve - v);
        if (h == H_CONTENT_LENGTH) {
            long cl = parseDecimal(p, v, ve);
            if (cl >= 0) {
                t.push(node);
                t.setFlags(t.addUint(HttpFields.CONTENT_LENGTH, v, ve - v, cl), Tree.GENERATED);
                t.close();
            }
        } else if (h == H_HOST) {
            hostOffset = v;
            hostLength = ve - v;
        }
    }

    /** Header scan for framing (Content-Length, Transfer-Encoding, Content-Type, Host). */
    private void scanHeader(Packet p, int line, int le) {
        int colon = indexOf(p, line, le, ':');
        if (colon < 0) {
            return;
        }
        int h = headerIndex(p, line, colon);
        if (h < 0) {
            return;
        }
        int v = colon + 1;
        while (v < le && (p.u8(v) == ' ' || p.u8(v) == '\t')) {
            v++;
        }
        int ve = le;
        while (ve > v && (p.u8(ve - 1) == ' ' || p.u8(ve - 1) == '\t')) {
            ve--;
        }
        switch (h) {
            case H_CONTENT_LENGTH -> contentLength = parseDecimal(p, v, ve);
            case H_TRANSFER_ENCODING -> chunked = containsIgnoreCase(p, v, ve, CHUNKED);
            case H_CONTENT_TYPE -> {
                ctOffset = v;
                ctLength = ve - v;
            }
            default -> {
            }
        }
    }

    /**
     * Whether a chunked body starting at {@code at} is complete before {@code end}: 0 if so, else
     * {@link StreamReassembly#ONE_MORE_SEGMENT}.
     */
    private int chunkedNeed(Packet p, int at, int end) {
        int pos = at;
        while (true) {
            int le = findLineEnd(p, pos, end);
            if (le < 0) {
                return StreamReassembly.ONE_MORE_SEGMENT;
            }
            long size = parseHex(p, pos, le);
            pos = nextLine;
            if (size < 0) {
                return 0; // malformed: dissect what there is
            }
            if (size == 0) {
                // trailer-part until an empty line
                while (true) {
                    int te = findLineEnd(p, pos, end);
                    if (te < 0) {
                        return StreamReassembly.ONE_MORE_SEGMENT;
                    }
                    boolean empty = te == pos;
                    pos = nextLine;
                    if (empty) {
                        return 0;
                    }
                }
            }
            // Wireshark 4.0 asks for "one more segment" for a cut chunk too, not for the exact remainder.
            if (end - pos < size + 2) {
                return StreamReassembly.ONE_MORE_SEGMENT;
            }
            pos += (int) size;
            int ce = findLineEnd(p, pos, end);
            if (ce < 0) {
                return StreamReassembly.ONE_MORE_SEGMENT;
            }
            pos = nextLine;
        }
    }

    /** Dissects a chunked body, de-chunks it into a new data source, and returns where the message ends. */
    private int chunkedBody(Packet p, Tree t, int at, int end) {
        int capEnd = Math.min(end, p.capturedEnd());
        long frameNo = p.frame().number();
        if (dechunkedFrame != frameNo) {
            dechunkedFrame = frameNo;
            dechunkedUsed = 0;
        }
        int start = dechunkedUsed;
        int pos = at;
        while (pos < capEnd) {
            int le = findLineEnd(p, pos, capEnd);
            if (le < 0) {
                pos = capEnd;
                break;
            }
            long size = parseHex(p, pos, le);
            int dataStart = nextLine;
            if (size < 0) {
                pos = capEnd;
                break;
            }
            t.addUint(HttpFields.CHUNK_SIZE, pos, le - pos, size);
            if (size == 0) {
                pos = dataStart;
                while (pos < capEnd) {
                    int te = findLineEnd(p, pos, capEnd);
                    if (te < 0) {
                        pos = capEnd;
                        break;
                    }
                    boolean empty = te == pos;
                    if (!empty) {
                        t.add(HttpFields.CHUNKED_TRAILER_PART, pos, te - pos);
                    }
                    pos = nextLine;
                    if (empty) {
                        break;
                    }
                }
                break;
            }
            int n = (int) Math.min(size, capEnd - dataStart);
            t.add(HttpFields.CHUNK_DATA, dataStart, n);
            appendDechunked(p, dataStart, n);
            pos = dataStart + n;
            if (pos < capEnd) {
                int ce = findLineEnd(p, pos, capEnd);
                if (ce < 0) {
                    pos = capEnd;
                    break;
                }
                t.add(HttpFields.CHUNK_BOUNDARY, pos, nextLine - pos);
                pos = nextLine;
            }
        }
        int len = dechunkedUsed - start;
        int src = p.tree().addSource(dechunkedView, start, len, "De-chunked entity body");
        body(p, t, src, 0, len);
        return pos;
    }

    private void appendDechunked(Packet p, int at, int n) {
        if (dechunkedUsed + n > MAX_DECHUNKED) {
            n = Math.max(0, MAX_DECHUNKED - dechunkedUsed);
        }
        if (dechunkedUsed + n > dechunked.length) {
            int cap = Math.max(4096, dechunked.length);
            while (cap < dechunkedUsed + n) {
                cap *= 2;
            }
            byte[] d = new byte[cap];
            System.arraycopy(dechunked, 0, d, 0, dechunkedUsed);
            dechunked = d;
            dechunkedView = MemorySegment.ofArray(d);
        }
        MemorySegment.copy(p.segment(), Bytes.U8, p.base() + at, dechunked, dechunkedUsed, n);
        dechunkedUsed += n;
    }

    /**
     * The body: {@code http.file_data}, then the media type's dissector or {@code data}.
     * {@code src} is -2 for "the current source", else a data source of the tree.
     */
    private void body(Packet p, Tree t, int src, int off, int len) {
        if (src >= 0 && src == p.source()) {
            src = -2;
        }
        int captured = src == -2 ? Math.max(0, Math.min(len, p.capturedEnd() - off)) : len;
        if (captured <= 0) {
            return;
        }
        if (src == -2) {
            t.add(HttpFields.FILE_DATA, off, captured);
        } else {
            int saved = t.currentSource();
            t.useSource(src);
            t.add(HttpFields.FILE_DATA, off, captured);
            t.useSource(saved);
        }
        // The body belongs to HTTP: lower layers' stream reassembly does not apply to it.
        StreamReassembly stream = p.stream();
        p.stream(null);
        String column = p.protocolColumn();
        try {
            DissectorHandle h = mediaHandle(p);
            int c = 0;
            if (h != null) {
                c = src == -2 ? p.call(h, off, captured) : p.callOnSource(src, h, off, captured);
            }
            if (c <= 0 && dataHandle != null) {
                if (src == -2) {
                    p.call(dataHandle, off, captured);
                } else {
                    p.callOnSource(src, dataHandle, off, captured);
                }
            }
        } finally {
            p.protocolColumn(column);
            p.stream(stream);
        }
    }

    /** The media type's dissector: content type lower-cased, parameters dropped, looked up in {@code media_type}. */
    private DissectorHandle mediaHandle(Packet p) {
        if (ctOffset < 0 || mediaTypes == null) {
            return null;
        }
        int n = 0;
        for (int i = ctOffset; i < ctOffset + ctLength && n < mediaKey.length; i++) {
            int c = p.u8(i);
            if (c == ';' || c == ' ' || c == '\t') {
                break;
            }
            mediaKey[n++] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return HttpMediaTypes.lookup(mediaTypes, mediaKey, n);
    }

    // ---- small scanners (bounds: every read is below an end the caller checked) -------------

    /** The end of the line at {@code at} (before CR LF or LF), or -1; sets {@link #nextLine}. */
    private int findLineEnd(Packet p, int at, int end) {
        MemorySegment seg = p.segment();
        long base = p.base();
        for (int i = at; i < end; i++) {
            int c = Bytes.u8(seg, base + i);
            if (c == '\n') {
                nextLine = i + 1;
                return i > at && Bytes.u8(seg, base + i - 1) == '\r' ? i - 1 : i;
            }
        }
        return -1;
    }

    /** 1 request, 2 response, 0 neither (Wireshark's is_http_request_or_reply). */
    private static int classify(Packet p, int at, int le) {
        int len = le - at;
        if (len >= 5 && startsWith(p, at, le, "HTTP/")) {
            return 2;
        }
        for (byte[] m : METHODS) {
            if (len > m.length && startsWith(p, at, le, m) && p.u8(at + m.length) == ' ') {
                return 1;
            }
        }
        return 0;
    }

    private static int statusCode(Packet p, int at, int le) {
        int sp = indexOf(p, at, le, ' ');
        if (sp < 0 || sp + 4 > le) {
            return -1;
        }
        int code = 0;
        for (int i = sp + 1; i < sp + 4; i++) {
            int c = p.u8(i);
            if (!isDigit(c)) {
                return -1;
            }
            code = code * 10 + c - '0';
        }
        return code;
    }

    private static int headerIndex(Packet p, int start, int colon) {
        int len = colon - start;
        outer:
        for (int h = 0; h < HEADER_NAMES.length; h++) {
            byte[] name = HEADER_NAMES[h];
            if (name.length != len) {
                continue;
            }
            for (int i = 0; i < len; i++) {
                int c = p.u8(start + i);
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                }
                if (c != name[i]) {
                    continue outer;
                }
            }
            return h;
        }
        return -1;
    }

    private static long parseDecimal(Packet p, int v, int ve) {
        if (v >= ve) {
            return -1;
        }
        long n = 0;
        for (int i = v; i < ve; i++) {
            int c = p.u8(i);
            if (!isDigit(c) || n > (Long.MAX_VALUE - 9) / 10) {
                return -1;
            }
            n = n * 10 + c - '0';
        }
        return n;
    }

    private static long parseHex(Packet p, int v, int ve) {
        long n = 0;
        int digits = 0;
        for (int i = v; i < ve; i++) {
            int c = p.u8(i);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                if (c == ';' || c == ' ' || c == '\t') {
                    break;
                }
                return -1;
            }
            if (++digits > 15) {
                return -1;
            }
            n = n * 16 + d;
        }
        return digits == 0 ? -1 : n;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static int indexOf(Packet p, int from, int end, char ch) {
        for (int i = from; i < end; i++) {
            if (p.u8(i) == ch) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(Packet p, int at, int end, String s) {
        if (end - at < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (p.u8(at + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(Packet p, int at, int end, byte[] s) {
        if (end - at < s.length) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (p.u8(at + i) != s[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(Packet p, int at, int end, String s) {
        if (end - at < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            int c = p.u8(at + i);
            if (Character.toUpperCase(c) != Character.toUpperCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsIgnoreCase(Packet p, int v, int ve, byte[] word) {
        outer:
        for (int i = v; i + word.length <= ve; i++) {
            for (int j = 0; j < word.length; j++) {
                int c = p.u8(i + j);
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                }
                if (c != word[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Wireshark's format_text for the Info column: printable ASCII kept, the rest escaped. */
    private static void appendText(Packet p, int at, int end, StringBuilder out) {
        for (int i = at; i < end; i++) {
            int c = p.u8(i);
            if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
    }

    private static byte[][] ascii(String... s) {
        byte[][] out = new byte[s.length][];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }
}
