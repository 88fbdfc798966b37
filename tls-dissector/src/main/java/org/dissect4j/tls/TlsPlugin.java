package org.dissect4j.tls;

import java.nio.file.Path;

import org.dissect4j.api.Base;
import org.dissect4j.api.DissectorHandle;
import org.dissect4j.api.DissectorTable;
import org.dissect4j.api.FieldType;
import org.dissect4j.api.HeuristicList;
import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Registrar;

/**
 * Registers TLS: the {@code tls} protocol with its fields and expert items, the X.509 protocols its certificate
 * decoder reports, the {@code tls} dissector on Wireshark 4.0's TLS ports of {@code tcp.port}
 * ({@link TlsDissector#PORTS}) and the {@code tls_tcp} heuristic in the {@code tcp} list.
 *
 * <p>Decryption: key logs from the preference {@code tls.keylog_file}, the {@code SSLKEYLOGFILE} environment
 * variable and secrets handed to the engine ({@link org.dissect4j.api.Engine#addSecrets}, type
 * {@value #TLS_KEY_LOG_SECRETS}: pcapng Decryption Secrets Blocks); the decrypted application data goes to the
 * tables {@code tls.port} (by port) and {@code tls.alpn} (by ALPN name) and the heuristic list {@code tls}, which
 * this plugin declares for others to fill, as Wireshark's.
 */
public final class TlsPlugin implements DissectorPlugin {
    private final TlsDissector tls = new TlsDissector();
    private DissectorHandle handle;
    private DissectorHandle heuristic;
    private DissectorTable ports;
    private DissectorTable alpn;
    private HeuristicList heuristics;
    /** pcapng's secrets type of a TLS key log ("TLSK"). */
    public static final long TLS_KEY_LOG_SECRETS = 0x544c534bL;

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
        r.protocol(X509Fields.PKCS1, X509Fields.pkcs1());
        r.protocol(X509Fields.BER, X509Fields.ber());
        r.protocol(X509Fields.PKIX1IMPLICIT, X509Fields.pkix1implicit());
        r.protocol(X509Fields.PKIX1EXPLICIT, X509Fields.pkix1explicit());
        r.protocol(X509Fields.NS_CERT_EXTS, X509Fields.nsCertExts());
        r.protocol(X509Fields.LOGOTYPE, X509Fields.logotype());
        r.experts(TlsExpert.all());
        handle = r.dissector("tls", TlsFields.TLS, tls);
        heuristic = r.dissector("tls_tcp", TlsFields.TLS, tls::heuristic);
        tls.wire(handle);
        tls.sessions.declare(r);
        tls.sessions.maxMessage = (int) Math.max(1024, Math.min(Integer.MAX_VALUE - 16,
                r.settings().integer("tls.handshake.max_message_bytes", tls.sessions.maxMessage)));
        tls.sessions.maxReassemblyBytes = Math.max(0, r.settings().integer("tls.handshake.max_reassembly_bytes",
                tls.sessions.maxReassemblyBytes));
        tls.handshake.fp.nonAsciiAlpnAsHex = r.settings().bool("tls.ja4_non_ascii_alpn_hex", false);
        r.headerFields(TlsFields.TLS, TlsFields.RECORD, TlsFields.CONTENT_TYPE, TlsFields.OPAQUE_TYPE, TlsFields.RECORD_VERSION,
                TlsFields.RECORD_LENGTH, TlsFields.APP_DATA);
        ports = r.newTable("tls.port", "TLS port", FieldType.UINT16, Base.DEC);
        alpn = r.newStringTable("tls.alpn", "ALPN Protocol IDs");
        heuristics = r.newHeuristicList("tls", "TLS payload");
        // ours, not Wireshark's: where OCSP's plugin (org.dissect4j.tls.ocsp) takes a stapled response
        tls.handshake.extensions.statusTypes = r.newTable("tls.certificate_status", "TLS Certificate Status type",
                FieldType.UINT8, Base.DEC);
        keyLogs(r);
    }

    /** The key log sources: {@code -o tls.keylog_file:FILE}, {@code SSLKEYLOGFILE}, and secrets handed to the engine. */
    private void keyLogs(Registrar r) {
        TlsKeyLog log = tls.decryption.keyLog;
        String file = r.settings().string("tls.keylog_file", "");
        if (file.isEmpty()) {
            String env = System.getenv("SSLKEYLOGFILE");
            file = env == null ? "" : env;
        }
        if (!file.isEmpty()) {
            log.file(Path.of(file));
        }
        r.secrets(TLS_KEY_LOG_SECRETS, log::add);
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
        tls.decryption.wire(ports, alpn, heuristics);
    }
}
