package org.dissect4j.http;

import java.nio.charset.StandardCharsets;

import org.dissect4j.api.AsciiScan;
import org.dissect4j.api.Field;
import org.dissect4j.api.HttpStatusNames;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;

/**
 * The start line and header section of one HTTP/1.x message (RFC 9112 §3, §4, §5): which kind of message
 * a line starts, a first pass over the header lines for what frames the body ({@code Content-Length},
 * {@code Transfer-Encoding: chunked}) and what the body is ({@code Content-Type}), then the fields of the
 * request or status line and of the known headers.
 *
 * <pre>
 * start-line   = method SP request-target SP HTTP-version / HTTP-version SP status-code SP [ reason-phrase ]
 * field-line   = field-name ":" OWS field-value OWS
 * </pre>
 *
 * <p>One per dissector; the per-message values are reused and valid until the next message's {@link #scan}.
 * Offsets are the current data source's, as in {@link Packet}.
 */
final class HttpHeaders {
    /** What a first line starts (Wireshark's is_http_request_or_reply). */
    static final int NEITHER = 0, REQUEST = 1, RESPONSE = 2;

    private static final byte[][] METHODS = ascii("GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT",
            "PATCH", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "SEARCH", "REPORT", "M-SEARCH",
            "NOTIFY", "SUBSCRIBE", "UNSUBSCRIBE", "MKACTIVITY", "CHECKOUT", "MERGE", "ACL", "BIND", "UNBIND", "REBIND",
            "LABEL", "UPDATE", "VERSION-CONTROL", "BASELINE-CONTROL", "MKWORKSPACE", "ORDERPATCH", "MKCALENDAR", "POLL",
            "BMOVE", "BDELETE", "BPROPFIND", "BPROPPATCH", "BCOPY", "X-MS-ENUMATTS", "RPC_IN_DATA", "RPC_OUT_DATA",
            "SSTP_DUPLEX_POST", "CCM_POST", "PRI");
    private static final byte[] HEAD = ascii("HEAD")[0];
    private static final byte[] CONNECT = ascii("CONNECT ")[0];
    private static final byte[] HTTP_SLASH = ascii("HTTP/")[0];
    /** Lower case, for {@link AsciiScan#equalsIgnoreCase}; the index is that of {@link #HEADER_FIELDS}. */
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
    private static final int H_HOST = 0, H_CONTENT_TYPE = 2, H_CONTENT_LENGTH = 3, H_COOKIE = 14, H_TRANSFER_ENCODING = 16,
            H_CONTENT_ENCODING = 17, H_UPGRADE = 18;
    private static final byte[] CHUNKED = ascii("chunked")[0];
    /** {@link #encoding}: none (or one HTTP leaves alone), gzip ({@code x-gzip} too), deflate. */
    static final int IDENTITY = 0, GZIP = 1, DEFLATE = 2;
    private static final byte[][] GZIP_NAMES = ascii("gzip", "x-gzip");
    private static final byte[] DEFLATE_NAME = ascii("deflate")[0];
    /** RFC 2616 2.2's separators but the colon and HT (a control character). */
    private static final String TOKEN_SEPARATORS = "()<>@,;\\\"/[]?={} ";

    // Per message (reused): set by scan (framing, content type) and dissect (URI, host).
    /** {@code Content-Length}, or -1 when absent or not a number. */
    long contentLength;
    /** Whether {@code Transfer-Encoding} names {@code chunked}. */
    boolean chunked;
    /** {@code Content-Type}'s value, or {@code ctOffset} -1 (also for a continuation: its data has no headers). */
    int ctOffset, ctLength;
    /** {@code Content-Encoding}: {@link #IDENTITY}, {@link #GZIP} or {@link #DEFLATE}. */
    int encoding;
    int hostOffset, hostLength;
    int uriOffset, uriLength;
    /** Where the first line that is no header starts (it ends the header section for Wireshark), or -1. */
    int notHeaderLine;
    /** {@code Upgrade}'s value, or {@code upgradeOffset} -1: what a 101 switches to. */
    int upgradeOffset, upgradeLength;
    /** The value of the header line {@link #known} last recognised. */
    private int valueStart, valueEnd;
    /** The field id of the TLS protocol, looked up once: -1 when no plugin declares it, -2 before the look-up. */
    private int tlsId = -2;

