package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code -z conv,TYPE} byte for byte against tshark 4.0.17 (goldens in golden/reports, made by make-report-captures.sh). */
class ConversationStatsTest {
    static final Path LIFECYCLES = ReportRun.CAPTURES.resolve("tcp-lifecycles.pcap");

    static String conv(Path capture, String type, String timeFormat) {
        return ReportRun.run(capture, timeFormat, (out, env) -> new ConversationStats(out, type, timeFormat, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eth", "ip", "ipv6", "tcp", "udp"})
    void ownCapturesEqualTshark(String type) {
        assertThat(conv(LIFECYCLES, type, "r")).isEqualTo(ReportRun.read(ReportRun.GOLDEN.resolve("tcp-lifecycles.tshark.conv-" + type + ".txt")));
        assertThat(conv(Cli.SAMPLE, type, "r")).isEqualTo(ReportRun.read(ReportRun.GOLDEN.resolve("http-sample.tshark.conv-" + type + ".txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"u", "ud", "udoy", "e"})
    void startColumnFollowsTheTimeFormat(String t) {
        assertThat(conv(LIFECYCLES, "tcp", t))
                .isEqualTo(ReportRun.read(ReportRun.GOLDEN.resolve("tcp-lifecycles.tshark.conv-tcp.t-" + t + ".txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp-rst.pcap", "tcp-server-closes-first.pcap", "tcp-http-ipv6.pcapng"})
    void sharedCapturesEqualTshark(String name) {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus (../shared/captures/public) is absent: skipped");
        String base = name.substring(0, name.indexOf('.'));
        for (String type : ConversationStats.TYPES) {
            assertThat(conv(ReportRun.SHARED.resolve(name), type, "r")).as(name + " conv," + type)
                    .isEqualTo(ReportRun.read(ReportRun.GOLDEN.resolve(base + ".tshark.conv-" + type + ".txt")));
        }
    }

    @Test
    void sortedByFramesThenAppearanceAndDirectionFromTheFirstPacket() {
        List<String> lines = conv(LIFECYCLES, "tcp", "r").lines().toList();
        // stream 4 (TLS, 17 frames) first; the refused connection (2 frames) last
        assertThat(lines.get(5)).startsWith("10.88.0.2:").contains("<-> 10.88.0.1:4433");
        assertThat(lines.get(lines.size() - 2)).contains("10.88.0.1:7104 ").contains("      1 54 bytes        1 74 bytes");
    }

    @Test
    void unknownTypeIsRefused() {
        assertThatThrownBy(() -> new ConversationStats(System.out, "sctp", "r", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eth, ip, ipv6, tcp, udp");
    }

    @Test
    void numbersAsGlibcPrintsThem() {
        assertThat(ReportFormat.fixed(0.00015, 4)).isEqualTo("0.0001");   // binary value is below the half
        assertThat(ReportFormat.fixed(0.00025, 4)).isEqualTo("0.0003");   // and this one above
        assertThat(ReportFormat.fixed(2.5, 0)).isEqualTo("2");            // exact ties go to even
        assertThat(ReportFormat.fixed(-0.00001, 4)).isEqualTo("-0.0000");
        assertThat(ReportFormat.size(9999)).isEqualTo("9999 bytes");
        assertThat(ReportFormat.size(10000)).isEqualTo("10 kB");
        assertThat(ReportFormat.size(17_999)).isEqualTo("17 kB");
        assertThat(ReportFormat.size(12_345_678)).isEqualTo("12 MB");
        assertThat(ReportFormat.seconds(-1_500_000_000L)).isEqualTo(-1.5);
    }
}
