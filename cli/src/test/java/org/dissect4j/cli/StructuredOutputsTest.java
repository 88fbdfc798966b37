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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code -T psml}, {@code -T pdml}, {@code -T json} and {@code -T ek} against tshark 4.0.17's goldens beside every
 * shared capture: PSML whole; PDML, JSON and EK protocol by protocol, for the protocols whose trees already equal
 * tshark's ({@link #PDML}, {@link #JSON}, {@link #EK}; the others are measured by {@code compare-output.py}).
 */
class StructuredOutputsTest {
    /** PDML top-level elements equal to tshark's in every packet. */
    static final Set<String> PDML = Set.of("geninfo", "frame", "eth", "arp", "sll", "ip", "ipv6", "icmpv6", "tcp", "http",
            "data-text-lines", "fake-field-wrapper", "tls");
    /** JSON layers equal to tshark's in every packet. */
    static final Set<String> JSON = Set.of("frame", "eth", "ip", "ipv6", "arp", "sll", "data", "icmpv6", "tcp", "tcp.segments",
            "http", "data-text-lines", "tls");
    /** EK layers equal to tshark's in every packet. */
    static final Set<String> EK = Set.of("frame", "eth", "http", "ip", "ipv6", "arp", "sll", "data", "icmpv6", "tcp", "tcp_tcp_segments",
            "tcp_tcp_segment", "tcp_tcp_segment_count", "tcp_tcp_reassembled_length", "tcp_tcp_reassembled_data",
            "tcp_tcp_segment_overlap", "data-text-lines", "tls");

    private static final Pattern PDML_PROTO = Pattern.compile("(?ms)^  <proto name=\"([^\"]+)\".*?^  </proto>\n");
    private static final Pattern JSON_LAYER = Pattern.compile("(?ms)^        \"([^\"]+)\": (?:\\{.*?^        \\}|\"[^\n]*\")");

