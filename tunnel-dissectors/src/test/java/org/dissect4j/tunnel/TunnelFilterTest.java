package org.dissect4j.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.filter.DisplayFilter;
import org.dissect4j.testkit.Captures;
import org.junit.jupiter.api.Test;

/**
 * Display filters across tunnel layers select the frames tshark 4.0.17 selects: layer operators on the inner
 * addresses ({@code ip.src#2}), the tunnels' own fields ({@code vxlan.vni}, {@code geneve.option.class},
 * {@code gtp.ext_hdr.pdcp_sn}), DNS names inside tunnels, on Zeek's traces and the module's captures
 * (filters.txt; tshark's frames in filters.tsv, written by regen-goldens.sh). Each filter is compiled against an
 * engine that has only the fields it primes wanted, as the command line runs it.
 */
class TunnelFilterTest {
    @Test
    void everyFilterSelectsTsharksFrames() throws Exception {
        List<String> lines = Files.readAllLines(TunnelTestKit.capture("filters.tsv"));
        List<String> bad = new ArrayList<>();
        int matchedSomething = 0;
        for (String line : lines) {
            String[] cell = line.split("\t", -1);
            String want = cell[2];
            String got = select(cell[0], cell[1]);
            if (!got.isEmpty()) {
                matchedSomething++;
            }
            if (!want.equals(got)) {
                bad.add(cell[0] + " [" + cell[1] + "]: tshark " + want + ", dissect4j " + got);
            }
        }
        bad.forEach(System.out::println);
        assertThat(lines).hasSizeGreaterThan(30);
        assertThat(matchedSomething).isGreaterThan(25);
        assertThat(bad).isEmpty();
    }

    private static String select(String capture, String expression) throws Exception {
        Engine e = TunnelTestKit.runner().engine();
        e.columns(false);
        e.tree().wantAll(false);
        DisplayFilter filter = DisplayFilter.compile(expression, e);
        filter.prime(e.tree());
        StringBuilder out = new StringBuilder();
        long n = 0;
        for (Captures.Packet cp : Captures.read(TunnelTestKit.capture(capture))) {
            n++;
            Frame f = new Frame().set(n, MemorySegment.ofArray(cp.data()), 0, cp.data().length, cp.originalLength(),
                    cp.timestampNanos(), 0, cp.linkType());
            e.dissect(f);
            if (filter.matches(e.tree())) {
                if (!out.isEmpty()) {
                    out.append(',');
                }
                out.append(n);
            }
        }
        return out.toString();
    }
}
