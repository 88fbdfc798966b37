package org.dissect4j.tunnel.ayiya;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;

/**
 * The AYIYA plugin: the dissector {@code ayiya} on UDP port 5072, as Wireshark registers it, handing forwarded
 * packets to the {@code ip.proto} table.
 */
public final class AyiyaPlugin implements DissectorPlugin {
    /** AYIYA's UDP port (SixXS tunnels). */
    public static final int UDP_PORT = 5072;

    static final Protocol AYIYA = new Protocol("Anything in Anything Protocol", "AYIYA", "ayiya")
            .labeler(AyiyaLabels::protocol);

    private final AyiyaDissector dissector = new AyiyaDissector();
    private DissectorHandle handle;

    /** Found by {@link java.util.ServiceLoader}: one instance per engine. */
    public AyiyaPlugin() {
    }

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "ayiya";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(AYIYA, AyiyaFields.all());
        handle = r.dissector("ayiya", AYIYA, dissector);
    }

    @Override
    public void handoff(Registrar r) {
        r.findTable("udp.port").ifPresent(t -> t.add(UDP_PORT, handle));
        r.findTable("ip.proto").ifPresent(dissector::wire);
    }
}
