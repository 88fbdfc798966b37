package org.dissect4j.tcp;

import org.dissect4j.api.Base;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Labeler;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Registrar;
import org.dissect4j.api.TreeView;

/**
 * Registers TCP: the protocol, its fields and expert items, the {@code tcp} dissector, the {@code tcp.port}
 * table and the {@code tcp} heuristic list; then hands TCP to {@code ip.proto} 6 (IPv4 and IPv6 both use
 * that table).
 */
public final class TcpPlugin implements DissectorPlugin {
    /** IANA protocol number of TCP. */
    public static final int IP_PROTO_TCP = 6;

    private TcpDissector dissector;
    private DissectorTable portTable;

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public void register(Registrar r) {
        TcpFields.TCP.labeler(TcpPlugin::label);
        r.protocol(TcpFields.TCP, TcpFields.fields());
        r.headerFields(TcpFields.TCP, TcpHeaderDissector.HEADER_FIELDS);
        for (var proto : TcpFields.optionProtocols()) {
            r.protocol(proto);
        }
        r.protocol(TcpFields.MPTCP);
        r.experts(TcpExpert.all());
        dissector = new TcpDissector(new TcpSettings(r.settings()));
        r.dissector("tcp", TcpFields.TCP, dissector);
        portTable = r.newTable("tcp.port", "TCP port", FieldType.UINT16, Base.DEC);
        r.newHeuristicList("tcp", "TCP heuristic dissectors");
    }

    @Override
    public void handoff(Registrar r) {
        DissectorHandle tcp = r.dissector("tcp");
        DissectorTable ipProto = table(r, "ip.proto");
        if (ipProto != null) {
            ipProto.add(IP_PROTO_TCP, tcp);
        }
        dissector.wire(portTable, r.heuristics("tcp"), r.dissector("data"));
        dissector.wireErrorQuotes(handle(r, "ip"), handle(r, "icmp"), handle(r, "icmpv6"));
    }

    private static DissectorTable table(Registrar r, String name) {
        try {
            return r.table(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A named dissector of another plugin, or null when it is not loaded. */
    private static DissectorHandle handle(Registrar r, String name) {
        try {
            return r.dissector(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code Transmission Control Protocol, Src Port: 8000, Dst Port: 46336, Seq: 1, Ack: 91, Len: 0}. */
    private static void label(TreeView t, int node, StringBuilder out) {
        out.append("Transmission Control Protocol");
        int n = Labeler.child(t, node, TcpFields.SRCPORT);
        if (n >= 0) {
            out.append(", Src Port: ").append(t.value(n));
        }
        n = Labeler.child(t, node, TcpFields.DSTPORT);
        if (n >= 0) {
            out.append(", Dst Port: ").append(t.value(n));
        }
        n = Labeler.child(t, node, TcpFields.SEQ);
        if (n >= 0) {
            out.append(", Seq: ").append(t.value(n));
        }
        int flags = Labeler.child(t, node, TcpFields.FLAGS);
        n = Labeler.child(t, node, TcpFields.ACK);
        if (n >= 0 && flags >= 0 && (t.value(flags) & TcpDissector.TH_ACK) != 0) {
            out.append(", Ack: ").append(t.value(n));
        }
        n = Labeler.child(t, node, TcpFields.LEN);
        if (n >= 0) {
            out.append(", Len: ").append(t.value(n));
        }
    }

    /** The dissector instance of this plugin (for tests and statistics). */
    public TcpDissector dissector() {
        return dissector;
    }

    @SuppressWarnings("unused")
    private static boolean isTcp(Packet p) {
        return p.portType() == Packet.PT_TCP;
    }
}
