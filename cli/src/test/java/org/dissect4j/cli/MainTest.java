package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command against tshark 4.0.17 goldens made from the project's own sample capture
 * ({@code samples/http-sample.pcap}, goldens beside it and under {@code src/test/resources/golden}).
 */
class MainTest {
    /** Columns owned by the link and network layers, compared on every frame. */
    private static final List<String> PREFIXES = List.of("frame.", "eth.", "sll.", "ip.", "ipv6.", "udp.");

    /**
     * {@code -2}: the first pass must build TCP's connection state even though the summary output
     * wants no field (the header-only shortcut is off), or the second pass shows raw sequence
     * numbers. The first 17 lines (up to the HTTP response, whose reassembly across passes is a
     * known difference) equal tshark's ({@code tshark -2 -r samples/http-sample.pcap}).
     */
    @Test
    void twoPassesKeepTcpState() throws IOException {
        List<String> golden = Cli.golden("summary-2pass.txt").lines().toList();
        Cli r = Cli.run("-2", "-r", Cli.SAMPLE.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out().lines().limit(17).toList()).isEqualTo(golden.subList(0, 17));
    }

    /**
     * A filter and outputs on TCP header values alone let TCP skip its conversation state and
     * hand-offs; asking for a field that needs the whole packet ({@code frame.protocols}) or TCP
     * state ({@code tcp.stream}) must still get the full dissection. Checked against the golden.
     */
    @Test
    void headerOnlyFiltersGiveTheSameAnswerAsFullDissection() throws IOException {
        List<String> golden = Files.readAllLines(Path.of(Cli.SAMPLE + ".fields.tsv"));
        List<String> header = List.of(golden.get(0).split("\t", -1));
        for (List<String> fields : List.of(List.of("frame.number", "tcp.srcport", "tcp.flags.str"),
                List.of("frame.number", "frame.protocols"), List.of("frame.number", "tcp.stream", "tcp.seq"))) {
            for (String filter : List.of("tcp.flags.syn==1", "tcp.len > 0")) {
                List<String> args = new ArrayList<>(List.of("-r", Cli.SAMPLE.toString(), "-Y", filter, "-T", "fields"));
                StringBuilder expected = new StringBuilder();
                for (String row : golden.subList(1, golden.size())) {
                    String[] g = row.split("\t", -1);
                    String syn = g[header.indexOf("tcp.flags.syn")];
                    String len = g[header.indexOf("tcp.len")];
                    boolean match = filter.startsWith("tcp.flags") ? syn.equals("1") || syn.equals("True")
                            : !len.isEmpty() && Long.parseLong(len) > 0;
                    if (match) {
                        expected.append(String.join("\t", fields.stream().map(f -> g[header.indexOf(f)]).toList())).append('\n');
                    }
                }
                for (String f : fields) {
                    args.add("-e");
                    args.add(f);
                }
                Cli r = Cli.run(args.toArray(String[]::new));
                assertThat(r.status()).isZero();
                assertThat(expected).as("%s with %s", fields, filter).isNotEmpty();
                assertThat(r.out()).as("%s with %s", fields, filter).isEqualTo(expected.toString());
            }
        }
    }

