package org.dissect4j.tls.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.filter.DisplayFilter;
import org.dissect4j.testkit.Captures;
import org.junit.jupiter.api.Test;

/**
 * Display filters on DTLS fields select the frames tshark 4.0.17 selects ({@code dtls.handshake.type == 1},
 * {@code dtls.record.epoch == 1}, cookies, fragments, the TLS twins such as {@code dtls.handshake.ciphersuite}), on
 * Zeek's traces and our captures (filters.txt; tshark's frames in filters.tsv, by regen-goldens.sh). Each filter is
 * compiled against an engine that has only the fields it primes wanted, as the command line runs it.
 */
class DtlsFilterTest {
    @Test
    void everyFilterSelectsTsharksFrames() throws Exception {
        List<String> lines = Files.readAllLines(DtlsTestKit.DIR.resolve("filters.tsv"));
        List<String> bad = new ArrayList<>();
        int run = 0, matchedSomething = 0;
        for (String line : lines) {
            String[] cell = line.split("\t", -1);
            Path cap = DtlsTestKit.capture(cell[0]);
            if (cap == null || !Files.exists(cap)) {
                continue;
            }
            run++;
            String got = select(cap, cell[1]);
            if (!got.isEmpty()) {
                matchedSomething++;
            }
            if (!cell[2].equals(got)) {
                bad.add(cell[0] + " [" + cell[1] + "]: tshark " + cell[2] + ", dissect4j " + got);
            }
        }
        bad.forEach(System.out::println);
        assertThat(run).isGreaterThanOrEqualTo(10);
        assertThat(matchedSomething).isGreaterThanOrEqualTo(run / 2);
        assertThat(bad).isEmpty();
    }

    private static String select(Path capture, String expression) throws Exception {
        Engine e = DtlsTestKit.runner().engine();
        e.columns(false);
        e.tree().wantAll(false);
        DisplayFilter filter = DisplayFilter.compile(expression, e);
        filter.prime(e.tree());
        StringBuilder out = new StringBuilder();
        long n = 0;
        Frame f = new Frame();
        for (Captures.Packet cp : Captures.read(capture)) {
            n++;
            e.dissect(f.set(n, java.lang.foreign.MemorySegment.ofArray(cp.data()), 0, cp.data().length, cp.originalLength(),
                    cp.timestampNanos(), 0, cp.linkType()));
            if (filter.matches(e.tree())) {
                out.append(out.isEmpty() ? "" : ",").append(n);
            }
        }
        return out.toString();
    }
}
