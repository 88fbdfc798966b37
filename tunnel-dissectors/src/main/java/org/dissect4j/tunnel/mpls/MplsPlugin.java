package org.dissect4j.tunnel.mpls;

import org.dissect4j.api.Base;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.Protocol;
import org.dissect4j.api.Registrar;
import org.dissect4j.tunnel.Handoffs;

/**
 * The MPLS plugin: {@code mpls} on Ethertypes 0x8847 (unicast) and 0x8848 (multicast), on IP protocol 137
 * (MPLS in IP) and on UDP port 6635 (MPLS over UDP, RFC 7510); the table {@code mpls.label} (the data after a
 * bottom label, for Decode As); {@code pwach}, the PW associated channel, with its table
 * {@code pwach.channel_type} (IPv4 0x0021, IPv6 0x0057).
 */
public final class MplsPlugin implements DissectorPlugin {
    /** MPLS over UDP, RFC 7510. */
    public static final int UDP_PORT = 6635;

    /** One label stack entry's line: {@code MultiProtocol Label Switching Header, Label: 16, Exp: 0, S: 1, TTL: 64}. */
    private static final Labeler ENTRY = (tree, node, out) -> {
        long e = tree.value(node);
        out.append("MultiProtocol Label Switching Header, Label: ").append(e >>> 12);
        String special = MplsFields.MPLS_LABEL_SPECIAL.values().name(e >>> 12);
        if (e >>> 12 <= 15) {
            out.append(" (").append(special == null ? "Reserved - Unknown" : special).append(')');
        }
        out.append(", Exp: ").append(e >>> 9 & 7).append(", S: ").append(e >>> 8 & 1).append(", TTL: ").append(e & 0xFF);
    };

    static final Protocol MPLS = new Protocol("MultiProtocol Label Switching Header", "MPLS", "mpls").labeler(ENTRY);
    static final Protocol PWACH = new Protocol("PW Associated Channel Header", "PW Associated Channel", "pwach");

    private final MplsDissector mpls = new MplsDissector();
    private final PwAchDissector pwach = new PwAchDissector();
    private DissectorHandle handle;
    private DissectorHandle pwachHandle;

    /** Found by {@link java.util.ServiceLoader}: one instance per engine. */
    public MplsPlugin() {
    }

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "mpls";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(MPLS, MplsFields.all());
        r.protocol(PWACH);
        r.experts(MplsExpert.all());
        r.newTable("mpls.label", "MPLS protocol", FieldType.UINT32, Base.DEC);
        r.newTable("pwach.channel_type", "PW Associated Channel Type", FieldType.UINT16, Base.HEX);
        handle = r.dissector("mpls", MPLS, mpls);
        pwachHandle = r.dissector("pwach", PWACH, pwach);
    }

    @Override
    public void handoff(Registrar r) {
        r.findTable("ethertype").ifPresent(t -> {
            t.add(0x8847, handle);
            t.add(0x8848, handle);
        });
        r.findTable("ip.proto").ifPresent(t -> t.add(137, handle));
        r.findTable("udp.port").ifPresent(t -> t.add(UDP_PORT, handle));
        DissectorHandle ip = Handoffs.find(r, "ip");
        DissectorHandle ipv6 = Handoffs.find(r, "ipv6");
        DissectorTable channels = r.table("pwach.channel_type");
        if (ip != null) {
            channels.add(0x0021, ip);
        }
        if (ipv6 != null) {
            channels.add(0x0057, ipv6);
        }
        pwach.wire(channels);
        mpls.wire(r.table("mpls.label"), ip, ipv6, pwachHandle);
    }
}
