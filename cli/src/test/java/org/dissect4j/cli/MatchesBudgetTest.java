package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A regular expression that backtracks exponentially ({@code (.*a){20}x} over a 40-byte Host) ends
 * within a second and matches nothing, as tshark's PCRE2 gives up at its match limit.
 */
class MatchesBudgetTest {

    @Test
    void aCatastrophicPatternOnAFortyByteHostReturnsInUnderASecond(@TempDir Path dir) throws IOException {
        Path capture = dir.resolve("host40.pcap");
        Files.write(capture, pcap(httpRequest("GET / HTTP/1.1\r\nHost: " + "a".repeat(40) + "\r\n\r\n")));
        assertThat(Cli.run("-r", capture.toString(), "-Y", "http.host").out()).contains("GET / HTTP/1.1");

        long start = System.nanoTime();
        Cli r = Cli.run("-r", capture.toString(), "-Y", "http.host matches \"(.*a){20}x\"");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(ms).isLessThan(1_000);
        assertThat(Cli.run("-r", capture.toString(), "-Y", "http.host matches \"^a{40}$\"").out()).contains("GET / HTTP/1.1");
    }

    /** Ethernet, IPv4 and TCP (port 80, PSH+ACK; checksums zero, not checked by default) around {@code text}. */
    private static byte[] httpRequest(String text) {
        byte[] payload = text.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(14 + 20 + 20 + payload.length);
        b.put(new byte[] {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2, 8, 0});
        b.put((byte) 0x45).put((byte) 0).putShort((short) (40 + payload.length)).putShort((short) 1).putShort((short) 0x4000);
        b.put((byte) 64).put((byte) 6).putShort((short) 0).putInt(0x0a630002).putInt(0x0a630001);
        b.putShort((short) 50000).putShort((short) 80).putInt(1).putInt(1).put((byte) 0x50).put((byte) 0x18);
        b.putShort((short) 512).putInt(0);
        return b.put(payload).array();
    }

    private static byte[] pcap(byte[] frame) {
        ByteBuffer h = ByteBuffer.allocate(24 + 16).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        h.putInt(1).putInt(0).putInt(frame.length).putInt(frame.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.array());
        out.writeBytes(frame);
        return out.toByteArray();
    }
}
