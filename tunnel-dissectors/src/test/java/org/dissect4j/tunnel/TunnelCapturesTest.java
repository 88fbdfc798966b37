package org.dissect4j.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * The module's captures (make_synthetic.py's tunnels.pcap, and Zeek's tunnel traces under zeek/) against their
 * tshark 4.0.17 goldens (regen-goldens.sh): every field of this module, its protocols, the network and transport
 * fields around them, {@code _ws.malformed}, frame.protocols and the columns, on every frame that tshark or
 * dissect4j shows with a tunnel protocol. Differences whose cause lies outside this module are listed with their
 * reason in known-differences.txt; any other fails the test.
 */
class TunnelCapturesTest {
    @Test
    void everyCellMatchesTshark() throws Exception {
        List<String> known = known();
        List<String> bad = new ArrayList<>();
        int cells = 0;
        for (Path cap : TunnelTestKit.captures()) {
            Path golden = cap.resolveSibling(cap.getFileName() + ".fields.tsv");
            Runner.Table want = Runner.golden(golden);
            List<String[]> got = TunnelTestKit.runner().run(Captures.read(cap), want.header());
            int protocols = want.column("frame.protocols");
            int equal = 0;
            int compared = 0;
            for (int row = 0; row < want.rows().size(); row++) {
                String[] w = want.rows().get(row);
                String[] h = got.get(row);
                if (!TunnelTestKit.tunnelled(w[protocols]) && !TunnelTestKit.tunnelled(h[protocols])) {
                    continue;
                }
                for (int c = 0; c < want.header().size(); c++) {
                    compared++;
                    String a = c < w.length ? w[c] : "";
                    if (a.equals(h[c])) {
                        equal++;
                    } else {
                        bad.add(golden.getFileName() + " #" + (row + 1) + " " + want.header().get(c) + ": want [" + a + "] got ["
                                + h[c] + "]");
                    }
                }
            }
            cells += compared;
            System.out.println(golden.getFileName() + ": " + equal + "/" + compared + " cells equal");
        }
        bad.stream().limit(80).forEach(m -> System.out.println((known.contains(m) ? "known: " : "") + m));
        assertThat(cells).isGreaterThan(10_000);
        assertThat(bad).allMatch(known::contains);
    }

    static List<String> known() throws Exception {
        Path file = TunnelTestKit.capture("known-differences.txt");
        return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }
}
