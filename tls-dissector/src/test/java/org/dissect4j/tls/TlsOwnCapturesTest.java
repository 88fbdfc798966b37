package org.dissect4j.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The project's own captures ({@code src/test/resources/captures}: openssl in a network namespace, made by
 * {@code make_openssl_captures.sh}, and hand-built streams from {@code make_synthetic.py}) against their tshark
 * 4.0.17 goldens ({@code regen-goldens.sh}): every tls.*, x509* and _ws.malformed column, and frame.protocols,
 * Protocol and Info of frames carrying TCP. Differences explained in {@code known-differences.txt} are allowed.
 */
class TlsOwnCapturesTest {
    static final Path DIR = Path.of("src/test/resources/captures");

    @Test
    void ownCapturesMatchTshark() throws Exception {
        Set<String> known = knownDifferences();
        List<String> bad = new ArrayList<>();
        int cells = 0, allowed = 0;
        List<Path> caps;
        try (Stream<Path> s = Files.list(DIR)) {
            caps = s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted().toList();
        }
        assertThat(caps).isNotEmpty();
        for (Path cap : caps) {
            TlsGoldens.Result r = TlsGoldens.compare(cap,
                    c -> c.startsWith("tls.") || c.startsWith("x509") || c.equals("_ws.malformed"), true);
            cells += r.cells();
            for (String m : r.mismatches()) {
                if (known.contains(m)) {
                    allowed++;
                } else {
                    bad.add(m);
                }
            }
            System.out.println("own " + r.capture() + ": " + (r.cells() - r.mismatches().size()) + "/" + r.cells());
        }
        System.out.println("own captures: " + (cells - bad.size() - allowed) + "/" + cells + " cells equal, " + allowed
                + " known differences");
        bad.stream().limit(80).forEach(System.out::println);
        assertThat(bad).isEmpty();
    }

    static Set<String> knownDifferences() throws java.io.IOException {
        Path f = DIR.resolve("known-differences.txt");
        if (!Files.exists(f)) {
            return Set.of();
        }
        return Files.readAllLines(f).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).collect(Collectors.toSet());
    }
}
