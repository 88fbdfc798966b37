package org.dissect4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.DissectorPlugin;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Conformance;
import org.dissect4j.testkit.NetStubs;
import org.junit.jupiter.api.Test;

/**
 * With TCP and HTTP: every {@code tcp.*} column of every capture, and {@code frame.protocols}, Protocol and
 * Info of the {@code tcp-*} and {@code http-*} captures, equal tshark 4.0.17's goldens. Skipped, with the
 * reason, when the shared corpus is absent.
 */
class HttpConformanceTest {
    @Test
    void columnsMatchTshark() throws Exception {
        Path root = Conformance.sharedCaptures();
        assumeTrue(root != null, "shared capture corpus not found (set -Ddissect4j.shared); conformance skipped");
        List<String> bad = new ArrayList<>();
        int cells = 0;
        for (Path cap : Conformance.captures(root)) {
            String name = cap.getFileName().toString();
            boolean whole = cap.getParent().getFileName().toString().equals("public")
                    && (name.startsWith("tcp-") || name.startsWith("http-"));
            Conformance.Result r = Conformance.compare(cap, c -> c.startsWith("tcp.")
                    || whole && (c.equals("frame.protocols") || c.equals("_ws.col.Protocol") || c.equals("_ws.col.Info")),
                    () -> new DissectorPlugin[] {new NetStubs(), new TcpPlugin(), new HttpPlugin()});
            cells += r.cells();
            bad.addAll(r.mismatches());
            System.out.println("conformance " + name + ": " + (r.cells() - r.mismatches().size()) + "/" + r.cells());
        }
        System.out.println("conformance total: " + (cells - bad.size()) + "/" + cells + " cells equal");
        bad.stream().limit(60).forEach(System.out::println);
        assertThat(bad).isEmpty();
    }
}
