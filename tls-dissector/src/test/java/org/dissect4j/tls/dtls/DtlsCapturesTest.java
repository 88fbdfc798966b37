package org.dissect4j.tls.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every {@code dtls.*} field tshark 4.0.17 knows, and frame.protocols, Protocol and Info, cell by cell against its
 * goldens ({@code captures/dtls/regen-goldens.sh}): our openssl captures ({@code make_dtls_captures.sh}: DTLS 1.2 with
 * a 256-byte MTU, so messages in fragments, and DTLS 1.0 on CoAP's port) and Zeek's DTLS traces from the shared corpus
 * (DTLS 1.0 and 1.2 with HelloVerifyRequest, fragment reassembly, DTLS 1.3 with connection IDs, whose unified headers
 * stay {@code data} as in tshark).
 */
class DtlsCapturesTest {
    @Test
    void ownCapturesMatchTshark() throws Exception {
        List<Path> caps;
        try (Stream<Path> s = Files.list(DtlsTestKit.DIR)) {
            caps = s.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        assertThat(caps).hasSizeGreaterThanOrEqualTo(2);
        List<String> bad = new ArrayList<>();
        int[] cells = {0};
        for (Path cap : caps) {
            bad.addAll(DtlsTestKit.compare(cap, cap.resolveSibling(cap.getFileName() + ".fields.tsv"), cells));
        }
        List<String> known = Files.readAllLines(DtlsTestKit.DIR.resolve("known-differences.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertThat(bad).containsAll(known);
        bad.removeAll(known);
        System.out.println("own DTLS captures: " + (cells[0] - bad.size() - known.size()) + "/" + cells[0] + " cells equal, "
                + known.size() + " known differences");
        bad.stream().limit(40).forEach(System.out::println);
        assertThat(cells[0]).isGreaterThan(5000);
        assertThat(bad).isEmpty();
    }

    @Test
    void zeekTracesMatchTshark() throws Exception {
        Path zeek = DtlsTestKit.zeek();
        Assumptions.assumeTrue(zeek != null, "shared corpus absent");
        List<Path> goldens;
        try (Stream<Path> s = Files.list(DtlsTestKit.DIR)) {
            goldens = s.filter(p -> p.getFileName().toString().startsWith("zeek-")).sorted().toList();
        }
        assertThat(goldens).hasSize(5);
        List<String> bad = new ArrayList<>();
        int[] cells = {0};
        for (Path g : goldens) {
            String name = g.getFileName().toString().substring("zeek-".length()).replace(".fields.tsv", "");
            bad.addAll(DtlsTestKit.compare(zeek.resolve(name), g, cells));
        }
        System.out.println("Zeek DTLS traces: " + (cells[0] - bad.size()) + "/" + cells[0] + " cells equal");
        bad.stream().limit(40).forEach(System.out::println);
        assertThat(bad).isEmpty();
    }
}
