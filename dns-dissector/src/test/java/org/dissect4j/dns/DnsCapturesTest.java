package org.dissect4j.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Settings;
import org.dissect4j.net.NetPlugin;
import org.dissect4j.tcp.TcpPlugin;
import org.dissect4j.testkit.Captures;
import org.dissect4j.testkit.Runner;
import org.junit.jupiter.api.Test;

/**
 * The module's captures (made by make_synthetic.py, and two of Zeek's under zeek/) against their tshark 4.0.17
 * goldens (regen-goldens.sh): every dns.* field, the protocol items, frame.protocols and the columns, on every
 * frame that tshark or dissect4j shows as DNS, mDNS or LLMNR, in one pass and in two ({@code -2}). Differences
 * whose cause lies outside this module are listed, with
 * their reason, in known-differences.txt; any other fails the test.
 */
class DnsCapturesTest {
    @Test
    void everyCellMatchesTshark() throws Exception {
        List<String> known = known();
        List<String> bad = new ArrayList<>();
        int cells = 0;
        for (Path cap : captures()) {
            for (boolean twoPass : new boolean[] {false, true}) {
                Path golden = cap.resolveSibling(cap.getFileName() + (twoPass ? ".2pass.fields.tsv" : ".fields.tsv"));
                Runner.Table want = Runner.golden(golden);
                List<String[]> got = run(cap, want.header(), twoPass);
                int equal = 0;
                int compared = 0;
                int protocols = want.column("frame.protocols");
                for (int row = 0; row < want.rows().size(); row++) {
                    String[] w = want.rows().get(row);
                    String[] h = got.get(row);
                    if (!dns(w[protocols]) && !dns(h[protocols])) {
                        continue;       // frames of other protocols belong to other modules (and plugins this test leaves out)
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
        }
        bad.stream().limit(60).forEach(m -> System.out.println((known.contains(m) ? "known: " : "") + m));
        assertThat(cells).isGreaterThan(100_000);
        assertThat(bad).allMatch(known::contains);
    }

    private static boolean dns(String protocols) {
        for (String p : protocols.split(":")) {
            if (p.equals("dns") || p.equals("mdns") || p.equals("llmnr")) {
                return true;
            }
        }
        return false;
    }

    private static List<String[]> run(Path cap, List<String> columns, boolean twoPass) throws Exception {
        Runner r = new Runner(new Settings(), new NetPlugin(), new TcpPlugin(), new DnsPlugin());
        List<Captures.Packet> packets = Captures.read(cap);
        List<Frame> frames = new ArrayList<>();
        long n = 0;
        for (Captures.Packet cp : packets) {
            frames.add(new Frame().set(++n, MemorySegment.ofArray(cp.data()), 0, cp.data().length, cp.originalLength(),
                    cp.timestampNanos(), 0, cp.linkType()));
        }
        if (twoPass) {
            for (Frame f : frames) {
                r.engine().dissect(f, false);
            }
        }
        List<String[]> out = new ArrayList<>();
        for (Frame f : frames) {
            Packet p = r.engine().dissect(f, twoPass);
            String[] row = new String[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = r.render(p, columns.get(i));
            }
            out.add(row);
        }
        return out;
    }

    static List<Path> captures() throws Exception {
        Path dir = Path.of(DnsCapturesTest.class.getResource("/captures").toURI());
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
    }

    static List<String> known() throws Exception {
        Path file = Path.of(DnsCapturesTest.class.getResource("/captures/known-differences.txt").toURI());
        return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }
}