    /** Whether TLS carries this message (decrypted): then port 443 is no sign of plaintext HTTP, as Wireshark checks. */
    private boolean overTls(Packet p) {
        if (tlsId == -2) {
            tlsId = p.engine().findField("tls").map(Field::id).orElse(-1);
        }
        for (int i = 0; tlsId >= 0 && i < p.protocolCount(); i++) {
            if (p.protocolAt(i) == tlsId) {
                return true;
            }
        }
        return false;
    }

    /** {@link #REQUEST} or {@link #RESPONSE} for a line that starts one, else {@link #NEITHER}. */
    static int classify(Packet p, int at, int le) {
        int len = le - at;
        if (len >= HTTP_SLASH.length && AsciiScan.startsWith(p, at, le, HTTP_SLASH)) {
            return RESPONSE;
        }
        for (byte[] m : METHODS) {
            if (len > m.length && AsciiScan.startsWith(p, at, le, m) && p.u8(at + m.length) == ' ') {
                return REQUEST;
            }
        }
        return NEITHER;
    }

    /** Whether the request line {@code [at, le)} is a HEAD request (its response has no body). */
    static boolean isHead(Packet p, int at, int le) {
        return AsciiScan.startsWith(p, at, le, HEAD);
    }

    /**
     * The port of a CONNECT request's authority ({@code host:443}, {@code [2001:db8::1]:443}) whose request line is
     * {@code [at, le)} and URI {@code [uriOffset, uriOffset + uriLength)}; -1 for any other request or no port.
     */
    static int connectPort(Packet p, int at, int le, int uriOffset, int uriLength) {
        if (uriOffset < 0 || uriLength <= 0 || !AsciiScan.startsWith(p, at, le, CONNECT)) {
            return -1;
        }
        int colon = -1;
        for (int i = uriOffset + uriLength - 1; i >= uriOffset && colon < 0; i--) {
            colon = p.u8(i) == ':' ? i : -1;
            if (colon < 0 && (p.u8(i) < '0' || p.u8(i) > '9')) {
                return -1;
            }
        }
        int digits = uriOffset + uriLength - colon - 1;
        if (colon < 0 || digits < 1 || digits > 5) {
            return -1;
        }
        int port = 0;
        for (int i = colon + 1; i < uriOffset + uriLength; i++) {
            port = port * 10 + p.u8(i) - '0';
        }
        return port <= 0xFFFF ? port : -1;
    }

    /** The three-digit status code of the status line {@code [at, le)}, or -1. */
    static int statusCode(Packet p, int at, int le) {
        int sp = AsciiScan.indexOf(p, at, le, ' ');
        if (sp < 0 || sp + 4 > le) {
            return -1;
        }
        int code = 0;
        for (int i = sp + 1; i < sp + 4; i++) {
            int c = p.u8(i);
            if (!AsciiScan.isDigit(c)) {
                return -1;
            }
            code = code * 10 + c - '0';
        }
        return code;
    }

    /**
     * Resets the per-message values and scans the header lines from {@code line} for the framing ones;
     * returns where the body starts (after the empty line), or -1 when the header section does not end
     * before {@code capEnd}.
     */
    int scan(Packet p, int line, int capEnd) {
        contentLength = -1;
        chunked = false;
        ctOffset = -1;
        upgradeOffset = -1;
        encoding = IDENTITY;
        hostOffset = -1;
        uriOffset = -1;
        uriLength = -1;
        notHeaderLine = -1;
        while (true) {
            int le = AsciiScan.lineEnd(p, line, capEnd);
            if (le < 0) {
                return -1;
            }
            int next = AsciiScan.nextLine(p, le);
            if (le == line) {
                return next;
            }
            if (notHeaderLine < 0 && !isHeaderLine(p, line, le)) {
                // Wireshark reassembles up to the empty line but dissects the headers only up to this one
                notHeaderLine = line;
            }
            if (notHeaderLine < 0) {
                scanHeader(p, line, le);
            }
            line = next;
        }
    }

