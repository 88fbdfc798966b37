package org.dissect4j.tunnel.ppp;

import org.dissect4j.api.Base;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;
import org.dissect4j.tunnel.Handoffs;

/**
 * The PPP plugin: {@code ppp} on GRE protocol type 0x880B (PPTP's enhanced GRE, RFC 2637), the table
 * {@code ppp.protocol} with IPv4 (0x0021), IPv6 (0x0057), LCP (0xC021), IPCP (0x8021) and PAP (0xC023).
 */
public final class PppPlugin implements DissectorPlugin {
    /** GRE protocol type of PPP. */
    public static final int GRE_TYPE = 0x880B;

    static final Protocol PPP = new Protocol("Point-to-Point Protocol", "PPP", "ppp");
    static final Protocol LCP = new Protocol("PPP Link Control Protocol", "PPP LCP", "lcp");
    static final Protocol IPCP = new Protocol("PPP IP Control Protocol", "PPP IPCP", "ipcp");
    static final Protocol PAP = new Protocol("PPP Password Authentication Protocol", "PPP PAP", "pap");

    private final PppDissector ppp = new PppDissector();
    private DissectorHandle handle;
    private DissectorHandle lcp;
    private DissectorHandle ipcp;
    private DissectorHandle pap;

    /** Found by {@link java.util.ServiceLoader}: one instance per engine. */
    public PppPlugin() {
    }

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "ppp";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(PPP, PppFields.all());
        r.protocol(LCP);
        r.protocol(IPCP);
        r.protocol(PAP);
        r.newTable("ppp.protocol", "PPP protocol", FieldType.UINT16, Base.HEX);
        handle = r.dissector("ppp", PPP, ppp);
        lcp = r.dissector("lcp", LCP, new PppControlDissector(LCP, true));
        ipcp = r.dissector("ipcp", IPCP, new PppControlDissector(IPCP, false));
        pap = r.dissector("pap", PAP, new PapDissector());
    }

    @Override
    public void handoff(Registrar r) {
        DissectorTable protocols = r.table("ppp.protocol");
        r.findTable("gre.proto").ifPresent(t -> t.add(GRE_TYPE, handle));
        DissectorHandle ip = Handoffs.find(r, "ip");
        DissectorHandle ipv6 = Handoffs.find(r, "ipv6");
        if (ip != null) {
            protocols.add(0x0021, ip);
        }
        if (ipv6 != null) {
            protocols.add(0x0057, ipv6);
        }
        protocols.add(0xC021, lcp);
        protocols.add(0x8021, ipcp);
        protocols.add(0xC023, pap);
        ppp.wire(protocols);
    }
}
