package org.dissect4j.net;

import org.dissect4j.api.Dissector;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.Packet;

/**
 * {@code LINKTYPE_RAW} (Wireshark's packet-raw.c): no link header, the IP version nibble picks
 * IPv4 or IPv6. The {@code raw} protocol has no fields; it appears in {@code frame.protocols}.
 * {@code LINKTYPE_IPV4}/{@code LINKTYPE_IPV6} go straight to {@code ip}/{@code ipv6} instead.
 */
final class RawIpDissector implements Dissector {
    private DissectorHandle ip;
    private DissectorHandle ipv6;
    private DissectorHandle data;

    void wire(DissectorHandle ip, DissectorHandle ipv6, DissectorHandle data) {
        this.ip = ip;
        this.ipv6 = ipv6;
        this.data = data;
    }

    @Override
    public int dissect(Packet p, int off, int len) {
        p.protocolColumn("N/A");
        if (p.columns()) {
            p.clearInfo().append("Raw packet data");
        }
        p.tree().add(NetProtocols.RAW.field(), off, 0);
        int version = p.u8(off) >>> 4;
        if (version == 4) {
            p.call(ip, off, len);
        } else if (version == 6) {
            p.call(ipv6, off, len);
        } else {
            NetUtil.callData(p, data, off, len);
        }
        return len;
    }
}