    /**
     * Whether {@code [line, le)} reads as a header for Wireshark 4.0's {@code dissect_http_message}: a token (no
     * control character, blank or separator of RFC 2616 2.2) up to a colon. A line that is not ends the headers; what
     * follows it is the next message (a request's "Mozilla 4.0 (compatible; ...)" line in Zeek's
     * http--connect-with-smtp.pcap: a second HTTP item, "Continuation").
     */
    static boolean isHeaderLine(Packet p, int line, int le) {
        for (int i = line; i < le; i++) {
            int c = p.u8(i);
            if (c == ':') {
                return true;
            }
            if (c < 0x20 || c == 0x7f || TOKEN_SEPARATORS.indexOf(c) >= 0) {
                return false;
            }
        }
        return false;
    }

    /**
     * Adds the fields of the start line {@code [at, firstEnd)} and of the header lines from {@code firstNext}
     * to {@code stop} (the body, or the captured end when the header section is cut).
     */
    void dissect(Packet p, Tree t, int kind, int at, int firstEnd, int firstNext, int stop, int capEnd) {
        if ((p.srcPort() == HttpDissector.TLS_PORT || p.dstPort() == HttpDissector.TLS_PORT) && !overTls(p)) {
            t.expert(HttpFields.TLS_PORT, at, firstEnd - at);
        }
        t.open(HttpFields.LINE, at, firstNext - at);
        if (kind == REQUEST) {
            requestLine(p, t, at, firstEnd, firstNext);
        } else {
            responseLine(p, t, at, firstEnd, firstNext);
        }
        t.close();
        int line = firstNext;
        lengthSeen = false;
        chunkedSeen = false;
        while (line < stop) {
            int le = AsciiScan.lineEnd(p, line, capEnd);
            int next;
            if (le < 0) {
                le = capEnd;
                next = capEnd;
            } else {
                next = AsciiScan.nextLine(p, le);
            }
            if (le == line) {
                t.add(HttpFields.LINE, line, next - line);      // the empty line that ends the headers
                break;
            }
            headerLine(p, t, kind, line, le, next);
            line = next;
        }
    }

    /** While {@link #dissect} walks the headers: a Content-Length number, a Transfer-Encoding naming chunked seen. */
    private boolean lengthSeen, chunkedSeen;

    /** The expert item of a message framed both ways, under the header line that made it so (Wireshark's place). */
    private static void bothFramings(Tree t, int header, int at, boolean both) {
        if (both) {
            t.expertOn(header, HttpFields.TE_AND_LENGTH, at, 0, null);
        }
    }

    private void requestLine(Packet p, Tree t, int at, int le, int next) {
        t.expertQuoting(HttpFields.CHAT, at, next - at);
        int sp1 = AsciiScan.indexOf(p, at, le, ' ');
        int sp2 = sp1 < 0 ? -1 : AsciiScan.indexOf(p, sp1 + 1, le, ' ');
        if (sp1 < 0) {
            return;
        }
        t.add(HttpFields.METHOD, at, sp1 - at);
        int uriEnd = sp2 < 0 ? le : sp2;
        uriOffset = sp1 + 1;
        // a string value ends at a NUL for tshark (zeek http: "GET /a\0b" has the URI "/a")
        int nul = AsciiScan.indexOf(p, uriOffset, uriEnd, 0);
        uriLength = (nul < 0 ? uriEnd : nul) - uriOffset;
        int uri = t.add(HttpFields.URI, uriOffset, uriLength);
        int q = AsciiScan.indexOf(p, uriOffset, uriEnd, '?');
        if (q >= 0) {
            uriParts(p, t, uri, uriOffset, q, uriEnd);
        }
        if (sp2 >= 0) {
            t.add(HttpFields.REQUEST_VERSION, sp2 + 1, le - sp2 - 1);
        } else {
            t.add(HttpFields.REQUEST_VERSION, le, 0);   // HTTP/0.9 "GET /": Wireshark shows an empty version
        }
    }

