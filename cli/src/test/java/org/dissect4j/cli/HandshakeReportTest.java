package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --handshakes} (text and {@code -T json}) against reviewed goldens, and the TLS details on the shared corpus. */
class HandshakeReportTest {
    static String report(Path capture, boolean json) {
        return ReportRun.run(capture, (out, env) -> new HandshakeReport(out, json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http-sample", "tcp-lifecycles"})
    void ownCapturesEqualReviewedGoldens(String name) {
        Path capture = name.equals("http-sample") ? Cli.SAMPLE : ConversationStatsTest.LIFECYCLES;
        String text = report(capture, false);
        assertThat(text).isEqualTo(ReportRun.golden(name + ".handshakes.txt", text));
        String json = report(capture, true);
        assertThat(json).isEqualTo(ReportRun.golden(name + ".handshakes.json", json));
    }

    @Test
    void everyWayToEndAConnection() {
        String r = report(ConversationStatsTest.LIFECYCLES, false);
        assertThat(r).startsWith("TCP connections: 7 (6 with a complete 3-way handshake)\n")
                .contains("4-way FIN, client closed first")
                .contains("3-way FIN (merged FIN/ACK), server closed first")
                .contains("RST by client (RST #")
                .contains("refused (RST)")
                .contains("no FIN/RST seen")
                .contains("captured       its start only: no FIN or RST before the capture ended")
                .contains("[fd00:88::2]:")
                .contains("client SYN     MSS 1440, WS 10 (x1024), SACK_PERM, TS");
    }

    @Test
    void tlsHandshakeOfOwnCapture() {
        assumeTrue(!org.dissect4j.api.Engine.load().fields("tls.handshake.type").isEmpty(),
                "the TLS dissector is not on the class path: skipped");
        String r = report(ConversationStatsTest.LIFECYCLES, false);
        assertThat(r).contains("TLS            TLS 1.3 (0x0304), TLS_AES_256_GCM_SHA384 (0x1302)")
                .contains("TLS SNI        report.test")
                .contains("TLS ALPN       not visible (TLS 1.3 sends it encrypted) (offered h2,http/1.1)")
                .contains("TLS session    full")
                .containsPattern("TLS handshake  [0-9.]+ ms \\(ClientHello #\\d+ -> client Finished #\\d+\\), HelloRetryRequest #\\d+")
                .contains("JA4            t13d0411h2_");
        String json = report(ConversationStatsTest.LIFECYCLES, true);
        assertThat(json).contains("\"hello_retry_request\": true", "\"sni\": \"report.test\"", "\"alpn_offered\": [\"h2\", \"http/1.1\"]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp-rst.pcap", "tcp-server-closes-first.pcap", "tcp-http-ipv6.pcapng"})
    void sharedTcpCaptures(String name) {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus (../shared/captures/public) is absent: skipped");
        String base = name.substring(0, name.indexOf('.'));
        String text = report(ReportRun.SHARED.resolve(name), false);
        assertThat(text).isEqualTo(ReportRun.golden(base + ".handshakes.txt", text));
    }

    @Test
    void sharedTlsCaptures() {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus (../shared/captures/public) is absent: skipped");
        assumeTrue(!org.dissect4j.api.Engine.load().fields("tls.handshake.type").isEmpty(), "the TLS dissector is not loaded: skipped");
        assertThat(report(ReportRun.SHARED.resolve("tls13-hrr.pcap"), false))
                .contains("TLS 1.3 (0x0304), TLS_AES_256_GCM_SHA384 (0x1302)", "HelloRetryRequest #6",
                        "JA3            c957e1b78599f9337a29ea53e8c1625d", "JA3S           15af977ce25de452b96affa2addb1036");
        assertThat(report(ReportRun.SHARED.resolve("tls12-resume-ticket.pcap"), false))
                .contains("TLS session    full\n", "TLS session    resumed (Session Ticket)");
        assertThat(report(ReportRun.SHARED.resolve("tls12-resume-sessionid-rejected.pcap"), false))
                .contains("full (client offered Session ID)");
        assertThat(report(ReportRun.SHARED.resolve("tls12-alert-unknown-ca.pcap"), false))
                .contains("TLS alerts     client fatal Unknown CA (#8)", "TLS handshake  not completed (ClientHello #4)");
        assertThat(report(ReportRun.SHARED.resolve("tls13-psk-resume.pcapng"), false)).contains("resumed (TLS 1.3 PSK)");
        assertThat(report(ReportRun.SHARED.resolve("tls13-full-alpn-sni.pcapng"), true))
                .contains("\"alpn_offered\": [\"h2\", \"http/1.1\"]", "\"version\": \"TLS 1.3 (0x0304)\"");
    }

    @Test
    void isnWindowsScalingSessionAndCertificateAsTsharkReadsThem() {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus (../shared/captures/public) is absent: skipped");
        assumeTrue(!org.dissect4j.api.Engine.load().fields("tls.handshake.type").isEmpty(), "the TLS dissector is not loaded: skipped");
        Path capture = ReportRun.SHARED.resolve("tls12-resume-sessionid.pcap");
        GoldenFields golden = GoldenFields.of(capture);
        String json = report(capture, true);
        String text = report(capture, false);
        for (Map<String, String> syn : golden.with("tcp.options.mss_val")) {
            assertThat(json).contains("\"isn\": " + syn.get("tcp.seq_raw") + ", \"initial_window\": " + syn.get("tcp.window_size_value"));
            assertThat(text).contains("ISN " + syn.get("tcp.seq_raw") + ", window " + syn.get("tcp.window_size_value"));
        }
        Map<String, String> clientSyn = golden.with("tcp.options.mss_val").get(0);
        Map<String, String> serverSyn = golden.with("tcp.options.mss_val").get(1);
        String scaling = "on (x" + clientSyn.get("tcp.options.wscale.multiplier") + " / x" + serverSyn.get("tcp.options.wscale.multiplier") + ")";
        assertThat(text).contains("window scaling " + scaling);
        assertThat(json).contains("\"window_scaling\": true", "\"window_scaling_text\": \"" + scaling + "\"");

        List<Map<String, String>> hellos = golden.rows().stream().filter(r -> GoldenFields.has(r, "tls.handshake.type", "2")).toList();
        Map<String, String> original = hellos.get(0);
        String id = original.get("tls.handshake.session_id");
        assertThat(json).contains("\"session_id\": \"" + id + "\"", "\"resumption_origin_frame\": " + original.get("frame.number"),
                "\"resumption_origin_stream\": " + original.get("tcp.stream"));
        assertThat(text).contains("TLS session    resumed (Session ID), from stream " + original.get("tcp.stream") + ", frame "
                + original.get("frame.number"), "TLS session ID " + id);

        // the certificate as tshark's -V shows it (rdnSequence with id-at-... names, utcTime)
        String verbose = ReportRun.read(Path.of(capture + ".verbose.txt"));
        String subject = after(verbose, "subject: rdnSequence (0)\n", "rdnSequence: \\d+ items \\((.*)\\)");
        String issuer = after(verbose, "issuer: rdnSequence (0)\n", "rdnSequence: \\d+ items \\((.*)\\)");
        String notBefore = after(verbose, "notBefore: utcTime (0)\n", "utcTime: (\\S+ \\S+) \\(UTC\\)");
        String notAfter = after(verbose, "notAfter: utcTime (0)\n", "utcTime: (\\S+ \\S+) \\(UTC\\)");
        assertThat(json).contains("\"certificate\": {\"subject\": \"" + rdn(subject) + "\", \"issuer\": \"" + rdn(issuer)
                + "\", \"not_before\": \"" + notBefore.replace(' ', 'T') + "Z\", \"not_after\": \"" + notAfter.replace(' ', 'T')
                + "Z\", \"san\": [\"" + after(verbose, "subjectAltName", "dNSName: (\\S+)"));
        assertThat(text).contains("TLS cert       " + rdn(subject), "  issuer       " + rdn(issuer),
                "  valid        " + notBefore + " UTC to " + notAfter + " UTC",
                "  SAN          " + after(verbose, "subjectAltName", "dNSName: (\\S+)"));
    }

    /** The first match of {@code regex}'s group after the first {@code marker}. */
    private static String after(String text, String marker, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text.substring(text.indexOf(marker) + marker.length()));
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    /** tshark's {@code id-at-commonName=a,id-at-organizationName=b} as {@code CN=a,O=b}. */
    private static String rdn(String tshark) {
        return tshark.replace("id-at-commonName=", "CN=").replace("id-at-organizationName=", "O=")
                .replace("id-at-organizationalUnitName=", "OU=").replace("id-at-countryName=", "C=");
    }

    @Test
    void windowScalingNeedsBothSyns() {
        HandshakeCollector.Conn c = new HandshakeCollector.Conn();
        assertThat(c.windowScaling()).isEqualTo("unknown (SYN not seen)");
        assertThat(c.windowScalingOn()).isNull();
        c.opts[0].seen = true;
        c.opts[0].ws = 7;
        assertThat(c.windowScaling()).isEqualTo("unknown (SYN/ACK not seen)");
        c.opts[1].seen = true;
        c.opts[1].synAck = true;
        assertThat(c.windowScaling()).isEqualTo("off (server did not send WS)");
        assertThat(c.windowScalingOn()).isFalse();
        c.opts[1].ws = 10;
        assertThat(c.windowScaling()).isEqualTo("on (x128 / x1024)");
        assertThat(c.windowScalingOn()).isTrue();
    }
}
