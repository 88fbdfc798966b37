package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --flow} on big captures: the first streams, folded runs, the hint on stderr, one file per stream. */
class FlowSvgLimitsTest {
    @Test
    void fiftyThousandPacketsDrawTheFirstStreamsWithAHint(@TempDir Path dir) throws IOException {
        Path capture = SyntheticCapture.write(dir.resolve("big.pcap"), 1000, 50);
        Path file = dir.resolve("big.svg");
        long start = System.nanoTime();
        Cli r = Cli.run("-r", capture.toString(), "--flow", file.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.status()).isZero();
        assertThat(r.out()).as("no per-packet summaries with --flow").isEmpty();
        assertThat(r.err()).contains("drew the first " + FlowSvg.MAX_STREAMS + " of 1000 TCP streams", "-Y 'tcp.stream == N'", "--flow DIR/");
        assertThat(Files.size(file)).as("SVG size").isLessThan(5_000_000L);
        assertThat(millis).as("run time, ms").isLessThan(60_000L);
        String svg = Files.readString(file);
        assertThat(FlowSvgTest.count(svg, "<g class=\"lifeline\">")).isEqualTo(FlowSvg.MAX_STREAMS + 1);
        assertThat(FlowSvgTest.count(svg, "<g class=\"segment ")).isEqualTo(FlowSvg.MAX_STREAMS * 50);
        assertThat(svg).contains("drew the first 20 of 1000 TCP streams (1000 of 50000 segments)");
    }

    @Test
    void aLongStreamFoldsItsDataRunsButKeepsTheHandshake(@TempDir Path dir) throws IOException {
        Path capture = SyntheticCapture.write(dir.resolve("long.pcap"), 1, 10_000);
        Path file = dir.resolve("long.svg");
        Cli r = Cli.run("-r", capture.toString(), "--flow", file.toString());
        assertThat(r.err()).contains("runs of data/ACK segments are folded");
        String svg = Files.readString(file);
        assertThat(FlowSvgTest.count(svg, "<g class=\"segment ")).isLessThanOrEqualTo(FlowSvg.FOLD_ABOVE);
        assertThat(FlowSvgTest.count(svg, "<g class=\"segment syn\"")).isEqualTo(2);
        assertThat(svg).contains("class=\"segment ack\" data-frame=\"3\"");
        // the folded runs account for every segment: 3 of the handshake, the rest in the runs
        long folded = 0;
        Matcher m = Pattern.compile(">(\\d+) segments, (\\d+) bytes</text>").matcher(svg);
        long bytes = 0;
        while (m.find()) {
            folded += Long.parseLong(m.group(1));
            bytes += Long.parseLong(m.group(2));
        }
        assertThat(folded).isEqualTo(10_000 - 3);
        assertThat(bytes).isEqualTo(100L * ((10_000 - 3 + 1) / 2));
        assertThat(svg).contains("10000 segments in ", "run of data/ACK segments folded");
    }

    @Test
    void oneFilePerStream(@TempDir Path dir) throws IOException {
        Path capture = SyntheticCapture.write(dir.resolve("three.pcap"), 3, 10);
        Path out = dir.resolve("flows");
        Cli r = Cli.run("-r", capture.toString(), "--flow", out + "/");
        assertThat(r.status()).isZero();
        assertThat(r.err()).contains("wrote 3 SVG files");
        for (int s = 0; s < 3; s++) {
            String svg = Files.readString(out.resolve("stream-" + s + ".svg"));
            assertThat(FlowSvgTest.count(svg, "<g class=\"segment ")).isEqualTo(10);
            assertThat(FlowSvgTest.count(svg, "<g class=\"lifeline\">")).isEqualTo(2);
            assertThat(svg).contains("three.pcap, stream " + s, ":" + (20000 + s) + "</text>");
        }
    }

    @Test
    void summariesOnlyWhenAsked(@TempDir Path dir) {
        Path file = dir.resolve("f.svg");
        assertThat(Cli.run("-r", Cli.SAMPLE.toString(), "--flow", file.toString()).out()).isEmpty();
        assertThat(Cli.run("-r", Cli.SAMPLE.toString(), "--handshakes").out()).startsWith("TCP connections: ");
        String fields = Cli.run("-r", Cli.SAMPLE.toString(), "--flow", file.toString(), "-T", "fields", "-e", "frame.number").out();
        long frames = ReportRun.read(Path.of(Cli.SAMPLE + ".fields.tsv")).lines().count() - 1;
        assertThat(fields.lines().count()).as("-T fields: a line per frame").isEqualTo(frames);
    }
}
