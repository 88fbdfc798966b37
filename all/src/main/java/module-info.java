/**
 * Every dissect4j library in one module: the dissector API and engine, capture readers and
 * writers, the built-in dissectors (link and network layers, TCP, HTTP/1.x, HTTP/2, TLS, DNS, tunnels) and the
 * display-filter language. An application that {@code requires org.dissect4j.all} reads them all;
 * the dissectors are found by {@link java.util.ServiceLoader} through {@code Engine.load()}.
 */
module org.dissect4j.all {
    requires transitive org.dissect4j.api;
    requires transitive org.dissect4j.capture;
    requires transitive org.dissect4j.net;
    requires transitive org.dissect4j.tcp;
    requires transitive org.dissect4j.http;
    requires transitive org.dissect4j.tls;
    requires transitive org.dissect4j.dns;
    requires transitive org.dissect4j.http2;
    requires transitive org.dissect4j.tunnel;
    requires transitive org.dissect4j.filter;
}