    static Stream<String> captures() throws IOException {
        if (ReportRun.SHARED == null) {
            return Stream.of("(no shared corpus)");
        }
        try (Stream<Path> files = Files.list(ReportRun.SHARED)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".psml.xml") && !n.contains(".keys."))
                    .map(n -> n.substring(0, n.length() - ".psml.xml".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void psmlIsTsharks(String capture) throws IOException {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus is absent: skipped");
        Cli run = Cli.run("-r", ReportRun.SHARED.resolve(capture).toString(), "-T", "psml");
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo(Files.readString(ReportRun.SHARED.resolve(capture + ".psml.xml")));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void pdmlProtocolsAreTsharks(String capture) throws IOException {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus is absent: skipped");
        String golden = Files.readString(ReportRun.SHARED.resolve(capture + ".pdml.xml"));
        Cli run = Cli.run("-r", ReportRun.SHARED.resolve(capture).toString(), "-T", "pdml");
        assertThat(run.status()).isZero();
        assertThat(run.out().lines().limit(3)).containsExactlyElementsOf(golden.lines().limit(3).toList());
        assertThat(run.out()).endsWith("</packet>\n\n\n</pdml>\n");
        assertSame(capture, blocks(golden, "<packet>", PDML_PROTO), blocks(run.out(), "<packet>", PDML_PROTO), PDML);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void jsonLayersAreTsharks(String capture) throws IOException {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus is absent: skipped");
        String golden = Files.readString(ReportRun.SHARED.resolve(capture + ".tshark.json"));
        Cli run = Cli.run("-r", ReportRun.SHARED.resolve(capture).toString(), "-T", "json");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("[\n  {\n    \"_index\": \"packets-").endsWith("\n  }\n]\n");
        assertSame(capture, blocks(golden, "\"_index\"", JSON_LAYER), blocks(run.out(), "\"_index\"", JSON_LAYER), JSON);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void ekLayersAreTsharks(String capture) throws IOException {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus is absent: skipped");
        List<String> golden = Files.readAllLines(ReportRun.SHARED.resolve(capture + ".ek.jsonl"));
        Cli run = Cli.run("-r", ReportRun.SHARED.resolve(capture).toString(), "-T", "ek");
        assertThat(run.status()).isZero();
        List<String> ours = run.out().lines().toList();
        assertThat(ours).hasSameSizeAs(golden);
        List<Map<String, List<String>>> g = new ArrayList<>();
        List<Map<String, List<String>>> o = new ArrayList<>();
        for (int i = 0; i < golden.size(); i += 2) {
            assertThat(ours.get(i)).as("%s index line %d", capture, i).isEqualTo(golden.get(i));
            g.add(ekLayers(golden.get(i + 1)));
            o.add(ekLayers(ours.get(i + 1)));
        }
        assertSame(capture, g, o, EK);
    }

    /**
     * The options of the JSON family on the sample's two ARP frames against tshark's output
     * ({@code src/test/resources/golden/structured/variantN.txt}, made by {@code tshark -r samples/http-sample.pcap -c 2 ...};
     * PDML's time and file name removed).
     */
    @org.junit.jupiter.api.Test
    void optionsOfTheJsonFamilyAreTsharks() throws IOException {
        List<List<String>> variants = List.of(List.of("-T", "jsonraw", "-j", "frame"), List.of("-T", "json", "-x", "-J", "frame"),
                List.of("-T", "json", "--no-duplicate-keys", "-J", "arp"), List.of("-T", "ek", "-x", "-j", "frame"),
                List.of("-T", "pdml", "-J", "arp"));
        for (int i = 0; i < variants.size(); i++) {
            List<String> args = new ArrayList<>(List.of("-r", Cli.SAMPLE.toString(), "-c", "2"));
            args.addAll(variants.get(i));
            Cli run = Cli.run(args.toArray(String[]::new));
            String golden = Files.readString(Path.of("src/test/resources/golden/structured/variant" + (i + 1) + ".txt"));
            assertThat(run.out().replaceFirst(" time=\"[^\"]*\" capture_file=\"[^\"]*\"", " time=\"\""))
                    .as("%s", variants.get(i)).isEqualTo(golden.replaceFirst("<pdml version=\"0\" creator=\"wireshark/4.0.17\">",
                            "<pdml version=\"0\" creator=\"wireshark/4.0.17\" time=\"\">"));
        }
    }

    private static void assertSame(String capture, List<Map<String, List<String>>> golden, List<Map<String, List<String>>> ours,
                                   Set<String> done) {
        assertThat(ours).as(capture).hasSameSizeAs(golden);
        int compared = 0;
        for (int i = 0; i < golden.size(); i++) {
            for (Map.Entry<String, List<String>> e : golden.get(i).entrySet()) {
                if (done.contains(e.getKey())) {
                    assertThat(ours.get(i).get(e.getKey())).as("%s packet %d: %s", capture, i + 1, e.getKey()).isEqualTo(e.getValue());
                    compared++;
                }
            }
        }
        assertThat(compared).isPositive();
    }

    /** Per packet (split at {@code start}), the text of each top-level block by name, in order. */
    private static List<Map<String, List<String>>> blocks(String text, String start, Pattern block) {
        List<Map<String, List<String>>> out = new ArrayList<>();
        String[] packets = text.split(Pattern.quote(start));
        for (int i = 1; i < packets.length; i++) {
            Map<String, List<String>> m = new LinkedHashMap<>();
            Matcher b = block.matcher(packets[i]);
            while (b.find()) {
                m.computeIfAbsent(b.group(1), k -> new ArrayList<>()).add(b.group());
            }
            out.add(m);
        }
        return out;
    }

    /** The members of an EK document's {@code layers} object, split at its top level. */
    static Map<String, List<String>> ekLayers(String line) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        int at = line.indexOf("\"layers\":{") + "\"layers\":{".length();
        while (at < line.length() && line.charAt(at) == '"') {
            int nameEnd = line.indexOf('"', at + 1);
            String name = line.substring(at + 1, nameEnd);
            int end = valueEnd(line, nameEnd + 2);
            m.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(nameEnd + 2, end));
            at = line.charAt(end) == ',' ? end + 1 : line.length();
        }
        return m;
    }

    /** Where the JSON value starting at {@code from} ends. */
    private static int valueEnd(String s, int from) {
        int depth = 0;
        boolean string = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (string) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    string = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                string = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    return i + 1;
                }
            } else if (depth == 0 && c == ',') {
                return i;
            }
        }
        return s.length();
    }
}
