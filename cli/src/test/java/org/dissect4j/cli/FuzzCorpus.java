package org.dissect4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dissect4j.api.Engine;
import org.dissect4j.api.Frame;
import org.dissect4j.api.LinkType;
import org.dissect4j.api.Tree;
import org.dissect4j.capture.CaptureFiles;
import org.dissect4j.capture.CaptureReader;
import org.dissect4j.testkit.Fuzzer;

/**
 * Seeds and dictionaries of the fuzz targets: the shared corpus ({@code ../shared/captures},
 * {@code ../shared/realworld}, {@code ../shared/filters}) when present, the project's own captures, and each
 * target's regression inputs ({@code src/test/resources/fuzz/<target>/}, findings kept once fixed).
 */
final class FuzzCorpus {
    static final Path REGRESSION = Path.of("src/test/resources/fuzz");
    private static final Path OWN = Path.of("src/test/resources/captures");
    private static List<Path> captures;
    private static List<String> filters;

    private FuzzCorpus() {
    }

    static List<byte[]> seeds(String target) throws IOException {
        List<byte[]> seeds = new ArrayList<>(Fuzzer.regressionInputs(REGRESSION.resolve(target)));
        switch (target) {
            case "readers" -> {
                for (Path p : captures()) {
                    if (Files.size(p) <= 16_384) {
                        byte[] b = Files.readAllBytes(p);
                        seeds.add(b);
                        if (seeds.size() % 8 == 0) {
                            seeds.add(FuzzTargets.gzip(b));
                        }
                    }
                }
            }
            case "frame", "filter-eval" -> {
                boolean ethernetOnly = target.equals("filter-eval");
                for (Path p : captures()) {
                    int taken = 0;
                    for (Frame f : frames(p, 64)) {
                        int selector = selector(f.linkType());
                        if (selector < 0 || ethernetOnly && f.linkType() != LinkType.ETHERNET || taken++ >= 12) {
                            continue;
                        }
                        byte[] bytes = f.segment().asSlice(f.offset(), f.capturedLength()).toArray(ValueLayout.JAVA_BYTE);
                        seeds.add(ethernetOnly ? bytes : cat(new byte[] {(byte) selector}, bytes));
                    }
                }
            }
            case "tcp" -> seeds.addAll(tcpStreams());
            case "filter-compile" -> {
                for (String f : filters()) {
                    seeds.add(f.getBytes(StandardCharsets.UTF_8));
                }
            }
            default -> throw new IllegalArgumentException(target);
        }
        return seeds;
    }

    static List<byte[]> dictionary(String target) {
        List<String> hex = new ArrayList<>(List.of(
                // TLS: record headers, handshake types, extensions (SNI, ALPN, supported_versions, key_share, PSK,
                // signature algorithms, EMS, renegotiation_info), GREASE, a 3-byte length
                "160301", "160303", "170303", "150303", "140303", "0100", "0200", "0b00", "0c00", "0e000000", "1000",
                "0000", "0010", "002b", "0033", "0029", "000d", "0017", "ff01", "0a0a", "fafa", "000005", "ffffff",
                "0303", "0304", "feff", "fefd",
                // TCP options: MSS, window scale, SACK permitted, timestamps, SACK, MPTCP, TFO, experimental, NOP, EOL
                "020405b4", "030307", "0402", "080a0000000100000002", "050a00000001000000ff", "1e0c", "2202", "fe04f989",
                "01", "00",
                // DNS compression pointer and its loop; IPv4 options; an IPv6 extension header
                "c00c", "c000", "4f", "83", "44", "2c00"));
        List<byte[]> d = new ArrayList<>();
        for (String h : hex) {
            d.add(HexFormat.of().parseHex(h));
        }
        List<String> text = target.startsWith("filter-compile")
                ? List.of("==", "!=", " contains ", " matches ", " in ", " && ", " || ", "!", "(", ")", "{", "}", "[", "]",
                        "[0:2]", "[-1]", "\"", "\\x", "0x", "..", "tcp.port", "ip.addr", "http.host", "frame.len",
                        "tls.handshake.type", "eth.src", "/24", "(.*a){20}x", "upper(", "len(", "$", "@", "1e999", ":")
                : List.of("HTTP/1.1 ", "GET / ", "Content-Length: ", "Transfer-Encoding: chunked\r\n", "\r\n\r\n", "Host: ",
                        "0\r\n\r\n", "ffffffff\r\n");
        for (String t : text) {
            d.add(t.getBytes(StandardCharsets.UTF_8));
        }
        return d;
    }

