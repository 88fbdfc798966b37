package org.dissect4j.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module's own captures (src/test/resources/captures: crafted by {@code src/build/make_vectors.py},
 * recorded between two network namespaces) against their tshark 4.0.17 goldens
 * ({@code src/build/make_goldens.sh}): every field this module registers plus the Protocol and Info
 * columns, on every frame. Differences with causes outside this module are listed, with the reason,
 * in {@code captures/known-differences.txt}.
 */
class OwnCapturesTest {
    @BeforeAll
    static void utc() {
        // The goldens were made with TZ=UTC; frame.time is shown in local time.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @Test
    void ownCapturesMatchTshark() throws Exception {
        List<String> bad = new ArrayList<>();
        int cells = 0;
        List<Path> captures = captures();
        assertThat(captures).isNotEmpty();
        for (Path cap : captures) {
            Goldens.Result r = Goldens.compare(cap, Path.of(cap + ".fields.tsv"), (column, row) -> true);
            cells += r.cells();
            bad.addAll(r.mismatches);
            System.out.println("own capture " + r.capture + ": " + (r.cells() - r.mismatches.size()) + "/" + r.cells()
                    + " cells equal");
        }
        System.out.println("own captures total: " + (cells - bad.size()) + "/" + cells + " cells equal");
        List<String> known = known();
        bad.stream().limit(60).forEach(m -> System.out.println((known.contains(m) ? "known: " : "MISMATCH: ") + m));
        assertThat(cells).isGreaterThan(10_000);
        assertThat(bad).allMatch(known::contains);
    }

    static Path dir() throws URISyntaxException {
        return Path.of(OwnCapturesTest.class.getResource("/captures").toURI());
    }

    static List<String> known() throws URISyntaxException, IOException {
        Path file = dir().resolve("known-differences.txt");
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }

    static List<Path> captures() throws URISyntaxException, IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng")).sorted().toList();
        }
    }
}
