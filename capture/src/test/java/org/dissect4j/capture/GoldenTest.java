package org.dissect4j.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance with tshark 4.0.17: every frame's number, timestamp, lengths, bytes (MD5), interface
 * and comment equal the goldens made by {@code make-goldens.sh}; the shared corpus' frame numbers,
 * lengths and timestamps equal its {@code fields.tsv} goldens.
 */
class GoldenTest {
    /**
     * Files with several sections: tshark 4.0 prints the section-local interface id (and looks the
     * name up among the first section's interfaces); dissect4j numbers interfaces file-wide, so
     * these columns are checked in {@link PcapngReaderTest} instead.
     */
    private static final Set<String> MULTI_SECTION = Set.of("multi-section.pcapng", "synthetic-mixed.pcapng");

    private static final List<String> FILES = List.of("udp-lo.pcap", "udp-lo-nsec.pcap", "udp-lo.pcapng",
            "udp-lo-comments.pcapng", "udp-any.pcap", "udp-snap60.pcap", "multi-section.pcapng", "multi-if.pcapng",
            "udp-lo-nsec.pcapng", "udp-lo-secrets.pcapng", "synthetic-be.pcap", "synthetic-mixed.pcapng");

    @TestFactory
    Stream<DynamicTest> ownVectorsMatchTshark() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : FILES) {
            tests.add(DynamicTest.dynamicTest(name, () -> compare(name, Captures.resource(name))));
        }
        tests.add(DynamicTest.dynamicTest("udp-lo.pcap.gz", () -> compare("udp-lo.pcap", Captures.resource("udp-lo.pcap.gz"))));
        tests.add(DynamicTest.dynamicTest("udp-lo-comments.pcapng.gz",
                () -> compare("udp-lo-comments.pcapng", Captures.resource("udp-lo-comments.pcapng.gz"))));
        tests.add(DynamicTest.dynamicTest("stdin udp-lo-comments.pcapng", () -> compareStream("udp-lo-comments.pcapng")));
        tests.add(DynamicTest.dynamicTest("stdin synthetic-mixed.pcapng", () -> compareStream("synthetic-mixed.pcapng")));
        return tests.stream();
    }

    private static void compareStream(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(Captures.resource(name));
        check(name, Captures.readAll(bytes, "-"));
    }

    private static void compare(String goldenName, Path file) throws IOException {
        check(goldenName, Captures.readAll(file));
    }

    private static void check(String goldenName, List<Captures.Rec> frames) throws IOException {
        List<String> lines = Files.readAllLines(Captures.resource(goldenName + ".frames.tsv"), StandardCharsets.UTF_8);
        assertThat(frames).as(goldenName + " frame count").hasSize(lines.size() - 1);
        boolean pcapng = goldenName.endsWith(".pcapng");
        for (int i = 0; i < frames.size(); i++) {
            String[] g = lines.get(i + 1).split("\t", -1);
            Captures.Rec f = frames.get(i);
            String where = goldenName + " frame " + (i + 1);
            assertThat(f.number()).as(where).isEqualTo(Long.parseLong(g[0]));
            // an empty time is a Simple Packet Block: no timestamp, dissect4j gives 0
            assertThat(Captures.epoch(f.ts())).as(where + " time").isEqualTo(g[1].isEmpty() ? "0.000000000" : g[1]);
            assertThat(f.len()).as(where + " len").isEqualTo(Integer.parseInt(g[2]));
            assertThat(f.caplen()).as(where + " cap_len").isEqualTo(Integer.parseInt(g[3]));
            if (pcapng && !MULTI_SECTION.contains(goldenName)) {
                assertThat(f.ifid()).as(where + " interface_id").isEqualTo(Integer.parseInt(g[4]));
                // an interface without if_name (or description) is "unknown", in tshark and here
                assertThat(f.ifName()).as(where + " interface_name").isEqualTo(g[5]);
            }
            assertThat(f.md5()).as(where + " bytes").isEqualTo(g[6]);
            // tshark joins several comments with ",", dissect4j with a newline
            String comment = g.length > 7 && !g[7].isEmpty() ? g[7].replace(",", "\n") : null;
            assertThat(f.comment()).as(where + " comment").isEqualTo(comment);
        }
    }

    /** The shared corpus (read-only, not copied): frame count, lengths and timestamps against its goldens. */
    @TestFactory
    Stream<DynamicTest> sharedCorpusMatchesTshark() throws IOException {
        Path shared = Path.of(System.getProperty("dissect4j.shared", "../../shared")).resolve("captures");
        assumeTrue(Files.isDirectory(shared), "shared capture corpus not found at " + shared.toAbsolutePath()
                + ": skipped");
        List<DynamicTest> tests = new ArrayList<>();
        for (String sub : List.of("public", "ja4")) {
            Path dir = shared.resolve(sub);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.sorted().toList()) {
                    String n = p.getFileName().toString();
                    Path golden = dir.resolve(n + ".fields.tsv");
                    if ((n.endsWith(".pcap") || n.endsWith(".pcapng")) && Files.exists(golden)) {
                        tests.add(DynamicTest.dynamicTest(sub + "/" + n, () -> compareShared(p, golden)));
                    }
                }
            }
        }
        return tests.stream();
    }

    private static void compareShared(Path file, Path golden) throws IOException {
        List<String> lines = Files.readAllLines(golden, StandardCharsets.UTF_8);
        List<Captures.Rec> frames = Captures.readAll(file);
        assertThat(frames).as(file + " frame count").hasSize(lines.size() - 1);
        for (int i = 0; i < frames.size(); i++) {
            String[] g = lines.get(i + 1).split("\t", -1);
            Captures.Rec f = frames.get(i);
            String where = file.getFileName() + " frame " + (i + 1);
            assertThat(f.number()).as(where).isEqualTo(Long.parseLong(g[0]));
            assertThat(f.len()).as(where + " len").isEqualTo(Integer.parseInt(g[1]));
            assertThat(f.caplen()).as(where + " cap_len").isEqualTo(Integer.parseInt(g[2]));
            assertThat(Captures.epoch(f.ts())).as(where + " time").isEqualTo(g[3]);
        }
    }
}