    private static void responseLine(Packet p, Tree t, int at, int le, int next) {
        t.expertQuoting(HttpFields.CHAT, at, next - at);
        int sp1 = AsciiScan.indexOf(p, at, le, ' ');
        if (sp1 < 0) {
            return;
        }
        t.add(HttpFields.RESPONSE_VERSION, at, sp1 - at);
        int codeStart = sp1 + 1;
        int code = 0, i = codeStart;
        while (i < le && i < codeStart + 3 && AsciiScan.isDigit(p.u8(i))) {
            code = code * 10 + p.u8(i) - '0';
            i++;
        }
        if (i - codeStart == 3) {
            t.addUint(HttpFields.RESPONSE_CODE, codeStart, 3, code);
            if (t.wants(HttpFields.RESPONSE_CODE_DESC)) {
                String desc = HttpStatusNames.reason(code);
                if (desc != null) {
                    int n = t.addString(HttpFields.RESPONSE_CODE_DESC, desc);
                    t.setFlags(n, Tree.GENERATED);
                    t.showAt(n, codeStart, 3);
                }
            }
            if (i < le && p.u8(i) == ' ') {
                t.add(HttpFields.RESPONSE_PHRASE, i + 1, le - i - 1);
            }
        }
    }

    /**
     * A header line: its field (the value, shown over the whole line) or, for a header without one, the line
     * as text; then the hidden {@code http.request.line}/{@code http.response.line}.
     */
    private void headerLine(Packet p, Tree t, int kind, int line, int le, int next) {
        int h = known(p, line, le);
        if (h < 0) {
            t.add(HttpFields.LINE, line, next - line);
        } else {
            int v = valueStart, ve = valueEnd;
            int node = t.addStringWithin(HEADER_FIELDS[h], v, ve - v, line, next - line);
            if (h == H_CONTENT_LENGTH) {
                long cl = AsciiScan.parseDecimal(p, v, ve);
                if (cl >= 0) {
                    t.push(node);
                    t.setFlags(t.addUint(HttpFields.CONTENT_LENGTH, line, next - line, cl), Tree.GENERATED);
                    t.close();
                    lengthSeen = true;
                    bothFramings(t, node, line, chunkedSeen);
                }
            } else if (h == H_TRANSFER_ENCODING) {
                // as Wireshark, only a value that starts with "chunked" counts here
                chunkedSeen = ve - v >= CHUNKED.length && AsciiScan.equalsIgnoreCase(p, v, v + CHUNKED.length, CHUNKED);
                bothFramings(t, node, line, chunkedSeen && lengthSeen);
            } else if (h == H_HOST) {
                hostOffset = v;
                hostLength = ve - v;
            } else if (h == H_COOKIE) {
                cookiePairs(p, t, node, v, le);         // Wireshark's value keeps trailing blanks here
            }
        }
        t.setFlags(t.add(kind == REQUEST ? HttpFields.REQUEST_LINE : HttpFields.RESPONSE_LINE, line, next - line), Tree.HIDDEN);
    }

    /** {@code http.cookie_pair}: the Cookie value's parts between semicolons, leading blanks and semicolons skipped. */
    private static void cookiePairs(Packet p, Tree t, int node, int v, int ve) {
        if (!t.wants(HttpFields.COOKIE_PAIR)) {
            return;
        }
        t.push(node);
        for (int at = v; at < ve; ) {
            int c = p.u8(at);
            if (c == ';' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x0b || c == '\f') {
                at++;
                continue;
            }
            int semi = AsciiScan.indexOf(p, at, ve, ';');
            int partEnd = semi < 0 ? ve : semi;
            t.add(HttpFields.COOKIE_PAIR, at, partEnd - at);
            at = partEnd;
        }
        t.close();
    }

