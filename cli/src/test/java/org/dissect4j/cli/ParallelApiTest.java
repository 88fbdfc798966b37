package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Field;
import org.dissect4j.api.Frame;
import org.dissect4j.api.Packet;
import org.dissect4j.api.Tree;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;
import org.dissect4j.capture.ParallelDissection;
import org.dissect4j.testkit.Conformance;
import org.junit.jupiter.api.Test;

/**
 * The Java API of the README, "On several threads": the example as written gives what one engine gives,
 * and so do the stream indices, which each worker's engine numbers on its own.
 */
class ParallelApiTest {
    private static final Path LIFECYCLES = Path.of("src/test/resources/captures/tcp-lifecycles.pcap");

    /** One engine's lines: frame number and value of every {@code field} node. */
    private static String oneEngine(Path capture, String field) throws Exception {
        Engine engine = Engine.load();
        Field f = engine.field(field);
        engine.tree().want(f);
        StringBuilder out = new StringBuilder();
        try (CaptureReader in = CaptureFiles.open(capture)) {
            Frame frame;
            while ((frame = in.next()) != null) {
                Tree t = engine.dissect(frame).tree();
                for (int n = t.first(f); n >= 0; n = t.next(n)) {
                    t.text(n, out.append(frame.number()).append(' '));
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    /** The README's example, with the field and the capture as parameters and the output collected. */
    private static String readmeExample(Path capture, String field, int threads) throws Exception {
        StringBuilder printed = new StringBuilder();
        try (CaptureReader in = CaptureFiles.open(capture)) {
            ParallelDissection.of(threads, worker -> {
                Engine engine = Engine.load();
                Field sni = engine.field(field);
                engine.tree().want(sni);
                return new ParallelDissection.Worker<StringBuilder>() {
                    public Engine engine() {
                        return engine;
                    }

                    public void result(Frame f, Packet p, boolean displayed, StringBuilder out) {
                        out.setLength(0);
                        Tree t = p.tree();
                        for (int n = t.first(sni); n >= 0; n = t.next(n)) {
                            t.text(n, out.append(f.number()).append(' '));
                            out.append('\n');
                        }
                    }
                };
            }, StringBuilder::new).run(in, (frame, displayed, out) -> printed.append(out));
        }
        return printed.toString();
    }

    @Test
    void theReadmeExampleGivesWhatOneEngineGives() throws Exception {
        Path shared = Conformance.sharedCaptures();
        assumeTrue(shared != null, "shared capture corpus is absent: skipped");
        Path tls = shared.resolve("public/tls13-psk-resume.pcapng");
        String expected = oneEngine(tls, "tls.handshake.extensions_server_name");
        assertThat(expected).isNotEmpty();
        assertThat(readmeExample(tls, "tls.handshake.extensions_server_name", 2)).isEqualTo(expected);
    }

    @Test
    void streamIndicesAreTheCapturesFirstSeenOrder() throws Exception {
        assumeTrue(Files.exists(LIFECYCLES), "the reports' test capture is missing");
        String expected = oneEngine(LIFECYCLES, "tcp.stream");
        assertThat(expected.lines().map(l -> l.split(" ")[1]).distinct().count()).as("streams").isGreaterThan(3);
        for (int threads : new int[] {2, 3, 5}) {
            assertThat(readmeExample(LIFECYCLES, "tcp.stream", threads)).as("%d threads", threads).isEqualTo(expected);
        }
    }
}
