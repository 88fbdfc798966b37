package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --flow} on the shared corpus, checked against tshark's fields: nothing cut, tooltips, marks, TLS bands, numbering. */
class FlowSvgCorpusTest {
    static Stream<String> publicCaptures() throws IOException {
        if (ReportRun.SHARED == null) {
            return Stream.of();
        }
        try (Stream<Path> files = Files.list(ReportRun.SHARED)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcap") || n.endsWith(".pcapng")).sorted().toList()
                    .stream();
        }
    }

    /** The {@code <g class="segment ...">...</g>} groups of an SVG. */
    static List<String> segments(String svg) {
        List<String> l = new ArrayList<>();
        Matcher m = Pattern.compile("<g class=\"segment [^\"]*\"[^>]*>.*?</g>\n", Pattern.DOTALL).matcher(svg);
        while (m.find()) {
            l.add(m.group());
        }
        return l;
    }

    @ParameterizedTest
    @MethodSource("publicCaptures")
    void nothingCutEveryArrowExplained(String name) {
        Path capture = ReportRun.SHARED.resolve(name);
        String svg = FlowSvgTest.svg(capture);
        assertThat(svg).as("no text cut with an ellipsis").doesNotContain("\u2026").doesNotContain("...<");
        List<String> segs = segments(svg);
        assertThat(segs).as("one arrow per TCP segment tshark sees").hasSize(GoldenFields.of(capture).tcp().size());
        for (String g : segs) {
            assertThat(g).as("every arrow has a tooltip").containsPattern("^<g [^>]*><title>Frame \\d+, stream \\d+: [^<]+</title>");
        }
        // every label fits between its lifelines: the text width (monospace 11 px) is within the SVG
        int width = Integer.parseInt(find(svg, "<svg [^>]*width=\"(\\d+)\""));
        Matcher m = Pattern.compile("<text class=\"cmt\" x=\"(\\d+)\"[^>]*>([^<]*)</text>").matcher(svg);
        while (m.find()) {
            assertThat(Integer.parseInt(m.group(1)) + m.group(2).length() * FlowLayout.CHAR).as(m.group(2)).isLessThanOrEqualTo(width);
        }
    }

    @Test
    void synArrowsCarryTheirOptionsAsTsharkReadsThem() {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus is absent: skipped");
        Path capture = ReportRun.SHARED.resolve("tls12-resume-sessionid.pcap");
        String svg = FlowSvgTest.svg(capture);
        List<Map<String, String>> syns = GoldenFields.of(capture).with("tcp.options.mss_val");
        assertThat(syns).hasSize(4);
        for (Map<String, String> r : syns) {
            String flags = r.get("tcp.flags.ack").equals("1") ? "SYN, ACK" : "SYN";
            assertThat(svg).contains("data-frame=\"" + r.get("frame.number") + "\"", ">" + flags + "  MSS=" + r.get("tcp.options.mss_val")
                    + " WS=" + r.get("tcp.options.wscale.multiplier") + " SACK_PERM Win=" + r.get("tcp.window_size_value") + "</text>");
        }
    }

    @Test
    void resumedSessionNamesItsOrigin() {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus is absent: skipped");
        Path capture = ReportRun.SHARED.resolve("tls12-resume-sessionid.pcap");
        String svg = FlowSvgTest.svg(capture);
        // the original session: the first ServerHello that issued the session ID the second connection resumes
        List<Map<String, String>> hellos = GoldenFields.of(capture).rows().stream()
                .filter(r -> GoldenFields.has(r, "tls.handshake.type", "2")).toList();
        Map<String, String> original = hellos.get(0);
        Map<String, String> resumed = hellos.get(1);
        assertThat(resumed.get("tls.handshake.session_id")).isEqualTo(original.get("tls.handshake.session_id"));
        assertThat(svg).contains(">TLS 1.2 full handshake</text>", ">TLS 1.2 resumed (Session ID)</text>",
                ">original: stream " + original.get("tcp.stream") + ", frame " + original.get("frame.number") + "</text>",
                ">session ID " + original.get("tls.handshake.session_id").substring(0, 8) + "</text>");
        // TLS handshake arrows are their own kind: ClientHello, ServerHello..., ChangeCipherSpec/Finished of both connections
        long handshakeFrames = GoldenFields.of(capture).rows().stream()
                .filter(r -> GoldenFields.has(r, "tls.record.content_type", "22") || GoldenFields.has(r, "tls.record.content_type", "20"))
                .count();
        assertThat(FlowSvgTest.count(svg, "<g class=\"segment tls")).isEqualTo((int) handshakeFrames);
        assertThat(svg).contains(">TLS handshake</text>");
    }

    @Test
    void analysisMarksAsTsharkFlagsThem() {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus is absent: skipped");
        for (String name : List.of("tcp-loss-sack.pcap", "tcp-zero-window.pcap")) {
            Path capture = ReportRun.SHARED.resolve(name);
            GoldenFields golden = GoldenFields.of(capture);
            String svg = FlowSvgTest.svg(capture);
            assertThat(FlowSvgTest.count(svg, " dup-ack\"")).as(name).isEqualTo(golden.with("tcp.analysis.duplicate_ack").size());
            assertThat(FlowSvgTest.count(svg, " retransmission")).as(name).isEqualTo(golden.with("tcp.analysis.retransmission").size());
            assertThat(FlowSvgTest.count(svg, " zero-window\"")).as(name).isEqualTo(golden.with("tcp.analysis.zero_window").size());
        }
        String zero = FlowSvgTest.svg(ReportRun.SHARED.resolve("tcp-zero-window.pcap"));
        assertThat(zero).contains("<tspan class=\"mark\">[ZeroWindow]</tspan>", "<tspan class=\"mark\">[Retransmission]</tspan>",
                "stroke-dasharray=\"7,4\"");
    }

    @Test
    void absoluteNumbersFitAndAreNamed(@TempDir Path dir) throws IOException {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus is absent: skipped");
        Path capture = ReportRun.SHARED.resolve("tls12-resume-sessionid.pcap");
        Path file = dir.resolve("abs.svg");
        Cli r = Cli.run("-r", capture.toString(), "-o", "tcp.relative_sequence_numbers:FALSE", "--flow", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).as("--flow prints no summaries").isEmpty();
        String svg = Files.readString(file);
        assertThat(svg).contains(">absolute Seq/Ack</text>", "Seq/Ack absolute").doesNotContain(">relative Seq/Ack<", "relative to each side");
        Map<String, String> syn = GoldenFields.of(capture).rows().get(0);
        assertThat(svg).contains(">Seq = " + syn.get("tcp.seq_raw") + "</text>");
        int width = Integer.parseInt(find(svg, "<svg [^>]*width=\"(\\d+)\""));
        Matcher m = Pattern.compile("<text class=\"cmt\" x=\"(\\d+)\"[^>]*>([^<]*)</text>").matcher(svg);
        while (m.find()) {
            assertThat(Integer.parseInt(m.group(1)) + m.group(2).length() * FlowLayout.CHAR).isLessThanOrEqualTo(width);
        }
    }

    static String find(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }
}
