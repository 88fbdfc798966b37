package org.dissect4j.http;

import org.dissect4j.api.AsciiScan;
import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.HeuristicList;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Registrar;
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
 * <p>The start line and headers are {@link HttpHeaders}, chunked bodies {@link HttpChunked}, the hand-off
 * of a body {@link HttpBody}; request/response matching is {@link HttpConversations}. Nothing is allocated
 * per packet, except when a chunked body first needs a larger de-chunking buffer.
 */
public final class HttpDissector implements Dissector {
    static final int TLS_PORT = 443;
    private static final byte[] HTTP_1 = HttpHeaders.ascii("http/1.")[0];

    private final HttpConversations conversations = new HttpConversations();

    /** Wireshark's {@code http.desegment_headers} and {@code http.desegment_body}: ask the stream for more. */
    private boolean desegmentHeaders = true;
    private boolean desegmentBody = true;

    /** Declares the per-connection request queue and reads the preferences (at registration). */
    void declare(Registrar r) {
        conversations.declare(r);
        desegmentHeaders = r.settings().bool("http.desegment_headers", true);
        desegmentBody = r.settings().bool("http.desegment_body", true);
        chunked.maxDechunked = (int) Math.max(0, Math.min(Integer.MAX_VALUE - 8,
                r.settings().integer("http.max_dechunked_bytes", chunked.maxDechunked)));
        body.decoder(new HttpContentDecoder(chunked.maxDechunked));
    }

    private final HttpHeaders headers = new HttpHeaders();
    private final HttpChunked chunked = new HttpChunked();
    private final HttpBody body = new HttpBody(headers);
    private final StringBuilder scratch = new StringBuilder(128);
    private DissectorHandle self;

    /** The {@code media} dissector, for bodies of a type no dissector takes. */
    Dissector mediaDissector() {
        return body.mediaDissector();
    }

    /** The media type being handed to a body dissector, and the handles {@link HttpBody} treats apart. */
    MediaTypeName mediaTypeName() {
        return body.typeName;
    }

    HttpBody body() {
        return body;
    }

    void bodyHandles(DissectorHandle media, DissectorHandle json, DissectorHandle xml) {
        body.handles(media, json, xml);
    }

    /** TCP's heuristics, tried on a tunnel's bytes that the port's dissector does not take. */
    void tunnelHeuristics(HeuristicList l) {
        this.tcpHeuristics = l;
    }

    /** The transport's port table, for the tunnels CONNECT opens; without TCP there are none. */
    void tunnelTable(DissectorTable tcpPorts) {
        this.tcpPorts = tcpPorts;
    }

    private DissectorTable tcpPorts;
    private HeuristicList tcpHeuristics;
    /** Set while a tunnel's bytes are handed on: HTTP does not dissect the connection it tunnels again. */
    private boolean inTunnel;
    /** {@code http.upgrade}: Upgrade tokens (lower case) to dissectors; read into the arrays below on the first 101. */
    private DissectorTable upgrades;
    private byte[][] upgradeTokens;
    private DissectorHandle[] upgradeHandles;

    void upgradeTable(DissectorTable table) {
        this.upgrades = table;
    }

    /** The dissector {@code http.upgrade} names for the Upgrade value {@code [at, at + len)}, or null. */
    private DissectorHandle upgradeHandle(Packet p, int at, int len) {
        if (upgrades == null || at < 0) {
            return null;
        }
        if (upgradeTokens == null) {
            // once per engine, after every plugin's hand-off: no lookup by a String made per packet
            var entries = upgrades.stringEntries();
            upgradeTokens = new byte[entries.size()][];
            upgradeHandles = new DissectorHandle[entries.size()];
            int i = 0;
            for (var e : entries.entrySet()) {
                upgradeTokens[i] = HttpHeaders.ascii(e.getKey())[0];
                upgradeHandles[i++] = e.getValue();
            }
        }
        for (int i = 0; i < upgradeTokens.length; i++) {
            if (AsciiScan.equalsIgnoreCase(p, at, at + len, upgradeTokens[i])) {
                return upgradeHandles[i];
            }
        }
        return null;
    }