    static synchronized List<String> filters() {
        if (filters == null) {
            filters = new ArrayList<>();
            Path dir = shared().resolve("filters");
            for (String name : List.of("public.tsv", "invalid.tsv")) {
                Path p = dir.resolve(name);
                if (Files.exists(p)) {
                    try {
                        for (String line : Files.readAllLines(p)) {
                            int tab = line.indexOf('\t');
                            filters.add(tab < 0 ? line : line.substring(0, tab));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            filters.addAll(List.of("tcp.port == 443", "http.host matches \"(.*a){20}x\"", "tls.handshake.type == 1",
                    "frame[0:4] == 01:02:03:04", "ip.src == 10.0.0.0/8 && !udp", "dns.qry.name contains \"a\"",
                    "eth.src[0] & 1", "tcp.payload[-1] == 0"));
        }
        return filters;
    }

    private static int selector(int linkType) {
        return switch (linkType) {
            case LinkType.ETHERNET -> 0;
            case LinkType.RAW -> 1;
            case LinkType.LINUX_SLL -> 2;
            case LinkType.NULL -> 3;
            case LinkType.LINUX_SLL2 -> 4;
            case LinkType.IPV4 -> 5;
            case LinkType.IPV6 -> 6;
            default -> -1;
        };
    }

    private static Path shared() {
        Path p = ReportRun.SHARED;
        return p == null ? Path.of("../../shared") : p.getParent().getParent();
    }

    private static synchronized List<Path> captures() throws IOException {
        if (captures == null) {
            captures = new ArrayList<>();
            for (Path root : List.of(shared().resolve("captures"), shared().resolve("realworld"), OWN)) {
                if (Files.isDirectory(root)) {
                    try (Stream<Path> s = Files.walk(root)) {
                        s.filter(p -> p.toString().matches(".*\\.(pcap|pcapng|cap)$")).sorted().forEach(captures::add);
                    }
                }
            }
        }
        return captures;
    }

    /** Up to {@code max} frames of a capture, copied (a corrupt capture gives the frames before the fault). */
    private static List<Frame> frames(Path p, int max) {
        List<Frame> out = new ArrayList<>();
        try (CaptureReader r = CaptureFiles.open(p)) {
            Frame f;
            while (out.size() < max && (f = r.next()) != null) {
                out.add(f.copy());
            }
        } catch (IOException | RuntimeException e) {
            // the frames read so far are seeds
        }
        return out;
    }

    private static byte[] cat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The tcp target's inputs from the corpus' TCP connections: up to 24 segments of each, 400 connections. */
    private static List<byte[]> tcpStreams() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (Path p : captures()) {
            Map<Long, ByteBuffer> streams = new HashMap<>();
            Map<Long, Integer> clients = new HashMap<>();
            Engine e = Engine.load();
            Tree t = e.tree();
            for (String name : List.of("tcp.stream", "tcp.srcport", "tcp.dstport", "tcp.payload")) {
                t.want(e.field(name));
            }
            for (Frame f : frames(p, 400)) {
                t = e.dissect(f).tree();
                int s = t.first(e.field("tcp.stream"));
                if (s < 0) {
                    continue;
                }
                long id = t.value(s);
                int sp = (int) t.value(t.first(e.field("tcp.srcport")));
                int dp = (int) t.value(t.first(e.field("tcp.dstport")));
                int client = clients.computeIfAbsent(id, k -> sp);
                ByteBuffer b = streams.computeIfAbsent(id, k -> {
                    ByteBuffer n = ByteBuffer.allocate(1 << 16);
                    int server = sp == client ? dp : sp;
                    int selector = 0;
                    for (int i = 0; i < 8; i++) {
                        if (new int[] {443, 80, 53, 8080, 1883, 993, 8443, 5353}[i] == server) {
                            selector = i;
                        }
                    }
                    n.put((byte) selector);
                    return n;
                });
                int pl = t.first(e.field("tcp.payload"));
                MemorySegment seg = pl >= 0 ? t.segment(t.source(pl)) : null;
                int len = pl >= 0 ? t.length(pl) : 0;
                if (b.remaining() < 3 + len || len == 0) {
                    continue;
                }
                b.put((byte) (sp == client ? 0 : 1)).putShort((short) len);
                b.put(seg.asSlice(t.base(t.source(pl)) + t.offset(pl), len).toArray(ValueLayout.JAVA_BYTE));
            }
            for (ByteBuffer b : streams.values()) {
                if (b.position() > 1 && seeds.size() < 400) {
                    byte[] s = new byte[Math.min(b.position(), 16_384)];
                    b.flip().get(s);
                    seeds.add(s);
                }
            }
        }
        return seeds;
    }
}