    /**
     * The path and query of a request target with a query ({@code [start, q)} and {@code (q, end)}), below
     * the URI; the query's {@code &}-separated parameters below the query.
     */
    private static void uriParts(Packet p, Tree t, int uri, int start, int q, int end) {
        t.push(uri);
        t.add(HttpFields.URI_PATH, start, q - start);
        t.push(t.add(HttpFields.URI_QUERY, q + 1, end - q - 1));
        int param = q + 1;
        while (param < end) {
            int amp = AsciiScan.indexOf(p, param, end, '&');
            int paramEnd = amp < 0 ? end : amp;
            t.add(HttpFields.URI_QUERY_PARAMETER, param, paramEnd - param);
            param = paramEnd + 1;
        }
        t.close();
        t.close();
    }

    /** Header scan for framing (Content-Length, Transfer-Encoding) and the content type. */
    private void scanHeader(Packet p, int line, int le) {
        int h = known(p, line, le);
        if (h < 0) {
            return;
        }
        int v = valueStart, ve = valueEnd;
        switch (h) {
            case H_CONTENT_LENGTH -> contentLength = AsciiScan.parseDecimal(p, v, ve);
            case H_TRANSFER_ENCODING -> chunked = AsciiScan.indexOfIgnoreCase(p, v, ve, CHUNKED) >= 0;
            case H_CONTENT_TYPE -> {
                ctOffset = v;
                ctLength = ve - v;
            }
            case H_UPGRADE -> {
                upgradeOffset = v;
                upgradeLength = ve - v;
            }
            case H_CONTENT_ENCODING -> encoding = AsciiScan.equalsIgnoreCase(p, v, ve, GZIP_NAMES[0])
                    || AsciiScan.equalsIgnoreCase(p, v, ve, GZIP_NAMES[1]) ? GZIP
                    : AsciiScan.equalsIgnoreCase(p, v, ve, DEFLATE_NAME) ? DEFLATE : IDENTITY;
            default -> {
            }
        }
    }

    /**
     * The index of the known header on the line {@code [line, le)}, or -1; for a known one, its value without
     * the blanks around it is {@code [valueStart, valueEnd)}.
     */
    private int known(Packet p, int line, int le) {
        int colon = AsciiScan.indexOf(p, line, le, ':');
        int h = colon < 0 ? -1 : headerIndex(p, line, colon);
        if (h >= 0) {
            valueStart = AsciiScan.skipBlanks(p, colon + 1, le);
            valueEnd = AsciiScan.trimBlanks(p, valueStart, le);
        }
        return h;
    }

    /** The index of the known header named {@code [start, colon)}, or -1. */
    private static int headerIndex(Packet p, int start, int colon) {
        for (int h = 0; h < HEADER_NAMES.length; h++) {
            if (AsciiScan.equalsIgnoreCase(p, start, colon, HEADER_NAMES[h])) {
                return h;
            }
        }
        return -1;
    }

    /** The letters format_text escapes C0 controls 7..13 with ({@code \a \b \t \n \v \f \r}). */
    private static final String CONTROL_LETTERS = "abtnvfr";

    /**
     * Wireshark's format_text for the Info column and generated strings: printable ASCII kept, a C0 control or DEL
     * escaped with its letter or as three octal digits ({@code \000} for NUL, zeek ipv4/fragmented-4), other bytes
     * as {@code \x} and two hex digits.
     */
    static void appendText(Packet p, int at, int end, StringBuilder out) {
        for (int i = at; i < end; i++) {
            appendEscaped(p.u8(i), out);
        }
    }

    /** One byte as Wireshark's format_text shows it: printable ASCII as is, {@code \n}, {@code \001}, {@code \xe9}. */
    static void appendEscaped(int c, StringBuilder out) {
        if (c >= 0x20 && c < 0x7f) {
            out.append((char) c);
        } else if (c >= 7 && c <= 13) {
            out.append('\\').append(CONTROL_LETTERS.charAt(c - 7));
        } else if (c < 0x80) {
            out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + (c >> 3 & 7))).append((char) ('0' + (c & 7)));
        } else {
            out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
        }
    }

    static byte[][] ascii(String... s) {
        byte[][] out = new byte[s.length][];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }
}
