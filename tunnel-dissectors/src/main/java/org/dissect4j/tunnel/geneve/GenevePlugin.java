package org.dissect4j.tunnel.geneve;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;

/**
 * The Geneve plugin: the dissector {@code geneve} on UDP port 6081 (RFC 8926), handing its payload to the
 * {@code ethertype} table.
 */
public final class GenevePlugin implements DissectorPlugin {
    /** Geneve's UDP port. */
    public static final int UDP_PORT = 6081;

    static final Protocol GENEVE = new Protocol("Generic Network Virtualization Encapsulation", "Geneve", "geneve")
            .labeler(GeneveLabels.PROTOCOL);

    private final GeneveDissector dissector = new GeneveDissector();
    private DissectorHandle handle;

    /** Found by {@link java.util.ServiceLoader}: one instance per engine. */
    public GenevePlugin() {
    }

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "geneve";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(GENEVE, GeneveFields.all());
        r.experts(GeneveExpert.all());
        handle = r.dissector("geneve", GENEVE, dissector);
    }

    @Override
    public void handoff(Registrar r) {
        r.findTable("udp.port").ifPresent(t -> t.add(UDP_PORT, handle));
        r.findTable("ethertype").ifPresent(dissector::wire);
    }
}