    @Test
    void fieldsEqualTsharkGoldenForLinkAndNetworkLayers() throws IOException {
        List<String> golden = Files.readAllLines(Path.of(Cli.SAMPLE + ".fields.tsv"));
        String[] header = golden.get(0).split("\t", -1);
        List<String> args = new ArrayList<>(List.of("-r", Cli.SAMPLE.toString(), "-T", "fields", "-E", "header=y",
                "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,", "-E", "quote=n"));
        List<Integer> cols = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            String h = header[i];
            if (PREFIXES.stream().anyMatch(h::startsWith) && !h.equals("frame.protocols")) {
                cols.add(i);
                args.add("-e");
                args.add(h);
            }
        }
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(golden.size());
        for (int row = 0; row < golden.size(); row++) {
            String[] g = golden.get(row).split("\t", -1);
            String[] t = lines.get(row).split("\t", -1);
            for (int k = 0; k < cols.size(); k++) {
                assertThat(t[k]).as("row %d column %s", row, header[cols.get(k)]).isEqualTo(g[cols.get(k)]);
            }
        }
    }

    @Test
    void summaryLinesEqualTsharkForLinkAndNetworkFrames() throws IOException {
        Cli r = Cli.run("-r", Cli.SAMPLE.toString(), "-c", "12");
        assertThat(r.status()).isZero();
        List<String> golden = Files.readAllLines(Path.of(Cli.SAMPLE + ".summary.txt")).subList(0, 12);
        assertThat(r.out().lines().toList()).isEqualTo(golden);
    }

    @Test
    void summaryWithAbsoluteTimesAndWithoutNameResolution() {
        assertThat(Cli.run("-r", Cli.SAMPLE.toString(), "-c", "12", "-t", "ad").out()).isEqualTo(Cli.golden("summary-ad-c12.txt"));
        assertThat(Cli.run("-r", Cli.SAMPLE.toString(), "-c", "12", "-n").out()).isEqualTo(Cli.golden("summary-n-c12.txt"));
    }

    @Test
    void fieldOptionsQuoteSeparatorAndFirstOccurrence() {
        Cli r = Cli.run("-r", Cli.SAMPLE.toString(), "-c", "12", "-T", "fields", "-E", "occurrence=f", "-E", "separator=/s",
                "-E", "quote=d", "-e", "frame.number", "-e", "ip.addr", "-e", "ipv6.addr", "-e", "eth.addr");
        assertThat(r.out()).isEqualTo(Cli.golden("fields-options-c12.txt"));
    }

    /**
     * {@code -e PROTO} prints what tshark prints: the filter name of a protocol item without a text of its
     * own ({@code http}, {@code icmp}), the label of one with ({@code tcp}), the bytes of {@code data} and of
     * the TCP options Wireshark registers in name only, and the {@code Expert Info (...)} lines of
     * {@code _ws.expert}. The golden is
     * {@code tshark -r samples/http-sample.pcap -T fields -e http -e icmp -e data -e tcp -e tcp.options.mss -e _ws.expert}.
     */
    @Test
    void protocolFieldsPrintAsTshark() {
        Cli r = Cli.run("-r", Cli.SAMPLE.toString(), "-T", "fields", "-e", "http", "-e", "icmp", "-e", "data", "-e", "tcp",
                "-e", "tcp.options.mss", "-e", "_ws.expert");
        assertThat(r.out()).isEqualTo(Cli.golden("fields-protocols.txt"));
    }

    @Test
    void hexDumpJsonAndEkLayoutsEqualTshark() {
        assertThat(Cli.run("-r", Cli.SAMPLE.toString(), "-c", "3", "-x").out()).isEqualTo(Cli.golden("hex-c3.txt"));
        assertThat(Cli.run("-r", Cli.SAMPLE.toString(), "-c", "3", "-T", "json", "-e", "frame.number", "-e", "ip.src",
                "-e", "_ws.col.Protocol").out()).isEqualTo(Cli.golden("json-c3.txt"));
        assertThat(Cli.run("-r", Cli.SAMPLE.toString(), "-c", "3", "-T", "ek", "-e", "frame.number", "-e", "ip.src",
                "-e", "eth.type").out()).isEqualTo(Cli.golden("ek-c3.txt"));
    }

    /** The shipped sample's whole {@code -V} (ARP, ICMP echo and port-unreachable, ICMPv6, UDP, HTTP) is tshark's. */
    @Test
    void verboseTreeIsTsharks() throws IOException {
        Cli r = Cli.run("-r", Cli.SAMPLE.toString(), "-V");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo(Files.readString(Path.of(Cli.SAMPLE + ".verbose.txt")));
    }

    @Test
    void writeThenReadGivesTheSameFields(@TempDir Path dir) {
        for (String format : List.of("pcap", "pcapng")) {
            Path out = dir.resolve("copy." + format);
            Cli w = Cli.run("-r", Cli.SAMPLE.toString(), "-w", out.toString(), "-F", format);
            assertThat(w.status()).isZero();
            assertThat(w.out()).isEmpty();
            String[] fields = {"-T", "fields", "-e", "frame.number", "-e", "frame.time_epoch", "-e", "frame.len", "-e", "ip.src", "-e", "eth.type"};
            String a = Cli.run(concat(new String[] {"-r", Cli.SAMPLE.toString()}, fields)).out();
            String b = Cli.run(concat(new String[] {"-r", out.toString()}, fields)).out();
            assertThat(b).as(format).isEqualTo(a).hasLineCount(28);
        }
    }

    @Test
    void corruptCaptureGivesEarlierFramesThenExitStatus2(@TempDir Path dir) throws IOException {
        byte[] all = Files.readAllBytes(Cli.SAMPLE);
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(all, 24 + 16 + 42 + 16 + 10));
        Cli r = Cli.run("-r", cut.toString(), "-T", "fields", "-e", "frame.number");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEqualTo("1\n");
        assertThat(r.err()).contains("cut.pcap").containsPattern("offset");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void notACaptureAndMissingFileExitWith2(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("junk.bin");
        Files.writeString(junk, "this is not a capture file at all");
        Cli r = Cli.run("-r", junk.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("junk.bin");
        Cli missing = Cli.run("-r", dir.resolve("none.pcap").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("none.pcap");
    }

    @Test
    void usageErrorsExitWith1() {
        assertThat(Cli.run("-r", Cli.SAMPLE.toString(), "-T", "bogus").status()).isEqualTo(1);
        assertThat(Cli.run("-r", Cli.SAMPLE.toString(), "-T", "fields").status()).isEqualTo(1);
        assertThat(Cli.run("--no-such-option").status()).isEqualTo(1);
        assertThat(Cli.run("-r", Cli.SAMPLE.toString(), "-t", "zz").status()).isEqualTo(1);
        assertThat(Cli.run().status()).isEqualTo(1);
    }

    @Test
    void unknownFieldIsNamed() {
        Cli r = Cli.run("-r", Cli.SAMPLE.toString(), "-T", "fields", "-e", "ip.srcc");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Some fields aren't valid").contains("ip.srcc");
    }

    @Test
    void glossaries() {
        Cli fields = Cli.run("-G", "fields");
        assertThat(fields.status()).isZero();
        assertThat(fields.out()).contains("F\tTime to Live\tip.ttl\tFT_UINT8\tip\tBASE_DEC\t0x0\t")
                .contains("P\tInternet Protocol Version 4\tip");
        assertThat(Cli.run("-G", "protocols").out()).contains("User Datagram Protocol\tUDP\tudp");
        assertThat(Cli.run("-G", "dissector-tables").out()).contains("ethertype\t");
        assertThat(Cli.run("-G", "plugins").out()).contains("org.dissect4j.net");
        assertThat(Cli.run("-G", "nonsense").status()).isEqualTo(1);
    }

    @Test
    void stdinIsReadLikeAFile() throws IOException {
        var saved = System.in;
        try (var in = Files.newInputStream(Cli.SAMPLE)) {
            System.setIn(in);
            Cli r = Cli.run("-r", "-", "-T", "fields", "-e", "frame.number");
            assertThat(r.status()).isZero();
            assertThat(r.out().lines().count()).isEqualTo(28);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void filterArgumentMayStartWithADash() {
        Cli r = Cli.run("-r", Cli.SAMPLE.toString(), "-Y", "-tcp.window_size_scalefactor == -1024", "-T", "fields", "-e", "frame.number");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out().lines().count()).isGreaterThan(5);
    }

    @Test
    void statisticsCountEveryPacketWhileHandshakesSeeOnlyTheDisplayedOnes() {
        Cli r = Cli.run("-r", Cli.SAMPLE.toString(), "-q", "-z", "conv,tcp", "--handshakes", "-Y", "frame.number == 0");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("10.99.0.2:56338            <-> 10.99.0.1:8000")
                .contains("TCP connections: 0 (0 with a complete 3-way handshake)");
        assertThat(new ConversationStats(System.out, "tcp", "r", true).seesEveryPacket()).isTrue();
        assertThat(new ExpertStats(System.out, ExpertStats.level(null)).seesEveryPacket()).isTrue();
        assertThat(new HandshakeReport(System.out, false).seesEveryPacket()).isFalse();
    }

    @Test
    void versionAndCount() {
        assertThat(Cli.run("-v").out()).startsWith("TShark (Wireshark) " + Main.TSHARK_VERSION + " (dissect4j " + Main.VERSION + ")");
        assertThat(Cli.run("-r", Cli.SAMPLE.toString(), "-c", "5").out().lines().count()).isEqualTo(5);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
