package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whole commands over the crafted captures of issue 18: every output option exits 0 without an internal error,
 * and shows nothing of the bytes behind a cut frame.
 */
class HostileCapturesTest {
    private static final List<List<String>> OUTPUTS = List.of(List.of("-V"), List.of("-x"), List.of("-T", "json"),
            List.of("-T", "ek"), List.of("-T", "pdml"), List.of("-T", "fields", "-e", "tcp.payload", "-e", "eth.src", "-e", "eth.dst"),
            List.of("--handshakes"), List.of("-q", "-z", "conv,tcp", "-z", "expert"));

    private static Cli run(Path capture, List<String> output) {
        List<String> args = new java.util.ArrayList<>(List.of("-r", capture.toString()));
        args.addAll(output);
        return Cli.run(args.toArray(String[]::new));
    }

    /** A record with nothing captured and an original length of 2 GB, then a TCP SYN: the first decodes nothing. */
    @Test
    void aRecordWithNothingCapturedShowsNoHeaderReadFromTheNextRecord() {
        Path capture = FuzzCorpus.REGRESSION.resolve("readers/caplen0-huge-original-length.pcap");
        for (List<String> output : OUTPUTS) {
            Cli c = run(capture, output);
            assertThat(c.status()).as("%s", output).isZero();
            assertThat(c.err()).as("%s", output).doesNotContain("internal error").doesNotContain("Exception");
        }
        Cli fields = run(capture, List.of("-T", "fields", "-e", "frame.cap_len", "-e", "eth.src", "-e", "tcp.srcport"));
        assertThat(fields.out()).isEqualTo("0\t\t\n14\t02:00:00:77:00:02\t1234\n".replace("\n14\t", "\n54\t"));
    }

    /** tls-dissector's capture cut by the snaplen: -V, JSON and tcp.payload crashed at frame 4. */
    @Test
    void theSnaplenCutTlsCaptureRunsThroughEveryOutput() {
        Path capture = Path.of("../tls-dissector/src/test/resources/captures/tls-snaplen.pcap");
        for (List<String> output : OUTPUTS) {
            Cli c = run(capture, output);
            assertThat(c.status()).as("%s", output).isZero();
            assertThat(c.err()).as("%s", output).doesNotContain("internal error").doesNotContain("Exception");
        }
    }
}