    void wire(DissectorTable mediaTypes, HeuristicList heuristics, DissectorHandle dataHandle, DissectorHandle self) {
        body.wire(mediaTypes, heuristics, dataHandle);
        this.self = self;
    }

    @Override
    public int dissect(Packet p, int offset, int length) {
        if (inTunnel) {
            return 0;
        }
        int end = offset + length;
        int at = offset;
        while (at < end) {
            int port = conversations.tunnelPort(p, at);
            if (port >= 0) {
                return tunnel(p, port, at, end) - offset;
            }
            int n = message(p, at, end, at == offset);
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

    /**
     * The bytes of a tunnel a CONNECT opened: Wireshark hands them to the {@code tcp.port} dissector of the port
     * asked for (TLS for 443) or TCP's heuristics, below an HTTP item naming the proxy's host and port; undissected
     * they are data. After a 101 (Switching
     * Protocols) they go to the {@code http.upgrade} dissector of the response's Upgrade token (WebSocket), else
     * they are data.
     */
    private int tunnel(Packet p, int port, int at, int end) {
        DissectorHandle upgraded = port == HttpConversations.UPGRADED ? conversations.upgraded(p) : null;
        if (upgraded != null) {
            // Wireshark's HTTP names no column here, the upgraded protocol does once it has read its header; it
            // returns what it took: none when it asked for more at once, so TCP shows a segment of a PDU
            p.keepCarrierColumn();
            return at + p.call(upgraded, at, end - at);
        }
        p.keepCarrierColumn();      // Wireshark's HTTP names no column for a tunnel's bytes (what is inside may)
        if (port == HttpConversations.UPGRADED) {
            p.callData(at, end - at);
            return end;
        }
        // Wireshark's HTTP item over a CONNECT tunnel's bytes names the host and port the proxy was asked for
        Tree t = p.tree();
        t.open(HttpFields.HTTP.field(), at, Math.max(0, Math.min(end, p.capturedEnd()) - at));
        t.setFlags(t.addString(HttpFields.PROXY_CONNECT_HOST, conversations.tunnelHost(p)), Tree.GENERATED);
        t.addGenerated(HttpFields.PROXY_CONNECT_PORT, port);
        t.close();
        // the port's dissector, then TCP's heuristics (decode_tcp_ports); HTTP itself does not take the bytes of the
        // connection it tunnels (tshark shows an HTTP-in-CONNECT to port 80 as data)
        inTunnel = true;
        try {
            if ((tcpPorts == null || p.callTable(tcpPorts, port, at, end - at) == 0)
                    && (tcpHeuristics == null || p.tryHeuristics(tcpHeuristics, at, end - at) == 0)) {
                p.callData(at, end - at);
            }
        } finally {
            inTunnel = false;
        }
        return end;
    }

    /** The heuristic ({@code http_tcp}): a complete first line that starts or ends with "HTTP/1.". */
    int heuristic(Packet p, int offset, int length) {
        if (inTunnel) {
            return 0;
        }
        int end = Math.min(offset + length, p.capturedEnd());
        int le = AsciiScan.lineEnd(p, offset, end);
        if (le < 0) {
            return 0;
        }
        int linelen = le - offset;
        if (linelen == 8) {
            return 0;
        }
        boolean ok = AsciiScan.startsWithIgnoreCase(p, offset, le, HTTP_1)
                || linelen >= 8 && AsciiScan.startsWithIgnoreCase(p, le - 8, le, HTTP_1);
        if (!ok) {
            return 0;
        }
        StreamReassembly s = p.stream();
        if (s != null && self != null) {
            s.claim(self);
        }
        return dissect(p, offset, length);
    }

    /**
     * One message at {@code at}; returns bytes consumed, or -1 when more data was requested. {@code first}: the
     * data handed over starts here (not after a message of the same data).
     */
    private int message(Packet p, int at, int end, boolean first) {
        boolean unseen = first && !conversations.seenMessage(p);
        if (unseen && at < p.capturedEnd() && !isPrint(p.u8(at))) {
            // no start line begins with this byte: not looked into further (below, the same for text)
            p.takeQuietly();
            return end - at;
        }
        StreamReassembly stream = p.stream();
        boolean moreHeaders = stream != null && stream.canDesegment() && desegmentHeaders;
        int capEnd = Math.min(end, p.capturedEnd());
        int firstEnd = AsciiScan.lineEnd(p, at, capEnd);
        int firstNext;
        if (firstEnd >= 0) {
            firstNext = AsciiScan.nextLine(p, firstEnd);
        } else if (moreHeaders) {
            stream.needMore(at, StreamReassembly.ONE_MORE_SEGMENT);
            return -1;
        } else {
            firstEnd = capEnd;
            firstNext = capEnd;
        }
        int kind = HttpHeaders.classify(p, at, firstEnd);
        if (kind == HttpHeaders.NEITHER) {
            if (unseen) {
                // data that starts no message on a connection that has carried none yet (a TLS ClientHello sent to
                // port 80, an unknown method on a port the heuristic took): Wireshark 4.0 shows it as TCP payload
                p.takeQuietly();
                return end - at;
            }
            return continuation(p, at, end);
        }
        if (p.columns()) {
            StringBuilder info = p.clearInfo();
            HttpHeaders.appendText(p, at, firstEnd, info);
            info.append(' ');
        }
        int headersEnd = headers.scan(p, firstNext, capEnd);
        if (headersEnd < 0 && moreHeaders) {
            stream.needMore(at, StreamReassembly.ONE_MORE_SEGMENT);
            return -1;
        }
        if (headers.notHeaderLine >= 0) {
            headersEnd = headers.notHeaderLine;      // the message ends before it, without the empty line
        }
        boolean bodyExpected = kind == HttpHeaders.RESPONSE && responseHasBody(p, at, firstEnd);
        boolean moreBody = headersEnd >= 0 && stream != null && stream.canDesegment() && desegmentBody;
        if (moreBody && askedForBody(p, stream, at, headersEnd, capEnd, kind, bodyExpected)) {
            return -1;
        }

        Tree t = p.tree();
        int httpNode = t.open(HttpFields.HTTP.field(), at, 0);
        headers.dissect(p, t, kind, at, firstEnd, firstNext, headersEnd >= 0 ? headersEnd : capEnd, capEnd);
        if (kind == HttpHeaders.REQUEST) {
            request(p, t, at, firstEnd);
        } else {
            response(p, t, at, firstEnd, headersEnd);
        }
        // -z follow,http: the start line and headers, then the body (HttpBody) as a chunk of its own
        p.follow().add("http", p.source(), at, (headersEnd >= 0 ? headersEnd : capEnd) - at);
        int consumed = headersEnd < 0 ? end - at : messageEnd(p, t, kind, bodyExpected, headersEnd, end) - at;
        // Wireshark's HTTP item spans the start line and headers; the body is the next layer's
        int shown = headersEnd < 0 ? consumed : headersEnd - at;
        t.setLength(httpNode, Math.min(shown, Math.max(0, capEnd - at)));
        t.close();
        return consumed;
    }

    /** GLib's {@code g_ascii_isprint}: a printable ASCII character, space included. */
    private static boolean isPrint(int c) {
        return c >= 0x20 && c < 0x7f;
    }

    /** Whether a response with status line {@code [at, le)} has a body: not to HEAD, not 1xx, 204 or 304. */
    private boolean responseHasBody(Packet p, int at, int le) {
        int status = HttpHeaders.statusCode(p, at, le);
        boolean headReply = conversations.lastMethodIsHead(p);
        boolean tunnelOpened = status >= 200 && status < 300 && conversations.nextAnswersConnect(p);
        return !headReply && !tunnelOpened && !(status >= 100 && status < 200) && status != 204 && status != 304;
    }

    /**
     * Asks {@code stream} for the rest of the body when it is not all there (by chunks, Content-Length, or
     * up to the end of the connection for a response framed by neither); returns whether it asked.
     */
    private boolean askedForBody(Packet p, StreamReassembly stream, int at, int headersEnd, int capEnd, int kind,
                                 boolean bodyExpected) {
        boolean hasBody = kind == HttpHeaders.REQUEST || bodyExpected;
        // Wireshark reads Content-Length and chunking for reassembly only while it reassembles headers:
        // without http.desegment_headers a response is taken up to the end of the connection
        long contentLength = desegmentHeaders ? headers.contentLength : -1;
        boolean chunkedBody = desegmentHeaders && headers.chunked;
        int need = 0;
        if (chunkedBody && hasBody) {
            need = HttpChunked.need(p, headersEnd, capEnd);
        } else if (contentLength >= 0 && hasBody) {
            int avail = capEnd - headersEnd;
            if (avail < contentLength) {
                need = (int) Math.min(Integer.MAX_VALUE - 1, contentLength - avail);
            }
        } else if (bodyExpected && contentLength < 0 && !stream.isReassembled() && !stream.fin()) {
            need = StreamReassembly.UNTIL_FIN;
        }
        if (need != 0) {
            stream.needMore(at, need);
        }
        return need != 0;
    }

    /** The body from {@code headersEnd}, as the headers frame it; returns where the message ends. */
    private int messageEnd(Packet p, Tree t, int kind, boolean bodyExpected, int headersEnd, int end) {
        boolean hasBody = kind == HttpHeaders.REQUEST || bodyExpected;
        long contentLength = headers.contentLength;
        if (headers.chunked && hasBody) {
            return chunked.dissect(p, t, headersEnd, end, body);
        }
        if (contentLength >= 0 && hasBody) {
            int len = (int) Math.min(contentLength, end - headersEnd);
            body.deliver(p, t, p.source(), headersEnd, len);
            return headersEnd + len;
        }
        if (bodyExpected && contentLength < 0) {
            body.deliver(p, t, p.source(), headersEnd, end - headersEnd);
            return end;
        }
        return headersEnd;
    }

    /** A request's generated fields ({@code http.request.full_uri}, its number) and its place in the conversation. */
    private void request(Packet p, Tree t, int at, int firstEnd) {
        HttpHeaders h = headers;
        if (h.uriOffset >= 0 && h.hostOffset >= 0 && t.wants(HttpFields.FULL_URI)) {
            // Wireshark composes a full URI only with a Host header: http://host/path, or an absolute target itself
            scratch.setLength(0);
            if (h.uriLength == 0 || p.u8(h.uriOffset) == '/') {
                scratch.append("http://");
                HttpHeaders.appendText(p, h.hostOffset, h.hostOffset + h.hostLength, scratch);
            }
            HttpHeaders.appendText(p, h.uriOffset, h.uriOffset + h.uriLength, scratch);
            t.setFlags(t.addString(HttpFields.FULL_URI, scratch), Tree.GENERATED);
        }
        t.setFlags(t.addUint(HttpFields.REQUEST, at, 0, 1), Tree.HIDDEN);
        int n = conversations.request(p, p.frame().number(), p.frame().timestampNanos(), h.uriOffset, h.uriLength,
                HttpHeaders.isHead(p, at, firstEnd), h.hostOffset, h.hostLength);
        int connectPort = HttpHeaders.connectPort(p, at, firstEnd, h.uriOffset, h.uriLength);
        if (connectPort >= 0) {
            int colon = h.uriOffset + h.uriLength - 1;
            while (p.u8(colon) != ':') {
                colon--;            // connectPort found the colon: the host is what precedes it
            }
            conversations.lastRequestConnects(p, connectPort, h.uriOffset, colon - h.uriOffset);
        }
        HttpTransactions links = conversations.transactions(p);
        numberLabel(t, t.addGenerated(HttpFields.REQUEST_NUMBER, n), "HTTP request ", n, links == null ? n : links.count);
        if (links != null && links.prevRequestFrame != 0) {
            t.addGenerated(HttpFields.PREV_REQUEST_IN, links.prevRequestFrame);
        }
    }

    /** {@code HTTP request 2/3}: the entry's number and the entries opened so far on the connection. */
    private void numberLabel(Tree t, int node, String what, int n, int of) {
        if (node >= 0 && t.wantsLabels()) {
            scratch.setLength(0);
            scratch.append(what).append(n).append('/').append(of);
            t.setLabel(node, scratch);
        }
    }

    /**
     * A response's links, as Wireshark 4.0 shows them in one pass (see {@link HttpTransactions}): number, time since
     * the request, the entry before, the request's frame and the connection's URI; a 2xx to CONNECT opens the tunnel.
     */
    private void response(Packet p, Tree t, int at, int firstEnd, int headersEnd) {
        t.setFlags(t.addUint(HttpFields.RESPONSE, at, 0, 1), Tree.HIDDEN);
        HttpConversations.Request rq = conversations.response(p);
        int status = HttpHeaders.statusCode(p, at, firstEnd);
        if (rq != null && rq.connectPort >= 0 && status >= 200 && status < 300 && headersEnd >= 0) {
            conversations.tunnel(p, rq.connectPort, p.frame().number(), headersEnd, null, rq.connectHost);
        } else if (rq != null && status == 101 && headersEnd >= 0) {
            conversations.tunnel(p, HttpConversations.UPGRADED, p.frame().number(), headersEnd,
                    upgradeHandle(p, headers.upgradeOffset, headers.upgradeLength), "");
        }
        HttpTransactions links = conversations.transactions(p);
        if (links == null) {
            return;
        }
        numberLabel(t, t.addGenerated(HttpFields.RESPONSE_NUMBER, links.count), "HTTP response ", links.count, links.count);
        if (links.requestTime >= 0) {
            t.setFlags(t.addLong(HttpFields.TIME, 0, 0, p.frame().timestampNanos() - links.requestTime), Tree.GENERATED);
        }
        if (links.prevRequestFrame != 0) {
            t.addGenerated(HttpFields.PREV_REQUEST_IN, links.prevRequestFrame);
        }
        if (links.prevResponseFrame != 0) {
            t.addGenerated(HttpFields.PREV_RESPONSE_IN, links.prevResponseFrame);
        }
        if (links.requestFrame != 0) {
            t.addGenerated(HttpFields.REQUEST_IN, links.requestFrame);
        }
        CharSequence uri = links.responseForUri();
        if (uri != null && t.wants(HttpFields.RESPONSE_FOR_URI)) {
            t.setFlags(t.addString(HttpFields.RESPONSE_FOR_URI, uri), Tree.GENERATED);
        }
    }

    /** Data that does not start an HTTP message on a connection known to be HTTP. */
    private int continuation(Packet p, int at, int end) {
        Tree t = p.tree();
        if (p.columns()) {
            p.clearInfo().append("Continuation");
        }
        t.open(HttpFields.HTTP.field(), at, Math.max(0, Math.min(end, p.capturedEnd()) - at));
        int first = at < p.capturedEnd() ? p.u8(at) : 0;
        if (first < 0x20 || first > 0x7e) {
            // Wireshark skips its line parsing for binary data: the bytes are data inside HTTP, no File Data
            body.deliverData(p, at, end - at);
        } else {
            headers.ctOffset = -1;      // the last message's Content-Type points into another packet's bytes
            headers.encoding = HttpHeaders.IDENTITY;
            body.deliver(p, t, p.source(), at, end - at);
        }
        t.close();
        return end - at;
    }
}
