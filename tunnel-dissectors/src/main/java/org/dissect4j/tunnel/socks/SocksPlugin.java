package org.dissect4j.tunnel.socks;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Registrar;

/**
 * The SOCKS plugin: the dissector {@code socks} on TCP port 1080, Wireshark's {@code socks.tcp.port}. It lives in
 * tunnel-dissectors because SOCKS is a tunnel over TCP like the others here are over UDP and IP: it decodes a short
 * handshake and hands the tunnelled bytes to whatever the {@code tcp.port} table names for the port asked for, so
 * it needs nothing but the API's tables (no other protocol module).
 */
public final class SocksPlugin implements DissectorPlugin {
    /** SOCKS's TCP port (IANA "socks"). */
    public static final int TCP_PORT = 1080;

    private final SocksDissector dissector = new SocksDissector();
    private DissectorHandle handle;

    /** Found by {@link java.util.ServiceLoader}: one instance per engine. */
    public SocksPlugin() {
    }

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "socks";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(SocksFields.SOCKS, SocksFields.all());
        handle = r.dissector("socks", SocksFields.SOCKS, dissector);
        dissector.declare(r);
    }

    @Override
    public void handoff(Registrar r) {
        r.findTable("tcp.port").ifPresent(t -> t.add(TCP_PORT, handle));
        dissector.wire(r.findTable("tcp.port").orElse(null), r.findHeuristics("tcp").orElse(null));
    }
}
