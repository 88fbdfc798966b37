package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
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
                .contains("still open")
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
}
