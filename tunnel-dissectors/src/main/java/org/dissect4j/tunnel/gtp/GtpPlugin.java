package org.dissect4j.tunnel.gtp;

import java.util.Arrays;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Field;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;
import org.dissect4j.tunnel.Handoffs;

/**
 * The GTP plugin: {@code gtp} on UDP ports 2152 (GTP-U) and 2123 (GTP-C), {@code gtpv2} for version 2
 * headers (on 2123, as Wireshark hands them over), {@code gtpprime} on UDP 3386 for the GTPv0 messages found there
 * (GTP' itself is not dissected).
 */
public final class GtpPlugin implements DissectorPlugin {
    /** GTP-U. */
    public static final int UDP_PORT_USER = 2152;
    /** GTP-C (v1 and v2). */
    public static final int UDP_PORT_CONTROL = 2123;

    static final Protocol GTP = new Protocol("GPRS Tunneling Protocol", "GTP", "gtp");
    static final Protocol GTPV2 = new Protocol("GPRS Tunneling Protocol V2", "GTPv2", "gtpv2");
    static final Protocol GTP_PRIME = new Protocol("GPRS Tunneling Protocol Prime", "GTP (Prime)", "gtpprime");
    /** GTP' and, as Wireshark finds it there, GTPv0. */
    public static final int UDP_PORT_PRIME = 3386;
    private static final int PROTOCOL_TYPE_GTP = 0x10;

    private final GtpDissector gtp = new GtpDissector();
    private DissectorHandle handle;
    private DissectorHandle v2;
    private DissectorHandle prime;

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
        Field[] generated = GtpFields.all();
        Field[] fields = Arrays.copyOf(generated, generated.length + 1);
        fields[generated.length] = GtpInformationElements.GSN_ADDRESS;    // a text item, declared by hand
        r.protocol(GTP, fields);
        gtp.register(r.conversationData("gtp.requests", GtpRequests::new));
        r.protocol(GTPV2);
        r.experts(GtpExpert.all());
        handle = r.dissector("gtp", GTP, gtp);
        v2 = r.dissector("gtpv2", GTPV2, new Gtpv2Dissector());
        r.protocol(GTP_PRIME);
        // packet-gtp.c's GTP' handle passes a header whose protocol type says GTP (GTPv0) to GTP's own dissection,
        // under the GTP' protocol in frame.protocols; GTP' proper (protocol type 0) is not dissected
        prime = r.dissector("gtpprime", GTP_PRIME,
                (p, off, len) -> (p.u8(off) & PROTOCOL_TYPE_GTP) != 0 ? gtp.dissect(p, off, len) : 0);
    }

    @Override
    public void handoff(Registrar r) {
        r.findTable("udp.port").ifPresent(t -> {
            t.add(UDP_PORT_USER, handle);
            t.add(UDP_PORT_CONTROL, handle);
            t.add(UDP_PORT_PRIME, prime);
        });
        gtp.wire(Handoffs.find(r, "ip"), Handoffs.find(r, "ipv6"), v2);
    }
}
