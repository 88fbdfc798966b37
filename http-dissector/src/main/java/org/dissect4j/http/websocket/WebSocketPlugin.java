package org.dissect4j.http.websocket;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Registrar;

/**
 * Registers WebSocket: the {@code websocket} dissector in HTTP's {@code http.upgrade} table under the token
 * {@code websocket}, so that the bytes after a 101 (Switching Protocols) to {@code Upgrade: websocket} are its
 * frames. Text goes to {@code data-text-lines}, which HTTP registers.
 */
public final class WebSocketPlugin implements DissectorPlugin {
    /** The Upgrade token (RFC 6455 section 4.2.2), as HTTP's {@code http.upgrade} table keys it: lower case. */
    public static final String UPGRADE_TOKEN = "websocket";

    private final WebSocketDissector dissector = new WebSocketDissector();
    private DissectorHandle handle;

    /** Found by {@link java.util.ServiceLoader}: one instance per engine. */
    public WebSocketPlugin() {
    }

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(WebSocketFields.WEBSOCKET, WebSocketFields.all());
        r.experts(WebSocketFields.UNKNOWN_OPCODE);
        handle = r.dissector("websocket", WebSocketFields.WEBSOCKET, dissector);
        dissector.messages().declare(r);
    }

    @Override
    public void handoff(Registrar r) {
        r.findTable("http.upgrade").ifPresent(t -> t.add(UPGRADE_TOKEN, handle));
        dissector.wire(r.dissector("data-text-lines"), r.dissector("data"));
    }
}
