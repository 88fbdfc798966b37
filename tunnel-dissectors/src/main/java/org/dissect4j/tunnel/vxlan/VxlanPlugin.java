package org.dissect4j.tunnel.vxlan;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;
import org.dissect4j.tunnel.Handoffs;

/**
 * The VXLAN plugin: the dissector {@code vxlan} (so Decode As offers it) on UDP port 4789, the IANA port
 * Wireshark registers. The inner frame goes to {@code eth_withoutfcs}.
 */
public final class VxlanPlugin implements DissectorPlugin {
    /** VXLAN's UDP port (RFC 7348). */
    public static final int UDP_PORT = 4789;

    static final Protocol VXLAN = new Protocol("Virtual eXtensible Local Area Network", "VXLAN", "vxlan");

    private final VxlanDissector dissector = new VxlanDissector();
    private DissectorHandle handle;

    /** Found by {@link java.util.ServiceLoader}: one instance per engine. */
    public VxlanPlugin() {
    }

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "vxlan";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(VXLAN, VxlanFields.all());
        handle = r.dissector("vxlan", VXLAN, dissector);
    }

    @Override
    public void handoff(Registrar r) {
        r.findTable("udp.port").ifPresent(t -> t.add(UDP_PORT, handle));
        dissector.wire(Handoffs.find(r, "eth_withoutfcs"));
    }
}
