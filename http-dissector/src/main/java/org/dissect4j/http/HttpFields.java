package org.dissect4j.http;

import org.dissect4j.api.Expert;
import org.dissect4j.api.ExpertGroup;
import org.dissect4j.api.Field;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Severity;

/** HTTP/1.x fields with Wireshark 4.0's abbreviations and types, and the line-based text protocol. */
public final class HttpFields {
    private HttpFields() {
    }

    public static final Protocol HTTP = new Protocol("Hypertext Transfer Protocol", "HTTP", "http");
    /** Wireshark's text-media dissector ("Line-based text data"). */
    public static final Protocol TEXT_LINES = new Protocol("Line-based text data", "Line-based text data", "data-text-lines");
    /** Wireshark's media dissector: a body whose media type no dissector takes. */
    public static final Protocol MEDIA = new Protocol("Media Type", "Media", "media");
    static final Field MEDIA_TYPE = Field.define("media.type", "Media type", FieldType.BYTES).build();
    /** "Content-encoded entity body (gzip): 165 bytes -> 197 bytes" (a text item, as in Wireshark). */
    static final Field ENCODED_ENTITY = Field.text("Content-encoded entity body");

    static final Field REQUEST = Field.define("http.request", "Request", FieldType.BOOLEAN).hidden().build();
    static final Field RESPONSE = Field.define("http.response", "Response", FieldType.BOOLEAN).hidden().build();
    static final Field REQUEST_NUMBER = Field.define("http.request_number", "Request number", FieldType.UINT32).build();
    static final Field RESPONSE_NUMBER = Field.define("http.response_number", "Response number", FieldType.UINT32).build();
    static final Field REQUEST_LINE = Field.define("http.request.line", "Request line", FieldType.STRING).hidden()
            .labeler(HttpLabels::line).build();
    static final Field RESPONSE_LINE = Field.define("http.response.line", "Response line", FieldType.STRING).hidden()
            .labeler(HttpLabels::line).build();
    /** A line shown as it is (a text item): the start line, a header Wireshark has no field for, the empty line. */
    static final Field LINE = Field.define("", "Line", FieldType.NONE).labeler(HttpLabels::line).build();
    static final Field METHOD = Field.define("http.request.method", "Request Method", FieldType.STRING).build();
    static final Field URI = Field.define("http.request.uri", "Request URI", FieldType.STRING).build();
    static final Field URI_PATH = Field.define("http.request.uri.path", "Request URI Path", FieldType.STRING).build();
    static final Field URI_QUERY = Field.define("http.request.uri.query", "Request URI Query", FieldType.STRING).build();
    static final Field URI_QUERY_PARAMETER = Field.define("http.request.uri.query.parameter", "Request URI Query Parameter",
            FieldType.STRING).build();
    static final Field REQUEST_VERSION = Field.define("http.request.version", "Request Version", FieldType.STRING).build();
    static final Field RESPONSE_VERSION = Field.define("http.response.version", "Response Version", FieldType.STRING).build();
    static final Field FULL_URI = Field.define("http.request.full_uri", "Full request URI", FieldType.STRING).build();
    static final Field RESPONSE_CODE = Field.define("http.response.code", "Status Code", FieldType.UINT16).build();
    static final Field RESPONSE_CODE_DESC = Field.define("http.response.code.desc", "Status Code Description",
            FieldType.STRING).build();
    static final Field RESPONSE_FOR_URI = Field.define("http.response_for.uri", "Request URI", FieldType.STRING).build();
    static final Field RESPONSE_PHRASE = Field.define("http.response.phrase", "Response Phrase", FieldType.STRING).build();
    static final Field AUTHORIZATION = header("http.authorization", "Authorization");
    static final Field PROXY_AUTHENTICATE = header("http.proxy_authenticate", "Proxy-Authenticate");
    static final Field PROXY_AUTHORIZATION = header("http.proxy_authorization", "Proxy-Authorization");
    static final Field WWW_AUTHENTICATE = header("http.www_authenticate", "WWW-Authenticate");
    static final Field CONTENT_TYPE = header("http.content_type", "Content-Type");
    static final Field CONTENT_LENGTH_HEADER = header("http.content_length_header", "Content-Length");
    static final Field CONTENT_LENGTH = Field.define("http.content_length", "Content length", FieldType.UINT64).build();
    static final Field CONTENT_ENCODING = header("http.content_encoding", "Content-Encoding");
    static final Field TRANSFER_ENCODING = header("http.transfer_encoding", "Transfer-Encoding");
    static final Field UPGRADE = header("http.upgrade", "Upgrade");
    static final Field USER_AGENT = header("http.user_agent", "User-Agent");
    static final Field HOST = header("http.host", "Host");
    static final Field CONNECTION = header("http.connection", "Connection");
    static final Field COOKIE = header("http.cookie", "Cookie");
    static final Field PROXY_CONNECT_HOST = Field.define("http.proxy_connect_host", "Proxy-Connect-Hostname", FieldType.STRING)
            .description("HTTP Proxy Connect Hostname").build();
    static final Field PROXY_CONNECT_PORT = Field.define("http.proxy_connect_port", "Proxy-Connect-Port", FieldType.UINT16)
            .description("HTTP Proxy Connect Port").build();
    static final Field COOKIE_PAIR = Field.define("http.cookie_pair", "Cookie pair", FieldType.STRING)
            .description("A name/value HTTP cookie pair").build();
    static final Field ACCEPT = header("http.accept", "Accept");
    static final Field REFERER = header("http.referer", "Referer");
    static final Field ACCEPT_LANGUAGE = header("http.accept_language", "Accept-Language");
    static final Field ACCEPT_ENCODING = header("http.accept_encoding", "Accept Encoding");
    static final Field DATE = header("http.date", "Date");
    static final Field CACHE_CONTROL = header("http.cache_control", "Cache-Control");
    static final Field SERVER = header("http.server", "Server");
    static final Field LOCATION = header("http.location", "Location");
    static final Field SET_COOKIE = header("http.set_cookie", "Set-Cookie");
    static final Field LAST_MODIFIED = header("http.last_modified", "Last-Modified");
    static final Field X_FORWARDED_FOR = header("http.x_forwarded_for", "X-Forwarded-For");
    static final Field REQUEST_IN = Field.define("http.request_in", "Request in frame", FieldType.FRAMENUM).build();
    static final Field PREV_REQUEST_IN = Field.define("http.prev_request_in", "Prev request in frame", FieldType.FRAMENUM).build();
    static final Field PREV_RESPONSE_IN = Field.define("http.prev_response_in", "Prev response in frame", FieldType.FRAMENUM).build();
    static final Field TIME = Field.define("http.time", "Time since request", FieldType.RELATIVE_TIME).build();
    static final Field CHUNK_SIZE = Field.define("http.chunk_size", "Chunk size", FieldType.UINT32)
            .labeler((t, n, out) -> out.append("Chunk size: ").append(t.value(n)).append(t.value(n) == 1 ? " octet" : " octets"))
            .build();
    /** The chunked body's subtree, "HTTP chunked response" (requests' too, as Wireshark names it). */
    static final Field CHUNKED_BODY = Field.text("HTTP chunked response");
    /** "Data chunk (8558 octets)": a chunk's size line, data and boundary. */
    static final Field DATA_CHUNK = Field.text("Data chunk");
    /** "End of chunked encoding": the last chunk's size line. */
    static final Field LAST_CHUNK = Field.text("End of chunked encoding");
    static final Field CHUNK_DATA = Field.define("http.chunk_data", "Chunk data", FieldType.BYTES).build();
    static final Field CHUNK_BOUNDARY = Field.define("http.chunk_boundary", "Chunk boundary", FieldType.BYTES).build();
    static final Field CHUNKED_TRAILER_PART = Field.define("http.chunked_trailer_part", "trailer-part", FieldType.STRING).build();
    static final Field FILE_DATA = Field.define("http.file_data", "File Data", FieldType.STRING)
            .labeler(HttpLabels::fileData).build();

