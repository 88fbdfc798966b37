/**
 * The dissect4j HTTP/1.x dissector, on TCP ports and by heuristic, over TCP stream reassembly; and WebSocket, the
 * protocol an HTTP Upgrade hands the connection to.
 */
module org.dissect4j.http {
    requires transitive org.dissect4j.api;

    exports org.dissect4j.http;

    provides org.dissect4j.api.DissectorPlugin with org.dissect4j.http.HttpPlugin,
            org.dissect4j.http.websocket.WebSocketPlugin;
}
