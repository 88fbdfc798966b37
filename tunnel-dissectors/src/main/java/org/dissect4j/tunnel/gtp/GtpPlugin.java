package org.dissect4j.tunnel.gtp;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;
import org.dissect4j.tunnel.Handoffs;

/**
 * The GTP plugin: {@code gtp} on UDP ports 2152 (GTP-U) and 2123 (GTP-C), {@code gtpv2} for version 2
 * headers (on 2123, as Wireshark hands them over). GTP' (port 3386) is not dissected.
 */
public final class GtpPlugin implements DissectorPlugin {
    /** GTP-U. */
    public static final int UDP_PORT_USER = 2152;
    /** GTP-C (v1 and v2). */
    public static final int UDP_PORT_CONTROL = 2123;

    static final Protocol GTP = new Protocol("GPRS Tunneling Protocol", "GTP", "gtp");
    static final Protocol GTPV2 = new Protocol("GPRS Tunneling Protocol V2", "GTPv2", "gtpv2");

    private final GtpDissector gtp = new GtpDissector();
    private DissectorHandle handle;
    private DissectorHandle v2;

    /** Found by {@link java.util.ServiceLoader}: one instance per engine. */
    public GtpPlugin() {
    }

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "gtp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(GTP, GtpFields.all());
        r.protocol(GTPV2);
        r.experts(GtpExpert.all());
        handle = r.dissector("gtp", GTP, gtp);
        v2 = r.dissector("gtpv2", GTPV2, new Gtpv2Dissector());
    }

    @Override
    public void handoff(Registrar r) {
        r.findTable("udp.port").ifPresent(t -> {
            t.add(UDP_PORT_USER, handle);
            t.add(UDP_PORT_CONTROL, handle);
        });
        gtp.wire(Handoffs.find(r, "ip"), Handoffs.find(r, "ipv6"), v2);
    }
}
