package org.dissect4j.tls.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.api.Settings;
import org.dissect4j.http.HttpPlugin;
import org.dissect4j.net.NetPlugin;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.Conformance;
import org.dissect4j.testkit.Runner;
import org.dissect4j.tls.TlsPlugin;
import org.junit.jupiter.api.Test;

/**
 * The OCSP captures of the shared corpus ({@code realworld/zeek/tls--ocsp-*.pcap}: stapled in TLS, requests and
 * responses over HTTP, a revoked status, an empty responder name) against tshark 4.0.17's goldens: the Protocol and
 * Info columns of every TCP frame, {@code frame.protocols} of every frame without a certificate (the X.509
 * decoder's own entries are that decoder's business), and the OCSP items of {@code NAME.verbose.txt}, value by value
 * in capture order (statuses, counts, hashes, responder keys, nonces, revocation reasons). Skipped, with the reason,
 * when the shared corpus is absent.
 */
class OcspConformanceTest {
    /** A verbose line's label, the field it shows, and the group holding the -T fields value. */
    private record Item(Pattern line, String field) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item(Pattern.compile("^\\s+responseStatus: .* \\((\\d+)\\)$"), "ocsp.responseStatus"),
            new Item(Pattern.compile("^\\s+ResponseType Id: ([0-9.]+) .*$"), "ocsp.responseType.id"),
            new Item(Pattern.compile("^\\s+responderID: .* \\((\\d+)\\)$"), "ocsp.responderID"),
            new Item(Pattern.compile("^\\s+byKey: ([0-9a-f]+)$"), "ocsp.byKey"),
            new Item(Pattern.compile("^\\s+responses: (\\d+) items?$"), "ocsp.responses"),
            new Item(Pattern.compile("^\\s+requestList: (\\d+) items?$"), "ocsp.requestList"),
            new Item(Pattern.compile("^\\s+certs: (\\d+) items?$"), "ocsp.certs"),
            new Item(Pattern.compile("^\\s+issuerNameHash: ([0-9a-f]+)$"), "ocsp.issuerNameHash"),
            new Item(Pattern.compile("^\\s+issuerKeyHash: ([0-9a-f]+)$"), "ocsp.issuerKeyHash"),
            new Item(Pattern.compile("^\\s+certStatus: .* \\((\\d+)\\)$"), "ocsp.certStatus"),
            new Item(Pattern.compile("^\\s+revocationReason: .* \\((\\d+)\\)$"), "ocsp.revocationReason"),
            new Item(Pattern.compile("^\\s+requestExtensions: (\\d+) items?$"), "ocsp.requestExtensions"),
            new Item(Pattern.compile("^\\s+Id: (1\\.3\\.6\\.1\\.5\\.5\\.7\\.48\\.1\\.\\d+) .*$"), "pkix1explicit.id"),
            new Item(Pattern.compile("^\\s+ReOcspNonce: ([0-9a-f]+)$"), "ocsp.ReOcspNonce"));

    private static DissectorPlugin[] plugins() {
        return new DissectorPlugin[] {new NetPlugin(), new TcpPlugin(), new HttpPlugin(), new TlsPlugin(), new OcspPlugin()};
    }

    private static List<Path> captures() throws IOException {
        Path shared = Conformance.sharedCaptures();
        if (shared == null) {
            return List.of();
        }
        Path dir = shared.resolveSibling("realworld").resolve("zeek");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("tls--ocsp-.*\\.pcap")).sorted().toList();
        }
    }

    @Test
    void columnsAndProtocolsMatchTshark() throws IOException {
        List<Path> caps = captures();
        assumeTrue(!caps.isEmpty(), "shared corpus (realworld/zeek) not found (set -Ddissect4j.shared); skipped");
        List<String> bad = new ArrayList<>();
        int cells = 0;
        for (Path cap : caps) {
            Runner.Table golden = Runner.golden(cap.resolveSibling(cap.getFileName() + ".fields.tsv"));
            List<String> cols = List.of("frame.protocols", "_ws.col.Protocol", "_ws.col.Info");
            List<String[]> got = new Runner(new Settings(), plugins()).run(Captures.read(cap), cols);
            for (int row = 0; row < golden.rows().size(); row++) {
                String[] want = golden.rows().get(row);
                String chain = want[golden.column("frame.protocols")];
                for (int c = 0; c < cols.size(); c++) {
                    if (!chain.contains(":tcp") || c == 0 && chain.contains("x509")) {
                        continue;
                    }
                    cells++;
                    String w = want[golden.column(cols.get(c))];
                    String h = got.get(row)[c] == null ? "" : got.get(row)[c];
                    if (!w.equals(h)) {
                        bad.add(cap.getFileName() + " #" + (row + 1) + " " + cols.get(c) + ": want [" + w + "] got [" + h + "]");
                    }
                }
            }
        }
        System.out.println("ocsp conformance: " + (cells - bad.size()) + "/" + cells + " cells equal");
        assertThat(cells).isGreaterThan(100);
        bad.stream().limit(40).forEach(System.out::println);
        assertThat(bad).isEmpty();
    }

    @Test
    void ocspItemsMatchTsharkVerbose() throws IOException {
        List<Path> caps = captures();
        assumeTrue(!caps.isEmpty(), "shared corpus (realworld/zeek) not found (set -Ddissect4j.shared); skipped");
        int compared = 0;
        for (Path cap : caps) {
            List<String> verbose = Files.readAllLines(cap.resolveSibling(cap.getFileName() + ".verbose.txt"));
            List<String> cols = ITEMS.stream().map(Item::field).toList();
            List<String[]> got = new Runner(new Settings(), plugins()).run(Captures.read(cap), cols);
            for (int i = 0; i < ITEMS.size(); i++) {
                List<String> want = new ArrayList<>();
                for (String line : verbose) {
                    Matcher m = ITEMS.get(i).line().matcher(line);
                    if (m.matches()) {
                        want.add(m.group(1));
                    }
                }
                List<String> have = new ArrayList<>();
                for (String[] row : got) {
                    if (row[i] != null && !row[i].isEmpty()) {
                        have.addAll(List.of(row[i].split(",")));
                    }
                }
                assertThat(have).as("%s %s", cap.getFileName(), ITEMS.get(i).field()).isEqualTo(want);
                compared += want.size();
            }
        }
        System.out.println("ocsp verbose items compared: " + compared);
        assertThat(compared).isGreaterThan(100);
    }
}
