/** The dissect4j HTTP/2 dissector: frames, HPACK header decoding, hand-off by ALPN h2 and Decode As. */
@SuppressWarnings("module")   // "http2" ends in a digit: the protocol's name
module org.dissect4j.http2 {
    requires transitive org.dissect4j.api;

    exports org.dissect4j.http2;

    provides org.dissect4j.api.DissectorPlugin with org.dissect4j.http2.Http2Plugin;
}
