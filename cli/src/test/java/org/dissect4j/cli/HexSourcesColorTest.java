package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code -x} in one pass shows every data source of a frame as tshark 4.0.17 does ({@code Reassembled TCP (N bytes):},
 * {@code Decrypted TLS (N bytes):}, ...), and {@code -V --color} ends the frame section with the coloring rule's
 * name and string. Goldens in golden/hex-sources were made by tshark 4.0.17 with the command lines below; when
 * tshark is installed, every public capture is compared with it too, with and without its key log.
 */
class HexSourcesColorTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/hex-sources");

    private static Path shared(String name) {
        assertThat(ReportRun.SHARED).as("../shared/captures/public").isNotNull();
        return ReportRun.SHARED.resolve(name);
    }

    private static String golden(String name) throws IOException {
        return Files.readString(GOLDEN.resolve(name));
    }

    @Test
    void hexDumpShowsTheReassembledTcpSourceInOnePass() throws IOException {
        // tshark -r tcp-http-ipv4.pcap -x -Y "frame.number == 42"
        Cli r = Cli.run("-r", shared("tcp-http-ipv4.pcap").toString(), "-x", "-Y", "frame.number == 42");
        assertThat(r.out()).contains("Reassembled TCP (24203 bytes):").isEqualTo(golden("tcp-http-ipv4.pcap.frame42.txt"));
    }

    @Test
    void hexDumpShowsTheDecryptedTlsSourcesInOnePass() throws IOException {
        // tshark -r tls13-full-alpn-sni.pcapng -o tls.keylog_file:tls13-full-alpn-sni.keys -x -Y "frame.number == 6 || frame.number == 11"
        Cli r = Cli.run("-r", shared("tls13-full-alpn-sni.pcapng").toString(), "-o",
                "tls.keylog_file:" + shared("tls13-full-alpn-sni.keys"), "-x", "-Y", "frame.number == 6 || frame.number == 11");
        assertThat(r.out()).contains("Decrypted TLS (969 bytes):").isEqualTo(golden("tls13-full-alpn-sni.pcapng.keys.frames6-11.txt"));
    }

    @Test
    void verboseWithColorNamesTheColoringRule() throws IOException {
        // tshark -r http-plaintext-on-443.pcap -V --color -c 3
        Cli r = Cli.run("-r", shared("http-plaintext-on-443.pcap").toString(), "-V", "--color", "-c", "3");
        assertThat(r.out()).contains("    [Coloring Rule Name: TCP SYN/FIN]\n    [Coloring Rule String: tcp.flags & 0x02 || tcp.flags.fin == 1]\n")
                .isEqualTo(golden("http-plaintext-on-443.pcap.color-c3.txt"));
        assertThat(Cli.run("-r", shared("http-plaintext-on-443.pcap").toString(), "-V", "-c", "3").out()).doesNotContain("Coloring Rule");
    }

    /** Every public capture: {@code -x} with and without its key log, and the coloring lines of {@code -V --color}, equal a live tshark's. */
    @Test
    void everyPublicCaptureAsALiveTshark() throws IOException, InterruptedException {
        Assumptions.assumeTrue(tsharkInstalled(), "tshark is not installed: compared with the goldens only");
        List<String> differ = new ArrayList<>();
        int compared = 0;
        try (Stream<Path> files = Files.list(ReportRun.SHARED)) {
            for (Path cap : files.filter(f -> f.toString().matches(".*\\.pcap(ng)?$")).sorted().toList()) {
                Path keys = Path.of(cap.toString().replaceAll("\\.pcap(ng)?$", ".keys"));
                for (boolean withKeys : new boolean[] {false, true}) {
                    if (withKeys && !Files.exists(keys)) {
                        continue;
                    }
                    List<String> args = new ArrayList<>(List.of("-r", cap.toString()));
                    if (withKeys) {
                        args.addAll(List.of("-o", "tls.keylog_file:" + keys));
                    }
                    compared++;
                    List<String> hex = new ArrayList<>(args);
                    hex.add("-x");
                    if (!tshark(hex).equals(Cli.run(hex.toArray(String[]::new)).out())) {
                        differ.add(cap.getFileName() + (withKeys ? " with keys" : "") + " -x");
                    }
                    List<String> color = new ArrayList<>(args);
                    color.addAll(List.of("-V", "--color"));
                    // without keys only: the decrypted captures' -V is long, and their coloring is the same frames' rules
                    if (!withKeys && !coloring(tshark(color)).equals(coloring(Cli.run(color.toArray(String[]::new)).out()))) {
                        differ.add(cap.getFileName() + (withKeys ? " with keys" : "") + " -V --color");
                    }
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(32);
        assertThat(differ).isEmpty();
    }

    /** The frame headings and coloring lines of a {@code -V} output (other lines differ where -V has its own gaps). */
    private static List<String> coloring(String verbose) {
        return verbose.lines().filter(l -> l.startsWith("Frame ") || l.startsWith("    [Coloring Rule ")).toList();
    }

    private static boolean tsharkInstalled() {
        try {
            return tshark(List.of("-v")).startsWith("TShark (Wireshark) 4.0.17");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String tshark(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tshark"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("tshark did not finish in 60 s");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
