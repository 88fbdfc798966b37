package org.dissect4j.http2;

import org.dissect4j.api.ConversationData;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Registrar;
import org.dissect4j.api.Settings;

/**
 * Registers HTTP/2: the named dissector {@code http2} (Decode As: {@code -d tcp.port==8080,http2}), ALPN {@code h2} in
 * TLS's {@code tls.alpn} table, and the {@code http2_tls} heuristic (the connection preface) in the {@code tls} list,
 * as Wireshark 4.0 does. Wireshark has no HTTP/2 port by default and no heuristic on plain TCP, so neither has this.
 *
 * <p>Preferences (read once): {@code http2.max_header_table_size} (65536: the largest HPACK dynamic table a
 * connection may use), {@code http2.max_header_bytes} (1 MiB: the longest header name or value),
 * {@code http2.max_header_block_size} (1 MiB: a header block over its CONTINUATION frames),
 * {@code http2.max_header_lines} (1000 shown per block) and {@code http2.max_state_bytes} (16 MiB: the HPACK tables,
 * block buffers and stream slots of all connections together).
 */
public final class Http2Plugin implements DissectorPlugin {
    private Http2Dissector http2;
    private DissectorHandle handle;
    private DissectorHandle heuristic;

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "http2";
    }

    @Override
    public void register(Registrar r) {
        Settings s = r.settings();
        int tableCap = bound(s, "http2.max_header_table_size", 65536);
        int maxHeaderBytes = bound(s, "http2.max_header_bytes", 1 << 20);
        int maxBlock = bound(s, "http2.max_header_block_size", 1 << 20);
        int maxLines = bound(s, "http2.max_header_lines", 1000);
        Http2Budget budget = new Http2Budget(s.integer("http2.max_state_bytes", 16L << 20));
        http2 = new Http2Dissector(new Http2Headers(new Http2Scratch(maxHeaderBytes), maxBlock, maxLines));
        r.protocol(Http2Fields.HTTP2, Http2Fields.fields());
        r.experts(Http2Fields.experts());
        handle = r.dissector("http2", Http2Fields.HTTP2, http2::dissect);
        heuristic = r.heuristic("http2_tls", Http2Fields.HTTP2, http2::heuristic);
        ConversationData<Http2Connection> connections = r.conversationData("http2.connection",
                () -> new Http2Connection(budget, tableCap), Http2Connection::release);
        http2.wire(connections, handle);
    }

    private static int bound(Settings s, String name, int dflt) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE - 8, s.integer(name, dflt)));
    }

    @Override
    public void handoff(Registrar r) {
        // optional wiring: HTTP/2 also loads in an engine without TLS (Decode As over TCP then)
        r.findTable("tls.alpn").ifPresent(t -> t.add("h2", handle));
        r.findHeuristics("tls").ifPresent(l -> l.add("http2_tls", "HTTP2 over TLS", heuristic, true));
        // bodies by media type (the table the HTTP/1.x plugin declares, as Wireshark's media_type)
        r.findTable("media_type").ifPresent(http2.bodies::wire);
    }
}
