package org.dissect4j.tls;

import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Registrar;

/**
 * Registers TLS: the {@code tls} protocol with its fields and expert items, the X.509 protocols its certificate
 * decoder reports, the {@code tls} dissector on Wireshark 4.0's TLS ports of {@code tcp.port}
 * ({@link TlsDissector#PORTS}) and the {@code tls_tcp} heuristic in the {@code tcp} list.
 */
public final class TlsPlugin implements DissectorPlugin {
    private final TlsDissector tls = new TlsDissector();
    private DissectorHandle handle;
    private DissectorHandle heuristic;

    @Override
    public int apiVersion() {
        return DissectorPlugin.API_VERSION;
    }

    @Override
    public String name() {
        return "tls";
    }

    @Override
    public void register(Registrar r) {
        r.protocol(TlsFields.TLS, TlsFields.all());
        r.protocol(X509Fields.X509AF, X509Fields.x509af());
        r.protocol(X509Fields.X509IF, X509Fields.x509if());
        r.protocol(X509Fields.X509SAT, X509Fields.x509sat());
        r.protocol(X509Fields.X509CE, X509Fields.x509ce());
        r.protocol(X509Fields.PKCS1);
        r.protocol(X509Fields.PKIX1IMPLICIT);
        r.protocol(X509Fields.PKIX1EXPLICIT);
        r.experts(TlsExpert.all());
        handle = r.dissector("tls", TlsFields.TLS, tls);
        heuristic = r.dissector("tls_tcp", TlsFields.TLS, tls::heuristic);
        tls.wire(handle);
        tls.sessions.declare(r);
        tls.handshake.fp.nonAsciiAlpnAsHex = r.settings().bool("tls.ja4_non_ascii_alpn_hex", false);
    }

    @Override
    public void handoff(Registrar r) {
        // optional wiring: TLS also loads in an engine without TCP (a unit test over raw records)
        r.findTable("tcp.port").ifPresent(t -> {
            for (int port : TlsDissector.PORTS) {
                t.add(port, handle);
            }
        });
        r.findHeuristics("tcp").ifPresent(l -> l.add("tls_tcp", "SSL/TLS over TCP", heuristic, true));
    }
}
