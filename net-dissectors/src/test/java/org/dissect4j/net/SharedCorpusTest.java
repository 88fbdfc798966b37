package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden conformance over the shared corpus ({@code ../shared/captures}, read-only; skipped with a
 * visible reason when absent): for every capture with a {@code .fields.tsv} golden, every frame is
 * dissected and the columns of this module's protocols ({@code frame.}, {@code eth.}, {@code sll.},
 * {@code ip.}, {@code ipv6.}, {@code udp.}) are compared cell by cell. {@code frame.protocols} is
 * compared only on frames whose golden chain lies within the protocols of this module (TCP, TLS and
 * HTTP are other modules').
 */
class SharedCorpusTest {
    static final List<String> PREFIXES = List.of("frame.", "eth.", "sll.", "ip.", "ipv6.", "udp.");
    static final Set<String> OWN_CHAIN = Set.of("eth", "ethertype", "vlan", "sll", "null", "raw", "ip", "ipv6", "arp",
            "icmp", "icmpv6", "gre", "udp", "data");

    @BeforeAll
    static void utc() {
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    static Path corpus() {
        return Path.of(System.getProperty("dissect4j.shared", "../../shared")).resolve("captures");
    }

    static boolean selected(String column, String[] row, int protocolsColumn) {
        if (column.equals("frame.protocols")) {
            String chain = protocolsColumn < row.length ? row[protocolsColumn] : "";
            for (String p : chain.split(":")) {
                if (!p.isEmpty() && !OWN_CHAIN.contains(p)) {
                    return false;
                }
            }
            return true;
        }
        for (String p : PREFIXES) {
            if (column.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void sharedCapturesMatchTshark() throws Exception {
        Path dir = corpus();
        assumeTrue(Files.isDirectory(dir), "shared capture corpus not found at " + dir.toAbsolutePath()
                + " (set -Ddissect4j.shared=...); golden conformance skipped");
        List<Path> goldens;
        try (Stream<Path> s = Files.walk(dir)) {
            // NAME.keys.fields.tsv goldens were made with NAME's TLS key log; this test runs without keys
            goldens = s.filter(p -> p.toString().endsWith(".fields.tsv") && !p.toString().endsWith(".keys.fields.tsv"))
                    .sorted().toList();
        }
        assumeTrue(!goldens.isEmpty(), "no .fields.tsv goldens under " + dir);
        Map<String, int[]> byPrefix = new TreeMap<>();
        Map<String, int[]> byColumn = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        for (Path tsv : goldens) {
            Path cap = Path.of(tsv.toString().substring(0, tsv.toString().length() - ".fields.tsv".length()));
            String[] header = Files.readAllLines(tsv).get(0).split("\t", -1);
            int protocols = List.of(header).indexOf("frame.protocols");
            Goldens.Result r = Goldens.compare(cap, tsv, (column, row) -> selected(column, row, protocols));
            bad.addAll(r.mismatches);
            for (Map.Entry<String, int[]> e : r.columns.entrySet()) {
                String prefix = e.getKey().substring(0, e.getKey().indexOf('.') + 1);
                int[] p = byPrefix.computeIfAbsent(prefix, k -> new int[2]);
                p[0] += e.getValue()[0];
                p[1] += e.getValue()[1];
                int[] c = byColumn.computeIfAbsent(e.getKey(), k -> new int[2]);
                c[0] += e.getValue()[0];
                c[1] += e.getValue()[1];
            }
            System.out.println("shared " + cap.getParent().getFileName() + "/" + r.capture + ": "
                    + (r.cells() - r.mismatches.size()) + "/" + r.cells() + " cells equal");
        }
        byPrefix.forEach((k, v) -> System.out.println("prefix " + k + " " + (v[0] - v[1]) + "/" + v[0] + " cells equal"));
        byColumn.forEach((k, v) -> System.out.println("column " + k + " " + (v[0] - v[1]) + "/" + v[0]));
        bad.stream().limit(50).forEach(m -> System.out.println("MISMATCH: " + m));
        assertThat(byPrefix).isNotEmpty();
        assertThat(bad).isEmpty();
    }
}
