package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.testkit.Conformance;
import org.junit.jupiter.api.Test;

/**
 * Every {@code tls.*} column of every capture of the shared corpus, and frame.protocols, Protocol and Info of the
 * TCP frames of {@code public/}, equal tshark 4.0.17's goldens cell by cell. Skipped, with the reason, when the
 * shared corpus is absent.
 */
class TlsConformanceTest {
    @Test
    void columnsMatchTshark() throws Exception {
        Path root = Conformance.sharedCaptures();
        assumeTrue(root != null, "shared capture corpus not found (set -Ddissect4j.shared); conformance skipped");
        List<String> bad = new ArrayList<>();
        int cells = 0;
        for (Path cap : Conformance.captures(root)) {
            boolean pub = cap.getParent().getFileName().toString().equals("public");
            TlsGoldens.Result r = TlsGoldens.compare(cap, c -> c.startsWith("tls."), pub);
            cells += r.cells();
            bad.addAll(r.mismatches());
            System.out.println("conformance " + r.capture() + ": " + (r.cells() - r.mismatches().size()) + "/" + r.cells());
        }
        System.out.println("conformance total: " + (cells - bad.size()) + "/" + cells + " cells equal");
        bad.stream().limit(80).forEach(System.out::println);
        assertThat(bad).isEmpty();
    }
}
