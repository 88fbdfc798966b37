package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code -V} protocol by protocol: every top-level subtree of the protocols listed in {@link #DONE}, in
 * every packet of every shared capture, is line for line the one in tshark 4.0.17's
 * {@code NAME.verbose.txt}. A protocol joins the list when all its subtrees match; the others are measured
 * by {@code compare-output.py --format verbose}.
 */
class VerboseSectionsTest {
    /** The top-level lines' beginnings of the protocols whose {@code -V} subtrees equal tshark's. */
    static final List<String> DONE = List.of("Frame ", "Ethernet II", "Internet Protocol Version 4", "Internet Protocol Version 6",
            "Address Resolution Protocol", "Linux cooked capture", "Transmission Control Protocol", "Hypertext Transfer Protocol",
            "Line-based text data", "Data (", "[", "Internet Control Message Protocol v6");

    /**
     * Protocols equal to tshark's except in subtrees that hold a certificate or a distinguished name (TLS: the X.509
     * items are not yet drawn as tshark's x509af/x509if/x509sat/x509ce); such a section is left to compare-output.py.
     */
    static final List<String> DONE_UNLESS_X509 = List.of("Transport Layer Security");

    private static final Pattern PACKET_START = Pattern.compile("\n(?=Frame \\d+: )");
    private static final Pattern HEX_LINE = Pattern.compile("^[0-9a-f]{4}  .*");

    static Stream<String> captures() throws IOException {
        if (ReportRun.SHARED == null) {
            return Stream.of("(no shared corpus)");
        }
        try (Stream<Path> files = Files.list(ReportRun.SHARED)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".verbose.txt") && !n.contains(".keys."))
                    .map(n -> n.substring(0, n.length() - ".verbose.txt".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void finishedProtocolsPrintWhatTsharkPrints(String capture) throws IOException {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus (../shared/captures/public) is absent: skipped");
        Path file = ReportRun.SHARED.resolve(capture);
        List<Map<String, List<String>>> golden = packets(Files.readString(ReportRun.SHARED.resolve(capture + ".verbose.txt")));
        Cli run = Cli.run("-r", file.toString(), "-V");
        assertThat(run.status()).isZero();
        List<Map<String, List<String>>> ours = packets(run.out());
        assertThat(ours).hasSameSizeAs(golden);
        int compared = 0;
        for (int i = 0; i < golden.size(); i++) {
            for (Map.Entry<String, List<String>> e : golden.get(i).entrySet()) {
                boolean x509 = e.getValue().stream().anyMatch(l -> l.contains("signedCertificate") || l.contains("RDNSequence item"));
                if (DONE.stream().anyMatch(e.getKey()::startsWith)
                        || !x509 && DONE_UNLESS_X509.stream().anyMatch(e.getKey()::startsWith)) {
                    assertThat(ours.get(i).get(e.getKey())).as("%s packet %d: %s", capture, i + 1, e.getKey())
                            .isEqualTo(e.getValue());
                    compared++;
                }
            }
        }
        assertThat(compared).isPositive();
    }

    /**
     * UDP (no public capture carries it) on Zeek's traces: checksums unverified and "[zero-value ignored]" with the
     * status under it, the "[Timestamps]" subtree, "UDP payload (N bytes)"; inner UDP of tunnels included.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tunnels--gre-over-udp-4754.pcap", "tls--dtls1_2.pcap", "tunnels--geneve-vxlan-dns-truncated.pcap",
        "tunnels--Teredo.pcap"})
    void udpPrintsWhatTsharkPrints(String name) throws IOException {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus is absent: skipped");
        Path file = ReportRun.SHARED.getParent().getParent().resolve("realworld/zeek").resolve(name);
        List<Map<String, List<String>>> golden = packets(Files.readString(file.resolveSibling(name + ".verbose.txt")));
        Cli run = Cli.run("-r", file.toString(), "-V");
        List<Map<String, List<String>>> ours = packets(run.out());
        assertThat(ours).hasSameSizeAs(golden);
        int compared = 0;
        for (int i = 0; i < golden.size(); i++) {
            for (Map.Entry<String, List<String>> e : golden.get(i).entrySet()) {
                if (e.getKey().startsWith("User Datagram Protocol")) {
                    assertThat(ours.get(i).get(e.getKey())).as("%s packet %d: %s", name, i + 1, e.getKey()).isEqualTo(e.getValue());
                    compared++;
                }
            }
        }
        assertThat(compared).isPositive();
    }

    /** Per packet, each top-level subtree (its first line, numbered when repeated) and its lines; hex dumps left out. */
    static List<Map<String, List<String>>> packets(String text) {
        List<Map<String, List<String>>> out = new ArrayList<>();
        for (String packet : PACKET_START.split(text)) {
            Map<String, List<String>> sections = new LinkedHashMap<>();
            List<String> current = null;
            for (String line : packet.split("\n")) {
                if (line.isEmpty() || HEX_LINE.matcher(line).matches()) {
                    continue;
                }
                if (!line.startsWith(" ")) {
                    String key = line;
                    for (int n = 2; sections.containsKey(key); n++) {
                        key = line + " #" + n;
                    }
                    current = new ArrayList<>();
                    sections.put(key, current);
                }
                if (current != null) {
                    current.add(line);
                }
            }
            out.add(sections);
        }
        return out;
    }
}
