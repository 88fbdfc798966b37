package org.example.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.dissect4j.filter.FilterException;
import org.junit.jupiter.api.Test;

/**
 * The README's Java examples, run against dissect4j as an outside project gets it (the installed
 * BOM and dissect4j-all), on the repository's sample capture. The expected values are tshark's:
 * {@code tshark -r samples/http-sample.pcap -T fields -e frame.number -e udp.srcport -Y udp}.
 */
class ExamplesTest {
    static final Path SAMPLE = Path.of("../../samples/http-sample.pcap");

    @Test
    void sourcePortsOfTheSample() throws Exception {
        assertEquals("7 42964\n8 42964\n", run(out -> SourcePorts.print(SAMPLE, out)));
    }

    @Test
    void filterSelectsTsharksFrames() throws Exception {
        assertEquals("16\n", run(out -> ClientHellos.print(SAMPLE, "http.request.method == \"GET\"", out)));
        assertEquals("", run(out -> ClientHellos.print(SAMPLE, "tcp.port == 443 && tls.handshake.type == 1", out)));
    }

    @Test
    void aMisspelledFieldIsAFilterErrorWithItsPosition() {
        FilterException e = assertThrows(FilterException.class, () -> ClientHellos.print(SAMPLE, "tcp.prot == 80", System.out));
        assertTrue(e.getMessage().contains("tcp.prot"), e.getMessage());
    }

    interface Body {
        void run(PrintStream out) throws Exception;
    }

    static String run(Body body) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            body.run(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
