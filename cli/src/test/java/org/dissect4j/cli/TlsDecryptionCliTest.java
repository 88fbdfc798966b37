package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The command's key log sources: a pcapng Decryption Secrets Block ({@code editcap --inject-secrets tls,KEYS}) is
 * handed to the engine before the first packet, and {@code -o tls.keylog_file} is a known preference.
 */
class TlsDecryptionCliTest {
    static final Path DSB = Path.of("src/test/resources/captures/tls12-aes128-ccm-dsb.pcapng");
    static final Path PCAP = Path.of("../tls-dissector/src/test/resources/captures/decrypt/tls12-aes128-ccm.pcap");
    static final Path KEYS = Path.of("../tls-dissector/src/test/resources/captures/decrypt/tls12-aes128-ccm.keys");

    @Test
    void decryptionSecretsBlockDecrypts() {
        Cli r = Cli.run("-r", DSB.toString(), "-T", "fields", "-e", "http.request.method", "-e", "tls.handshake.type");
        assertThat(r.status()).isZero();
        assertThat(r.out().lines()).contains("GET\t", "\t16,20", "\t4,20");
    }

    @Test
    void keyLogPreferenceDecryptsAndWithoutItNothingIs() {
        Cli with = Cli.run("-o", "tls.keylog_file:" + KEYS, "-r", PCAP.toString(), "-T", "fields", "-e", "http.request.method");
        assertThat(with.status()).isZero();
        assertThat(with.err()).isEmpty();
        assertThat(with.out().lines()).contains("GET");
        Cli without = Cli.run("-r", PCAP.toString(), "-T", "fields", "-e", "http.request.method");
        assertThat(without.out().lines()).doesNotContain("GET");
    }

    @Test
    void missingKeyLogFileDecryptsNothingAndFailsNothing() {
        Cli r = Cli.run("-o", "tls.keylog_file:/nonexistent/keys.log", "-r", PCAP.toString(), "-T", "fields", "-e", "http.request.method");
        assertThat(r.status()).isZero();
        assertThat(r.out().lines()).doesNotContain("GET");
    }

    @Test
    void handshakesShowTheAlpnOfEncryptedExtensionsWithKeys() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ReportRun.SHARED != null, "shared capture corpus is absent: skipped");
        Path cap = ReportRun.SHARED.resolve("tls13-full-alpn-sni.pcapng");
        Path keys = ReportRun.SHARED.resolve("tls13-full-alpn-sni.keys");
        Cli without = Cli.run("-r", cap.toString(), "--handshakes");
        assertThat(without.out()).contains("TLS ALPN       not visible (TLS 1.3 sends it encrypted) (offered h2,http/1.1)")
                .doesNotContain("TLS cert");
        Cli with = Cli.run("-r", cap.toString(), "-o", "tls.keylog_file:" + keys, "--handshakes");
        assertThat(with.out()).contains("TLS ALPN       h2 (offered h2,http/1.1)", "TLS cert       CN=server.test,",
                "    SAN          server.test, www.server.test");
    }

    /**
     * {@code -2}: the second pass shows the records the first one decrypted (the keys' sequence numbers have moved
     * on), field for field as tshark 4.0.17 {@code -2} (golden/tls-two-pass/make-goldens.sh); the same as one pass.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"tls13-full-alpn-sni.pcapng", "tls12-cert-chain-multiseg.pcap",
        "tls12-alert-client-cert-required.pcap"})
    void twoPassesDecryptAsTshark(String name) throws java.io.IOException {
        assertThat(ReportRun.SHARED).as("../shared/captures/public").isNotNull();
        Path cap = ReportRun.SHARED.resolve(name);
        String keys = cap.toString().replaceAll("\\.pcap(ng)?$", ".keys");
        String[] fields = {"-T", "fields", "-e", "frame.number", "-e", "tls.record.content_type", "-e", "tls.handshake.type",
            "-e", "tls.alert_message.desc", "-e", "tls.app_data_proto", "-e", "http.request.method", "-e", "http.response.code",
            "-e", "tls.handshake.extensions_alpn_str"};
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("-r", cap.toString(), "-o", "tls.keylog_file:" + keys));
        args.addAll(java.util.List.of(fields));
        Cli one = Cli.run(args.toArray(String[]::new));
        args.add("-2");
        Cli two = Cli.run(args.toArray(String[]::new));
        assertThat(two.status()).isZero();
        assertThat(two.out()).isEqualTo(java.nio.file.Files.readString(Path.of("src/test/resources/golden/tls-two-pass", name + ".fields.tsv")))
                .isEqualTo(one.out());
    }

    @Test
    void twoPassesShowTheDecryptedBytesInTheHexDump() {
        assertThat(ReportRun.SHARED).as("../shared/captures/public").isNotNull();
        Path cap = ReportRun.SHARED.resolve("tls13-full-alpn-sni.pcapng");
        Cli r = Cli.run("-r", cap.toString(), "-o", "tls.keylog_file:" + ReportRun.SHARED.resolve("tls13-full-alpn-sni.keys"),
                "-2", "-V", "-x", "-Y", "frame.number == 11");
        assertThat(r.out()).contains("Decrypted TLS (18 bytes):\n0000  47 45 54 20 2f 20 48 54 54 50 2f 31 2e 30 0d 0a   GET / HTTP/1.0..\n")
                .doesNotContain("Application Data Protocol: Application Data");
    }

    /** docs/flow-tls13-keys.svg: the flow of a TLS 1.3 handshake with HelloRetryRequest, decrypted with its key log. */
    @Test
    void documentationPictureWithKeysIsCurrent(@org.junit.jupiter.api.io.TempDir Path tmp) throws java.io.IOException {
        Path doc = Path.of("../docs/flow-tls13-keys.svg");
        org.junit.jupiter.api.Assumptions.assumeTrue(ReportRun.SHARED != null && java.nio.file.Files.exists(doc),
                "corpus or docs/ not found: skipped");
        Path out = tmp.resolve("flow.svg");
        Cli r = Cli.run("-r", ReportRun.SHARED.resolve("tls13-hrr.pcap").toString(), "-o",
                "tls.keylog_file:" + ReportRun.SHARED.resolve("tls13-hrr.keys"), "--flow", out.toString());
        assertThat(r.status()).isZero();
        String svg = java.nio.file.Files.readString(out);
        assertThat(svg).contains(">Server Hello, Encrypted Extensions, Certificate, Certificate Verify,</text>", ">New Session Ticket</text>",
                ">GET / HTTP/1.0</text>");
        if (Boolean.getBoolean("regen")) {
            java.nio.file.Files.writeString(doc, svg);
        }
        assertThat(java.nio.file.Files.readString(doc)).isEqualTo(svg);
    }
}
