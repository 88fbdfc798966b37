package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.dissect4j.api.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code -z expert}: our output against tshark 4.0.17's, byte for byte, and against our reviewed goldens. */
class ExpertStatsTest {
    static String expert(Path capture, Severity lowest) {
        return ReportRun.run(capture, (out, env) -> new ExpertStats(out, lowest));
    }

    @Test
    void layoutAndGroupingOnOwnCaptures() {
        String sample = expert(Cli.SAMPLE, Severity.COMMENT);
        assertThat(sample).isEqualTo(ReportRun.golden("http-sample.expert.txt", sample));
        assertThat(sample).startsWith("\nNotes (2)\n=============\n   Frequency      Group           Protocol  Summary\n")
                .contains("           2   Sequence                TCP  Connection finish (FIN)\n");
        String ours = expert(ConversationStatsTest.LIFECYCLES, Severity.COMMENT);
        assertThat(ours).isEqualTo(ReportRun.golden("tcp-lifecycles.expert.txt", ours));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http-sample", "tcp-lifecycles"})
    void sameAsTshark(String name) {
        Path capture = name.equals("http-sample") ? Cli.SAMPLE : ConversationStatsTest.LIFECYCLES;
        assertThat(expert(capture, Severity.COMMENT))
                .isEqualTo(ReportRun.read(ReportRun.GOLDEN.resolve(name + ".tshark.expert.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp-rst.pcap", "tcp-server-closes-first.pcap", "tcp-http-ipv6.pcapng"})
    void sharedCapturesSameAsTshark(String name) {
        assumeTrue(ReportRun.SHARED != null, "shared capture corpus (../shared/captures/public) is absent: skipped");
        String base = name.substring(0, name.indexOf('.'));
        assertThat(expert(ReportRun.SHARED.resolve(name), Severity.COMMENT))
                .isEqualTo(ReportRun.read(ReportRun.GOLDEN.resolve(base + ".tshark.expert.txt")));
    }

    @Test
    void lowestLevelDropsTheSectionsBelow() {
        String notes = expert(Cli.SAMPLE, ExpertStats.level("note"));
        assertThat(notes).contains("Notes (2)").doesNotContain("Chats");
        assertThat(expert(Cli.SAMPLE, ExpertStats.level("error"))).isEmpty();
        assertThatThrownBy(() -> ExpertStats.level("info")).hasMessageContaining("error, warn, note, chat or comment");
    }

}
