package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code -z flow,tcp,standard} byte for byte against tshark 4.0.17. */
class FlowTextTest {
    static String flow(Path capture, String timeFormat) {
        return ReportRun.run(capture, timeFormat, (out, env) -> new FlowText(out, env.columns(), env.digits()));
    }

    @Test
    void oneStreamHasNoConversationColumn() {
        String ours = flow(Cli.SAMPLE, "r");
        assertThat(ours).isEqualTo(ReportRun.read(ReportRun.GOLDEN.resolve("http-sample.tshark.flow-tcp-standard.txt")));
        assertThat(ours).startsWith("|Time     | 10.99.0.2 ").contains("|0.524939 |         PSH, ACK - Len: 98            |Seq = 1 Ack = 1\n");
    }

    @Test
    void severalStreamsIPv4AndIPv6() {
        String ours = flow(ConversationStatsTest.LIFECYCLES, "r");
        assertThat(ours).isEqualTo(ReportRun.read(ReportRun.GOLDEN.resolve("tcp-lifecycles.tshark.flow-tcp-standard.txt")));
        assertThat(ours).startsWith("Conv.| Time    | 10.88.0.2 ").contains("\n-----");
    }

    @ParameterizedTest
    @ValueSource(strings = {"u", "ud", "udoy", "e"})
    void timeColumnFollowsTheTimeFormat(String t) {
        assertThat(flow(ConversationStatsTest.LIFECYCLES, t))
                .isEqualTo(ReportRun.read(ReportRun.GOLDEN.resolve("tcp-lifecycles.tshark.flow-tcp-standard.t-" + t + ".txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp-rst.pcap", "tcp-server-closes-first.pcap", "tcp-http-ipv6.pcapng"})
    void sharedCapturesEqualTshark(String name) {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus (../shared/captures/public) is absent: skipped");
        String base = name.substring(0, name.indexOf('.'));
        assertThat(flow(ReportRun.SHARED.resolve(name), "r"))
                .isEqualTo(ReportRun.read(ReportRun.GOLDEN.resolve(base + ".tshark.flow-tcp-standard.txt")));
    }

    @Test
    void flagNamesAsWireshark() {
        assertThat(FlowCollector.flagNames(0x012)).isEqualTo("SYN, ACK");
        assertThat(FlowCollector.flagNames(0x0c2)).isEqualTo("SYN, ECE, CWR");
        assertThat(FlowCollector.flagNames(0)).isEqualTo("<None>");
        assertThat(FlowCollector.flagNames(0x211)).isEqualTo("FIN, ACK, Reserved");
    }

    @Test
    void overwriteCutsToTheSpan() {
        StringBuilder line = new StringBuilder("|                   |                   |");
        FlowText.overwrite(line, "a label longer than the twenty columns", 10, 30);
        assertThat(line.toString()).isEqualTo("|         a label longer than           |");
    }
}