    static final Expert CHAT = new Expert("http.chat", ExpertGroup.SEQUENCE, Severity.CHAT, "Formatted text");
    static final Expert TLS_PORT = new Expert("http.tls_port", ExpertGroup.SECURITY, Severity.WARNING,
            "Unencrypted HTTP protocol detected over encrypted port, could indicate a dangerous misconfiguration.");
    static final Expert TE_AND_LENGTH = new Expert("http.te_and_length", ExpertGroup.MALFORMED, Severity.WARNING,
            "The Content-Length and Transfer-Encoding header must not be set together");
    static final Expert DECHUNK_LIMIT = new Expert("http.dechunk_limit", ExpertGroup.REASSEMBLE, Severity.WARNING,
            "The chunked body is longer than http.max_dechunked_bytes: the rest is not de-chunked");
    static final Expert SUBDISSECTOR_FAILED = new Expert("http.subdissector_failed", ExpertGroup.MALFORMED, Severity.NOTE,
            "HTTP body subdissector failed, trying heuristic subdissector");
    static final Expert TE_UNKNOWN = new Expert("http.te_unknown", ExpertGroup.PROTOCOL, Severity.WARNING,
            "Unknown transfer coding name in Transfer-Encoding header");

    private static Field header(String abbrev, String name) {
        return Field.define(abbrev, name, FieldType.STRING).labeler(HttpLabels::line).build();
    }

    static Field[] fields() {
        return new Field[] {REQUEST, RESPONSE, REQUEST_NUMBER, RESPONSE_NUMBER, REQUEST_LINE, RESPONSE_LINE, LINE, METHOD, URI,
                URI_PATH, URI_QUERY, URI_QUERY_PARAMETER, REQUEST_VERSION, RESPONSE_VERSION, FULL_URI, RESPONSE_CODE, RESPONSE_CODE_DESC,
                RESPONSE_FOR_URI, RESPONSE_PHRASE, AUTHORIZATION, PROXY_AUTHENTICATE, PROXY_AUTHORIZATION, WWW_AUTHENTICATE,
                CONTENT_TYPE, CONTENT_LENGTH_HEADER, CONTENT_LENGTH, CONTENT_ENCODING, TRANSFER_ENCODING, UPGRADE,
                USER_AGENT, HOST, CONNECTION, COOKIE, COOKIE_PAIR, PROXY_CONNECT_HOST, PROXY_CONNECT_PORT, ACCEPT, REFERER, ACCEPT_LANGUAGE, ACCEPT_ENCODING, DATE,
                CACHE_CONTROL, SERVER, LOCATION, SET_COOKIE, LAST_MODIFIED, X_FORWARDED_FOR, REQUEST_IN, PREV_REQUEST_IN,
                PREV_RESPONSE_IN, TIME, CHUNK_SIZE, CHUNKED_BODY, DATA_CHUNK, LAST_CHUNK, CHUNK_DATA, CHUNK_BOUNDARY, CHUNKED_TRAILER_PART, FILE_DATA, ENCODED_ENTITY};
    }
}
