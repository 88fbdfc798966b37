package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --report-limit}: a report keeps the first N connections or conversations and says on stderr what it left out. */
class ReportLimitsTest {
    @Test
    void handshakesKeepTheFirstConnectionsAndSaySoOnStderr(@TempDir Path dir) {
        Path capture = SyntheticCapture.write(dir.resolve("five.pcap"), 5, 5);
        Cli all = Cli.run("-r", capture.toString(), "--handshakes");
        assertThat(all.out()).startsWith("TCP connections: 5 ");
        assertThat(all.err()).isEmpty();
        Cli cut = Cli.run("-r", capture.toString(), "--handshakes", "--report-limit", "2");
        assertThat(cut.status()).isZero();
        assertThat(cut.out()).startsWith("TCP connections: 2 ").contains("\nStream 1: ").doesNotContain("\nStream 2: ");
        assertThat(cut.err()).contains("--handshakes: the report limit was reached: the first 2 connections are reported; "
                + "3 later connections are not (raise the limit with --report-limit N)");
        Cli json = Cli.run("-r", capture.toString(), "--handshakes", "-T", "json", "--report-limit", "2");
        assertThat(json.out().split("\"stream\":", -1)).hasSize(3);
    }

    @Test
    void conversationsKeepTheFirstOnesAndCountTheRestOnStderr(@TempDir Path dir) {
        Path capture = SyntheticCapture.write(dir.resolve("five.pcap"), 5, 5);
        Cli cut = Cli.run("-r", capture.toString(), "-q", "-z", "conv,tcp", "--report-limit", "3");
        assertThat(cut.status()).isZero();
        assertThat(cut.out().lines().filter(l -> l.contains(" <-> ")).count()).isEqualTo(3);
        assertThat(cut.err()).contains("-z conv,tcp: the report limit was reached: the first 3 conversations are reported; "
                + "10 packets of later ones are not counted");
    }

    @Test
    void aLimitBelowOneIsAUsageError() {
        assertThat(Cli.run("-r", Cli.SAMPLE.toString(), "--handshakes", "--report-limit", "0").status()).isEqualTo(1);
    }
}
