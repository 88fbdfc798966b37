package org.dissect4j.tls.dtls;

import org.dissect4j.api.Base;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.Registrar;

/**
 * Registers DTLS as Wireshark 4.0 does: the {@code dtls} protocol with its fields (its own and the {@code dtls.*}
 * twins of TLS's handshake fields) and expert items, the {@code dtls} dissector on {@code udp.port} 853, 2221, 5684
 * and 5868 (the ports of {@code dtls.port}'s applications) and for Decode As, the {@code dtls_udp} heuristic in the
 * {@code udp} list, and the {@code dtls.port} table for applications over DTLS (nothing is decrypted, so nothing is
 * handed to them yet). Preferences: {@code dtls.handshake.max_message_bytes} (1 MiB) and
 * {@code dtls.handshake.max_reassembly_bytes} (64 MiB), the reassembly bounds.
 */
public final class DtlsPlugin implements DissectorPlugin {
    private final DtlsDissector dtls = new DtlsDissector();
    private DissectorHandle handle;
    private DissectorHandle heuristic;

    /** The dissector (tests read its reassembly bounds). */
    DtlsDissector dtls() {
        return dtls;
    }

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "dtls";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(DtlsFields.DTLS, DtlsFields.all());
        r.experts(DtlsExpert.all());
        handle = r.dissector("dtls", DtlsFields.DTLS, dtls);
        heuristic = r.heuristic("dtls_udp", DtlsFields.DTLS, dtls::heuristic);
        dtls.associations.declare(r);
        DtlsAssociations a = dtls.associations;
        a.maxMessage = (int) Math.max(1024, Math.min(Integer.MAX_VALUE - 16,
                r.settings().integer("dtls.handshake.max_message_bytes", a.maxMessage)));
        a.maxReassemblyBytes = Math.max(0, r.settings().integer("dtls.handshake.max_reassembly_bytes", a.maxReassemblyBytes));
        dtls.applications = r.newTable("dtls.port", "DTLS Port", FieldType.UINT16, Base.DEC);
    }

    @Override
    public void handoff(Registrar r) {
        // optional wiring: DTLS also loads in an engine without UDP (a unit test over raw records)
        r.findTable("udp.port").ifPresent(t -> {
            for (int port : DtlsDissector.PORTS) {
                t.add(port, handle);
            }
            t.allowDecodeAs(handle);
        });
        r.findHeuristics("udp").ifPresent(l -> l.add("dtls_udp", "DTLS over UDP", heuristic, true));
    }
}
