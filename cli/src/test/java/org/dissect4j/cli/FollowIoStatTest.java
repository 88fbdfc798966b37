package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code -z follow} and {@code -z io,stat} byte for byte against tshark 4.0.17: for every public capture of the
 * shared corpus {@code follow,tcp,ascii,0} and {@code io,stat,1} (the acceptance), and the cases listed in
 * golden/follow-iostat/CASES (other modes, streams, the ADDR:PORT form, ranges, io,stat columns). The goldens were
 * made by golden/follow-iostat/make-goldens.sh; benchmarks/compare-reports.sh compares against a live tshark.
 */
class FollowIoStatTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/follow-iostat");

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> all = new ArrayList<>();
        // the corpus must be there: the test counts on it (CI clones ../shared beside the repository)
        assertThat(ReportRun.SHARED).as("../shared/captures/public").isNotNull();
        try (Stream<Path> files = Files.list(ReportRun.SHARED)) {
            for (Path p : files.filter(f -> f.toString().matches(".*\\.pcap(ng)?$")).sorted().toList()) {
                all.add(Arguments.of(p.getFileName().toString(), "follow,tcp,ascii,0"));
                all.add(Arguments.of(p.getFileName().toString(), "io,stat,1"));
            }
        }
        for (String line : Files.readAllLines(GOLDEN.resolve("CASES"))) {
            int bar = line.indexOf('|');
            if (bar > 0) {
                all.add(Arguments.of(line.substring(0, bar), line.substring(bar + 1)));
            }
        }
        return all.stream();
    }

    /** The golden's file name for a -z argument, as make-goldens.sh writes it. */
    static String fileName(String capture, String z) {
        return capture + "." + z.replaceAll("[^A-Za-z0-9.=-]", "_") + ".txt";
    }

    /** Runs {@code -z z} over the capture through Outputs, as Main builds the report. */
    static String report(Path capture, String z) {
        return ReportRun.run(capture, (out, env) -> {
            Main m = new Main(out, System.err);
            m.statistics.add(z);
            return new Outputs(m, out, System.err).reports(env.columns(), env.digits()).get(0);
        });
    }

    @ParameterizedTest(name = "{0} -z {1}")
    @MethodSource("cases")
    void equalsTshark(String capture, String z) {
        Path golden = GOLDEN.resolve(fileName(capture, z));
        assertThat(golden).exists();
        assertThat(report(ReportRun.SHARED.resolve(capture), z)).isEqualTo(ReportRun.read(golden));
    }

    @Test
    void missingBytesAreMarkedWhenTheOtherSideAcknowledgesThem() {
        FollowRecords r = new FollowRecords(100);
        r.segment(false, 1, 0, 1000, 0, 3, "abc".getBytes(StandardCharsets.US_ASCII));
        // 1003..1009 were lost; 1010 comes early and waits
        r.segment(false, 3, 0, 1010, 0, 2, "xy".getBytes(StandardCharsets.US_ASCII));
        assertThat(r.chunks).hasSize(1);
        // the server acknowledges 1012: the gap was received, the capture missed it
        r.segment(true, 4, 0, 5000, 1012, 0, new byte[0]);
        assertThat(r.chunks).extracting(c -> new String(c.data(), StandardCharsets.US_ASCII))
                .containsExactly("abc", "[7 bytes missing in capture file]\0", "xy");
    }

    @Test
    void retransmissionKeepsOnlyTheNewBytes() {
        FollowRecords r = new FollowRecords(100);
        r.segment(false, 1, 0, -2, 0, 4, "abcd".getBytes(StandardCharsets.US_ASCII));  // wraps past 2^32
        r.segment(false, 2, 0, -2, 0, 6, "abcdef".getBytes(StandardCharsets.US_ASCII));
        assertThat(r.chunks).extracting(c -> new String(c.data(), StandardCharsets.US_ASCII)).containsExactly("abcd", "ef");
    }

    @Test
    void chunksPastTheLimitAreLeftOutAndNamed() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        String shown = ReportRun.run(ReportRun.SHARED.resolve("tcp-http-ipv4.pcap"),
                (out, env) -> new FollowStream(out, "tcp,ascii,0", 2, errors));
        // the request and the response's first segment, then nothing more
        assertThat(shown.lines().filter(l -> l.matches("\t?[0-9]+")).toList()).containsExactly("90", "\t203");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("-z follow: the report limit was reached: the first 2 chunks")
                .contains("--report-limit");
    }

    @Test
    void argumentsTsharkRefusesAreRefused() {
        PrintStream o = System.out;
        assertThatThrownBy(() -> new FollowStream(o, "tcp,ebcdic2,0", 10, o)).hasMessageContaining("display mode");
        assertThatThrownBy(() -> new FollowStream(o, "tcp,ascii,0,3-1", 10, o)).hasMessageContaining("range");
        assertThatThrownBy(() -> new FollowStream(o, "tcp,ascii,10.0.0.1:80,[::1]:80", 10, o)).hasMessageContaining("mismatched");
        assertThatThrownBy(() -> new IoStat(o, "io,stat,1,", "r", 10, o)).hasMessageContaining("invalid");
        assertThatThrownBy(() -> new IoStat(o, "io,stat,0.0000001", "r", 10, o)).hasMessageContaining(">=0.000001");
        assertThatThrownBy(() -> new IoStat(o, "io,stat,1,SUM()tcp", "r", 10, o)).hasMessageContaining("field name");
    }
}
